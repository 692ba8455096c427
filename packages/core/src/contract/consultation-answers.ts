import type { FieldError } from './error.js';
import type { QuestionType } from './vocabulary.js';

// Answer checks in plain code, without zod: the element runs them before sending (to say which
// answer is missing) and the server runs the same ones, so both refuse the same answers.

interface AnswerableQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  options?: readonly { id: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  showIf?: { question: string; equals?: unknown; includes?: string; between?: readonly [number, number] };
}

/** Every problem of these answers to this consultation, one per question, at `answers.<questionId>`. */
export function answerProblems(consultation: { questions: readonly AnswerableQuestion[] }, answers: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  const byId = new Map(consultation.questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) problems.push({ path: `answers.${id}`, message: 'no question has this id' });
  }
  for (const question of consultation.questions) {
    const path = `answers.${question.id}`;
    const answer = answerTo(answers, question.id);
    if (!isShown(question, answers)) {
      // An answer to a question the citizen was not shown would skew its tallies.
      if (answer !== undefined) problems.push({ path, message: 'this question is not asked given the other answers' });
      continue;
    }
    if (answer === undefined || answer === null) {
      if (question.required) problems.push({ path, message: 'this question requires an answer' });
      continue;
    }
    const message = valueProblem(question, answer);
    if (message) problems.push({ path, message });
  }
  return problems;
}

/** Whether a question with `showIf` is asked, given the answers to the earlier ones. */
export function isShown(question: AnswerableQuestion, answers: Record<string, unknown>): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const answer = answerTo(answers, condition.question);
  if (answer === undefined || answer === null) return false;
  if (condition.equals !== undefined && answer !== condition.equals) return false;
  if (condition.includes !== undefined && !(Array.isArray(answer) && answer.includes(condition.includes))) return false;
  if (condition.between !== undefined) {
    const [low, high] = condition.between;
    if (typeof answer !== 'number' || answer < low || answer > high) return false;
  }
  return true;
}

/**
 * The answer to one question, read as an own property only: a question id such as `constructor`
 * must not find Object.prototype's when it was not answered.
 */
export function answerTo(answers: Record<string, unknown>, questionId: string): unknown {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

function valueProblem(question: AnswerableQuestion, answer: unknown): string | undefined {
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  switch (question.type) {
    case 'single':
      return typeof answer === 'string' && optionIds.has(answer) ? undefined : 'must be the id of one of the options';
    case 'multiple': {
      if (!isStringArray(answer) || answer.some((id) => !optionIds.has(id))) return 'must be a list of option ids';
      if (new Set(answer).size !== answer.length) return 'each option may be chosen once';
      const min = question.min ?? (question.required ? 1 : 0);
      const max = question.max ?? optionIds.size;
      if (answer.length < min || answer.length > max) return `choose between ${min} and ${max} options`;
      return undefined;
    }
    case 'yesno':
      return typeof answer === 'boolean' ? undefined : 'must be true or false';
    case 'scale': {
      const min = question.min ?? 0;
      const max = question.max ?? 0;
      return Number.isInteger(answer) && (answer as number) >= min && (answer as number) <= max
        ? undefined
        : `must be a whole number from ${min} to ${max}`;
    }
    case 'ranking':
      return isStringArray(answer) && answer.length === optionIds.size && new Set(answer).size === answer.length && answer.every((id) => optionIds.has(id))
        ? undefined
        : 'must order every option, each once';
    case 'text':
      if (typeof answer !== 'string') return 'must be text';
      // Spaces alone say nothing: a required text question wants words.
      if (question.required && answer.trim() === '') return 'this question requires an answer';
      return answer.length <= (question.maxLength ?? 0) ? undefined : `must be at most ${question.maxLength} characters`;
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
