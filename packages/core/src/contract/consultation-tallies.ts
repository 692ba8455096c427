import { answerTo } from './consultation-answers.js';
import type { ConsultationResults, Question } from './consultation.js';

// How answers become tallies and tallies become results, in plain code: the reference backend
// keeps them in a table, the memory adapter in a Map, and both give the same results. Every
// answer adds to counters only, so the results cost the same to read at any number of responses.

/** The key under which a question counts the responses that answered it. */
export const ANSWERED_KEY = '';

export interface TallyIncrement {
  questionId: string;
  key: string;
  count: number;
}

/** What one (valid) response adds; each (question, key) appears once, as an upsert needs. */
export function tallyIncrements(questions: readonly Question[], answers: Record<string, unknown>): TallyIncrement[] {
  return questions.flatMap((question) =>
    answerIncrements(question, answerTo(answers, question.id)).map(({ key, count }) => ({ questionId: question.id, key, count })),
  );
}

/** What a tally reads of a question: its type, its options, its scale's bounds. */
export type TalliedQuestion = Pick<Question, 'type' | 'options' | 'min' | 'max'>;

/**
 * What one answer to one question adds to its counters, each key once: ANSWERED_KEY, then the
 * option, value or `yes`/`no` chosen (Borda points for a ranking). Nothing when it was not answered.
 */
export function answerIncrements(question: TalliedQuestion, answer: unknown): { key: string; count: number }[] {
  if (answer === undefined || answer === null) return [];
  const add = (key: string, count = 1) => ({ key, count });
  const answered = add(ANSWERED_KEY);
  switch (question.type) {
    case 'single':
    case 'scale':
      return [answered, add(String(answer))];
    case 'multiple':
      return [answered, ...(answer as string[]).map((id) => add(id))];
    case 'yesno':
      return [answered, add(answer ? 'yes' : 'no')];
    case 'ranking': {
      // Borda count: first of n gets n points, last gets 1.
      const order = answer as string[];
      return [answered, ...order.map((id, index) => add(id, order.length - index))];
    }
    case 'text':
      return [answered];
  }
}

/** The results from the tally rows; options and values never chosen show as 0. */
export function resultsOf(
  consultation: { id: string; questions: readonly Question[] },
  responses: number,
  rows: readonly { question_id: string; key: string; count: number | bigint | string }[],
): ConsultationResults {
  const byQuestion = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const counts = byQuestion.get(row.question_id) ?? new Map<string, number>();
    counts.set(row.key, Number(row.count));
    byQuestion.set(row.question_id, counts);
  }
  const questions: ConsultationResults['questions'] = {};
  for (const question of consultation.questions) {
    questions[question.id] = questionTallyOf(question, byQuestion.get(question.id) ?? new Map<string, number>());
  }
  return { consultation: consultation.id, responses, questions };
}

/** One question's tally from its counters by key; options and values never chosen show as 0. */
export function questionTallyOf(
  question: TalliedQuestion,
  tallied: ReadonlyMap<string, number>,
): { answered: number; counts?: Record<string, number>; mean?: number } {
  const answered = tallied.get(ANSWERED_KEY) ?? 0;
  const keys = keysOf(question);
  if (!keys) return { answered };
  const counts = Object.fromEntries(keys.map((key) => [key, tallied.get(key) ?? 0]));
  if (question.type !== 'scale' || answered === 0) return { answered, counts };
  const sum = keys.reduce((total, key) => total + Number(key) * (counts[key] ?? 0), 0);
  return { answered, counts, mean: sum / answered };
}

function keysOf(question: TalliedQuestion): string[] | undefined {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return (question.options ?? []).map((option) => option.id);
    case 'yesno':
      return ['yes', 'no'];
    case 'scale': {
      const min = question.min ?? 0;
      return Array.from({ length: (question.max ?? min) - min + 1 }, (_, index) => String(min + index));
    }
    case 'text':
      return undefined;
  }
}
