import type { FieldError } from './error.js';
import { TEXT_ANSWER_MAX_LENGTH, type SurveyQuestionType } from './vocabulary.js';

// The checks a definition must pass beyond the shape of each field: they look across fields and
// questions, and they all run, so that an admin fixes a file once rather than once per problem.

/** What the coherence checks read of a question (a consultation's or a survey's). */
export interface QuestionLike {
  id: string;
  type: SurveyQuestionType;
  options?: readonly { id: string }[];
  statements?: readonly { id: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  showIf?: { question: string };
}

interface DefinitionLike {
  opensAt: string;
  closesAt: string;
  questions: readonly QuestionLike[];
}

/** A question and where it sits in its definition: `questions.3`, `sections.1.questions.0`. */
export interface PlacedQuestion {
  question: QuestionLike;
  at: string;
}

const CHOICE_TYPES: readonly SurveyQuestionType[] = ['single', 'multiple', 'ranking', 'matrix'];

export function definitionProblems(definition: DefinitionLike): FieldError[] {
  return [
    ...datesProblems(definition),
    ...questionListProblems(definition.questions.map((question, index) => ({ question, at: `questions.${index}` }))),
  ];
}

export function datesProblems(dates: { opensAt: string; closesAt: string }): FieldError[] {
  return Date.parse(dates.closesAt) <= Date.parse(dates.opensAt) ? [{ path: 'closesAt', message: 'must be after opensAt' }] : [];
}

/**
 * The problems of questions listed in the order they are asked (a consultation's, or a survey's
 * across its sections): each question's own, an id used twice, a condition not on an earlier one.
 */
export function questionListProblems(placed: readonly PlacedQuestion[]): FieldError[] {
  const problems: FieldError[] = [];
  const ids = new Set<string>();
  for (const { question, at } of placed) {
    if (ids.has(question.id)) problems.push({ path: `${at}.id`, message: `the question id "${question.id}" is used twice` });
    ids.add(question.id);
    problems.push(...questionProblems(question, at));
  }
  // Only an earlier question may be named, which also rules out a question depending on itself.
  const earlier = new Set<string>();
  for (const { question, at } of placed) {
    if (question.showIf && !earlier.has(question.showIf.question)) {
      problems.push({ path: `${at}.showIf.question`, message: `"${question.showIf.question}" is not an earlier question` });
    }
    earlier.add(question.id);
  }
  return problems;
}

function questionProblems(question: QuestionLike, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const options = question.options ?? [];
  if (CHOICE_TYPES.includes(question.type)) {
    if (options.length < 2) problems.push({ path: `${at}.options`, message: `a ${question.type} question needs at least two options` });
    problems.push(...duplicateIdProblems(options, `${at}.options`, 'option'));
  } else if (question.options !== undefined) {
    problems.push({ path: `${at}.options`, message: `a ${question.type} question has no options` });
  }

  if (question.type === 'matrix') {
    const statements = question.statements ?? [];
    if (statements.length < 1) problems.push({ path: `${at}.statements`, message: 'a matrix question needs at least one statement' });
    problems.push(...duplicateIdProblems(statements, `${at}.statements`, 'statement'));
  } else if (question.statements !== undefined) {
    problems.push({ path: `${at}.statements`, message: `a ${question.type} question has no statements` });
  }

  if (question.type === 'scale') {
    if (question.min === undefined) problems.push({ path: `${at}.min`, message: 'a scale needs its min' });
    if (question.max === undefined) problems.push({ path: `${at}.max`, message: 'a scale needs its max' });
    if (question.min !== undefined && question.max !== undefined && question.min >= question.max) {
      problems.push({ path: `${at}.max`, message: 'must be greater than min' });
    }
    if (question.max !== undefined && question.min !== undefined && question.max - question.min > 100) {
      problems.push({ path: `${at}.max`, message: 'a scale has at most 101 values' });
    }
  } else if (question.type === 'multiple') {
    // min/max count choices here; each within the number of options.
    if (question.min !== undefined && question.min < 0) problems.push({ path: `${at}.min`, message: 'must be 0 or more' });
    if (question.max !== undefined && question.max < 1) problems.push({ path: `${at}.max`, message: 'must be 1 or more' });
    if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
      problems.push({ path: `${at}.min`, message: 'must not be greater than max' });
    }
    if (question.min !== undefined && question.min > options.length) {
      problems.push({ path: `${at}.min`, message: 'asks for more choices than there are options' });
    }
  } else {
    for (const bound of ['min', 'max'] as const) {
      if (question[bound] !== undefined) problems.push({ path: `${at}.${bound}`, message: `a ${question.type} question has no ${bound}` });
    }
  }

  if (question.type === 'text') {
    if (question.maxLength === undefined) problems.push({ path: `${at}.maxLength`, message: 'a text question needs its maxLength' });
    else if (question.maxLength > TEXT_ANSWER_MAX_LENGTH) {
      problems.push({ path: `${at}.maxLength`, message: `must be ${TEXT_ANSWER_MAX_LENGTH} or less` });
    }
  } else if (question.maxLength !== undefined) {
    problems.push({ path: `${at}.maxLength`, message: `a ${question.type} question has no maxLength` });
  }
  return problems;
}

/** An id used a second time in a list, named at `<at>.<index>.id`: options, statements, sections. */
export function duplicateIdProblems(items: readonly { id: string }[], at: string, noun: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) problems.push({ path: `${at}.${index}.id`, message: `the ${noun} id "${item.id}" is used twice` });
    seen.add(item.id);
  });
  return problems;
}
