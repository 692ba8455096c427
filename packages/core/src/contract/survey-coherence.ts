import type { Condition } from './consultation-answers.js';
import { datesProblems, duplicateIdProblems, questionListProblems, type QuestionLike } from './consultation-coherence.js';
import type { FieldError } from './error.js';
import { NO_ANSWER_GROUP } from './survey-results.js';

// A survey's definition passes the consultation's checks on its questions, read in the order they
// are asked across sections, plus the sections' own: ids, their conditions, and the values the
// conditions test, which must be answers the referenced question can give.

interface SurveyQuestionLike extends QuestionLike {
  showIf?: Condition;
  breakdown?: boolean;
}

/** Each breakdown multiplies the groups a manager can compare: a few are enough to read results by. */
export const MAX_BREAKDOWNS = 3;
const BREAKDOWN_TYPES: readonly string[] = ['single', 'yesno'];

interface SurveyDefinitionLike {
  opensAt: string;
  closesAt: string;
  sections: readonly { id: string; showIf?: Condition; questions: readonly SurveyQuestionLike[] }[];
}

/** Every problem of a survey definition, each at its path (`sections.1.questions.0.showIf.question`). */
export function surveyDefinitionProblems(definition: SurveyDefinitionLike): FieldError[] {
  const problems: FieldError[] = [...datesProblems(definition)];
  problems.push(
    ...duplicateIdProblems(definition.sections, 'sections', 'section'),
    ...questionListProblems(
      definition.sections.flatMap((section, s) => section.questions.map((question, q) => ({ question, at: `sections.${s}.questions.${q}` }))),
    ),
  );

  problems.push(...breakdownProblems(definition));

  // The questions asked so far, in order; a condition may only test one of them. A section's
  // condition is read before its own questions are added, so it cannot test one of them.
  const earlier = new Map<string, SurveyQuestionLike>();
  definition.sections.forEach((section, s) => {
    if (section.showIf) {
      const referenced = earlier.get(section.showIf.question);
      if (referenced) problems.push(...conditionValueProblems(section.showIf, referenced, `sections.${s}.showIf`));
      else problems.push({ path: `sections.${s}.showIf.question`, message: `"${section.showIf.question}" is not a question of an earlier section` });
    }
    section.questions.forEach((question, q) => {
      // A condition on an unknown or later question is named by questionListProblems.
      const referenced = question.showIf && earlier.get(question.showIf.question);
      if (question.showIf && referenced) problems.push(...conditionValueProblems(question.showIf, referenced, `sections.${s}.questions.${q}.showIf`));
      if (!earlier.has(question.id)) earlier.set(question.id, question);
    });
  });
  return problems;
}

/** A breakdown splits the agents by one answer each: a single choice or a yes/no, and only a few. */
function breakdownProblems(definition: SurveyDefinitionLike): FieldError[] {
  const problems: FieldError[] = [];
  let breakdowns = 0;
  definition.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (!question.breakdown) return;
      breakdowns += 1;
      const at = `sections.${s}.questions.${q}.breakdown`;
      if (!BREAKDOWN_TYPES.includes(question.type)) problems.push({ path: at, message: `a ${question.type} question cannot break results down: use a single choice or a yes/no` });
      else if (breakdowns > MAX_BREAKDOWNS) problems.push({ path: at, message: `at most ${MAX_BREAKDOWNS} questions may break results down` });
      // The group of agents who gave no answer is named NO_ANSWER_GROUP: an option may not take its name.
      const clash = (question.options ?? []).findIndex((option) => option.id === NO_ANSWER_GROUP);
      if (clash >= 0) problems.push({ path: `sections.${s}.questions.${q}.options.${clash}.id`, message: `"${NO_ANSWER_GROUP}" names the agents who did not answer a breakdown question: choose another option id` });
    }),
  );
  return problems;
}

/**
 * A condition whose value no answer to the referenced question can match would hide its question
 * or section for good: `equals` takes an option id of a single, a boolean of a yesno, a whole
 * number in a scale's range, a text; `includes` an option id of a multiple; `between` a scale's.
 */
export function conditionValueProblems(condition: Condition, referenced: SurveyQuestionLike, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const { type, id } = referenced;
  const optionIds = new Set((referenced.options ?? []).map((option) => option.id));
  if (condition.equals !== undefined && !canEqual(referenced, optionIds, condition.equals)) {
    problems.push({ path: `${at}.equals`, message: `no answer to the ${type} question "${id}" equals this value` });
  }
  if (condition.includes !== undefined) {
    if (type !== 'multiple') problems.push({ path: `${at}.includes`, message: `the answer to the ${type} question "${id}" is not a list of choices` });
    else if (!optionIds.has(condition.includes)) problems.push({ path: `${at}.includes`, message: `"${condition.includes}" is not an option of "${id}"` });
  }
  if (condition.between !== undefined) {
    const [low, high] = condition.between;
    if (type !== 'scale') problems.push({ path: `${at}.between`, message: `the answer to the ${type} question "${id}" is not a number` });
    else if (low > high) problems.push({ path: `${at}.between`, message: 'the first bound must not be greater than the second' });
  }
  return problems;
}

function canEqual(question: SurveyQuestionLike, optionIds: ReadonlySet<string>, value: unknown): boolean {
  switch (question.type) {
    case 'single':
      return typeof value === 'string' && optionIds.has(value);
    case 'yesno':
      return typeof value === 'boolean';
    case 'scale':
      return Number.isInteger(value) && (question.min === undefined || (value as number) >= question.min) && (question.max === undefined || (value as number) <= question.max);
    case 'text':
      return typeof value === 'string';
    default:
      // A list or a map is never equal (===) to a value read from JSON.
      return false;
  }
}
