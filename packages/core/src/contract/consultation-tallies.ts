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
  return questions.flatMap((question) => {
    const answer = answerTo(answers, question.id);
    if (answer === undefined || answer === null) return [];
    const add = (key: string, count = 1): TallyIncrement => ({ questionId: question.id, key, count });
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
  });
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
    const tallied = byQuestion.get(question.id) ?? new Map<string, number>();
    const answered = tallied.get(ANSWERED_KEY) ?? 0;
    const keys = keysOf(question);
    if (!keys) {
      questions[question.id] = { answered };
      continue;
    }
    const counts = Object.fromEntries(keys.map((key) => [key, tallied.get(key) ?? 0]));
    questions[question.id] = { answered, counts };
    if (question.type === 'scale') {
      const sum = keys.reduce((total, key) => total + Number(key) * (counts[key] ?? 0), 0);
      if (answered > 0) questions[question.id] = { answered, counts, mean: sum / answered };
    }
  }
  return { consultation: consultation.id, responses, questions };
}

function keysOf(question: Question): string[] | undefined {
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
