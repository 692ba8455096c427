import { answerTo } from './consultation-answers.js';
import { ANSWERED_KEY, answerIncrements, questionTallyOf, type TalliedQuestion } from './consultation-tallies.js';
import { addToBitset, disclosureOf, emptyBitset, intersectionSize, slotsOf, type Bitset } from './survey-disclosure.js';
import {
  DEFAULT_MINIMUM_GROUP,
  LOWEST_MINIMUM_GROUP,
  MINIMUM_COMMENTS,
  NO_ANSWER_GROUP,
  type SurveyGroupResults,
  type SurveyQuestionResult,
  type SurveyQuestionTally,
  type SurveyResults,
  type SurveyStatementTally,
  type Withheld,
} from './survey-results.js';
import type { SurveyQuestion, SurveySection } from './survey.js';
import type { ConsultationStatus } from './vocabulary.js';

// A survey's results, computed once from every response after the close: the tallies of the
// whole survey and of each breakdown group, each counted as the consultation's are
// (answerIncrements, questionTallyOf), then withheld where they would describe too few agents
// (disclosureOf). Nothing is computed while the survey is open: results published one response
// at a time would let each response be read as the difference between two publications.

const WITHHELD: Withheld = Object.freeze({ withheld: true });

/** Counters by key, each one per release: the whole survey's (slot 0), then each breakdown group's. */
type Counters = Map<string, Int32Array>;

/** One release's counters, as questionTallyOf reads them. */
const countersAt = (counters: Counters, slot: number): Map<string, number> => new Map([...counters].map(([key, bySlot]) => [key, bySlot[slot]!]));

/**
 * What the tallies count, numbered as disclosureOf reads them: 0 is the groups' membership, then
 * each question, a matrix followed by its statements (counted as single choices of its options).
 */
interface Measure {
  /** None for the membership, which counts every respondent. */
  question?: SurveyQuestion;
  statement?: string;
  /** How its answers are counted; none for a matrix, which only counts who answered it. */
  tallied?: TalliedQuestion;
  members: Bitset;
  counters: Counters;
  /** The measure whose withholding withholds this one: the membership, or a statement's matrix. */
  parent?: number;
  /** A matrix's statements' measures. */
  statements: number[];
}

