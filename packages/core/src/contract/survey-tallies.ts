import { answerTo } from './consultation-answers.js';
import { ANSWERED_KEY, answerIncrements, questionTallyOf, type TalliedQuestion } from './consultation-tallies.js';
import { addToBitset, disclosureOf, emptyBitset, intersectionSize, type Bitset } from './survey-disclosure.js';
import {
  DEFAULT_MINIMUM_GROUP,
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

const WITHHELD: Withheld = { withheld: true };

/** Counters by key, each one per release: the whole survey's (slot 0), then each breakdown group's. */
type Counters = Map<string, Int32Array>;

/** One release's counters, as questionTallyOf reads them. */
const countersAt = (counters: Counters, slot: number): Map<string, number> => new Map([...counters].map(([key, bySlot]) => [key, bySlot[slot]!]));

/** A measure the tallies count: a question, or a matrix statement (its question's options as a single choice). */
interface Measure {
  question: SurveyQuestion;
  statement?: string;
  tallied?: TalliedQuestion;
  members: Bitset;
  counters: Counters;
  /** The measure whose withholding withholds this one, as disclosureOf numbers them (0: the group's membership). */
  parent: number;
}

/** The results of a survey from all its responses' answers; tallies only once it has closed. */
export function surveyResultsOf(
  survey: { id: string; title: string; closesAt: string; sections: SurveySection[]; minimumGroup?: number },
  answers: readonly Record<string, unknown>[],
  context: { status: ConsultationStatus; invited: number },
): SurveyResults {
  const minimumGroup = survey.minimumGroup ?? DEFAULT_MINIMUM_GROUP;
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
  const slots = 1 + groupKeys.reduce((total, keys) => total + keys.length, 0);

  const everyone = emptyBitset(respondents);
  const measures: Measure[] = [];
  const measureOf = new Map<string, number>();
  for (const question of questions) {
    const measure = (statement?: string, tallied?: TalliedQuestion, parent = 0): number => {
      measures.push({ question, statement, tallied, members: emptyBitset(respondents), counters: new Map(), parent });
      return measures.length - 1;
    };
    if (question.type !== 'matrix') {
      measureOf.set(question.id, measure(undefined, { type: question.type, options: question.options, min: question.min, max: question.max }));
      continue;
    }
    const parent = measure();
    measureOf.set(question.id, parent);
    for (const statement of question.statements ?? []) measure(statement.id, { type: 'single', options: question.options }, parent + 1);
  }
  const comments = new Map<string, string[]>();

  answers.forEach((response, respondent) => {
    addToBitset(everyone, respondent);
    const inSlots = [0];
    let first = 1;
    breakdowns.forEach((question, breakdown) => {
      const keys = groupKeys[breakdown]!;
      const found = keys.indexOf(groupKeyOf(question, answerTo(response, question.id)));
      const group = found >= 0 ? found : keys.indexOf(NO_ANSWER_GROUP);
      addToBitset(groupMembers[breakdown]![group]!, respondent);
      inSlots.push(first + group);
      first += keys.length;
    });
    for (const measure of measures) {
      const answer = answerTo(response, measure.question.id);
      const increments = measure.tallied ? answerIncrements(measure.tallied, measure.statement === undefined ? answer : statementAnswer(answer, measure.statement)) : matrixIncrements(answer);
      if (increments.length === 0) continue;
      addToBitset(measure.members, respondent);
      for (const { key, count } of increments) {
        let bySlot = measure.counters.get(key);
        if (!bySlot) measure.counters.set(key, (bySlot = new Int32Array(slots)));
        for (const slot of inSlots) bySlot[slot]! += count;
      }
      if (measure.question.type === 'text' && typeof answer === 'string' && answer.trim() !== '') {
        const written = comments.get(measure.question.id) ?? [];
        written.push(answer.trim());
        comments.set(measure.question.id, written);
      }
    }
  });

  // Measure 0 is the groups' membership; the questions' measures follow, one after the other.
  const disclosure = disclosureOf({
    respondents,
    minimumGroup,
    breakdowns: groupMembers,
    measures: [{ members: everyone }, ...measures.map(({ members, parent }) => ({ members, parent }))],
  });
  const released = (index: number, slot: Place) => (slot === 'whole' ? disclosure.whole(index + 1) : disclosure.group(index + 1, slot.breakdown, slot.group));

  const questionResult = (question: SurveyQuestion, place: Place, slot: number): SurveyQuestionResult => {
    const index = measureOf.get(question.id)!;
    if (!released(index, place)) return WITHHELD;
    const measure = measures[index]!;
    if (question.type === 'matrix') {
      const statements: Record<string, SurveyStatementTally | Withheld> = {};
      measures.forEach((statement, at) => {
        if (statement.parent !== index + 1 || statement.statement === undefined) return;
        statements[statement.statement] = released(at, place) ? (questionTallyOf(statement.tallied!, countersAt(statement.counters, slot)) as SurveyStatementTally) : WITHHELD;
      });
      return { answered: measure.counters.get(ANSWERED_KEY)?.[slot] ?? 0, statements };
    }
    const tally: SurveyQuestionTally = questionTallyOf(measure.tallied!, countersAt(measure.counters, slot));
    if (question.type !== 'text' || place !== 'whole') return tally;
    // Sorted, so that their order says nothing of when each was written.
    const written = (comments.get(question.id) ?? []).sort((a, b) => a.localeCompare(b, 'fr'));
    return written.length >= minimumComments ? { ...tally, comments: written } : { ...tally, commentsWithheld: true };
  };

  for (const question of questions) results.questions[question.id] = questionResult(question, 'whole', 0);
  let first = 1;
  breakdowns.forEach((question, breakdown) => {
    const byGroup: Record<string, SurveyGroupResults | Withheld> = {};
    groupKeys[breakdown]!.forEach((key, group) => {
      const place = { breakdown, group };
      if (!disclosure.group(0, breakdown, group)) {
        byGroup[key] = WITHHELD;
        return;
      }
      const groupQuestions: Record<string, SurveyQuestionResult> = {};
      for (const asked of questions) groupQuestions[asked.id] = questionResult(asked, place, first + group);
      byGroup[key] = { respondents: intersectionSize(groupMembers[breakdown]![group]!), questions: groupQuestions };
    });
    first += groupKeys[breakdown]!.length;
    results.breakdowns[question.id] = byGroup;
  });
  return results;
}

type Place = 'whole' | { breakdown: number; group: number };

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