/** The results of a survey from all its responses' answers; tallies only once it has closed. */
export function surveyResultsOf(
  survey: { id: string; title: string; closesAt: string; sections: SurveySection[]; minimumGroup?: number },
  answers: readonly Record<string, unknown>[],
  context: { status: ConsultationStatus; invited: number },
): SurveyResults {
  // The definition never goes below 3; a stored survey that did would still not be shown so.
  const minimumGroup = Math.max(LOWEST_MINIMUM_GROUP, survey.minimumGroup ?? DEFAULT_MINIMUM_GROUP);
  const minimumComments = Math.max(MINIMUM_COMMENTS, minimumGroup);
  const published = context.status === 'closed';
  const results: SurveyResults = {
    survey: survey.id,
    title: survey.title,
    sections: survey.sections,
    status: context.status,
    closesAt: survey.closesAt,
    invited: context.invited,
    received: answers.length,
    published,
    respondents: published ? answers.length : 0,
    minimumGroup,
    minimumComments,
    questions: {},
    breakdowns: {},
  };
  if (!published) return results;

  const respondents = answers.length;
  const questions = survey.sections.flatMap((section) => section.questions);
  const breakdowns = questions.filter((question) => question.breakdown && (question.type === 'single' || question.type === 'yesno'));
  // A `none` option would meet the agents who did not answer: one group then holds both.
  const groupKeys = breakdowns.map((question) => [
    ...new Set([...(question.type === 'yesno' ? ['yes', 'no'] : (question.options ?? []).map((option) => option.id)), NO_ANSWER_GROUP]),
  ]);
  const groupMembers = groupKeys.map((keys) => keys.map(() => emptyBitset(respondents)));
  const groupSlots = slotsOf(groupKeys);
  const slots = 1 + groupKeys.flat().length;

  const measures: Measure[] = [{ members: emptyBitset(respondents), counters: new Map(), statements: [] }];
  const measureOf = new Map<string, number>();
  for (const question of questions) {
    const add = (measure: Omit<Measure, 'members' | 'counters' | 'statements'>) => measures.push({ ...measure, members: emptyBitset(respondents), counters: new Map(), statements: [] }) - 1;
    if (question.type !== 'matrix') {
      measureOf.set(question.id, add({ question, parent: 0, tallied: { type: question.type, options: question.options, min: question.min, max: question.max } }));
      continue;
    }
    const matrix = add({ question, parent: 0 });
    measureOf.set(question.id, matrix);
    for (const { id } of question.statements ?? []) {
      measures[matrix]!.statements.push(add({ question, statement: id, parent: matrix, tallied: { type: 'single', options: question.options } }));
    }
  }
  const comments = new Map<string, string[]>();

  answers.forEach((response, respondent) => {
    addToBitset(measures[0]!.members, respondent);
    const inSlots = [0];
    breakdowns.forEach((question, breakdown) => {
      const keys = groupKeys[breakdown]!;
      const found = keys.indexOf(groupKeyOf(question, answerTo(response, question.id)));
      const group = found >= 0 ? found : keys.indexOf(NO_ANSWER_GROUP);
      addToBitset(groupMembers[breakdown]![group]!, respondent);
      inSlots.push(groupSlots[breakdown]![group]!);
    });
    for (const measure of measures) {
      const { question } = measure;
      if (!question) continue;
      const answer = answerTo(response, question.id);
      const increments = measure.tallied
        ? answerIncrements(measure.tallied, measure.statement === undefined ? answer : statementAnswer(answer, measure.statement))
        : matrixIncrements(answer);
      if (increments.length === 0) continue;
      addToBitset(measure.members, respondent);
      for (const { key, count } of increments) {
        let bySlot = measure.counters.get(key);
        if (!bySlot) measure.counters.set(key, (bySlot = new Int32Array(slots)));
        for (const slot of inSlots) bySlot[slot]! += count;
      }
      if (question.type === 'text' && typeof answer === 'string' && answer.trim() !== '') {
        const written = comments.get(question.id) ?? [];
        written.push(answer.trim());
        comments.set(question.id, written);
      }
    }
  });

  const shown = disclosureOf({ respondents, minimumGroup, breakdowns: groupMembers, measures });
  const tallyAt = (measure: Measure, slot: number) => questionTallyOf(measure.tallied!, countersAt(measure.counters, slot));

  const questionResult = (question: SurveyQuestion, slot: number): SurveyQuestionResult => {
    const index = measureOf.get(question.id)!;
    if (!shown(index, slot)) return WITHHELD;
    const measure = measures[index]!;
    if (question.type === 'matrix') {
      const statements: Record<string, SurveyStatementTally | Withheld> = {};
      for (const at of measure.statements) {
        const statement = measures[at]!;
        statements[statement.statement!] = shown(at, slot) ? (tallyAt(statement, slot) as SurveyStatementTally) : WITHHELD;
      }
      return { answered: measure.counters.get(ANSWERED_KEY)?.[slot] ?? 0, statements };
    }
    const tally: SurveyQuestionTally = tallyAt(measure, slot);
    if (question.type !== 'text' || slot !== 0) return tally;
    // Sorted, so that their order says nothing of when each was written.
    const written = (comments.get(question.id) ?? []).sort((a, b) => a.localeCompare(b, 'fr'));
    return written.length >= minimumComments ? { ...tally, comments: written } : { ...tally, commentsWithheld: true };
  };

  for (const question of questions) results.questions[question.id] = questionResult(question, 0);
  breakdowns.forEach((question, breakdown) => {
    const byGroup: Record<string, SurveyGroupResults | Withheld> = {};
    groupKeys[breakdown]!.forEach((key, group) => {
      const slot = groupSlots[breakdown]![group]!;
      if (!shown(0, slot)) {
        byGroup[key] = WITHHELD;
        return;
      }
      const groupQuestions: Record<string, SurveyQuestionResult> = {};
      for (const asked of questions) groupQuestions[asked.id] = questionResult(asked, slot);
      byGroup[key] = { respondents: intersectionSize(groupMembers[breakdown]![group]!), questions: groupQuestions };
    });
    results.breakdowns[question.id] = byGroup;
  });
  return results;
}

/** The group an answer to a breakdown question puts an agent in; NO_ANSWER_GROUP when none. */
function groupKeyOf(question: SurveyQuestion, answer: unknown): string {
  if (question.type === 'yesno' && typeof answer === 'boolean') return answer ? 'yes' : 'no';
  if (question.type === 'single' && typeof answer === 'string') return answer;
  return NO_ANSWER_GROUP;
}

/** A matrix answers each statement with an option id: `{ [statementId]: optionId }`. */
function statementAnswer(answer: unknown, statement: string): unknown {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answerTo(answer as Record<string, unknown>, statement) : undefined;
}

function matrixIncrements(answer: unknown): { key: string; count: number }[] {
  return answer === undefined || answer === null ? [] : [{ key: ANSWERED_KEY, count: 1 }];
}
