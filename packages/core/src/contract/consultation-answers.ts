import type { FieldError } from './error.js';
import type { SurveyQuestionType } from './vocabulary.js';

// Answer checks in plain code, without zod: the element runs them before sending (to say which
// answer is missing) and the server runs the same ones, so both refuse the same answers.

/** A display condition: the earlier answer equals a value, includes an option, or is between two numbers. */
export interface Condition {
  question: string;
  equals?: unknown;
  includes?: string;
  between?: readonly [number, number];
}

/** What the answer checks read of a question (a consultation's or a survey's). */
export interface AnswerableQuestion {
  id: string;
  type: SurveyQuestionType;
  required: boolean;
  options?: readonly { id: string }[];
  statements?: readonly { id: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  showIf?: Condition;
}

/** Every problem of these answers to this consultation, one per question, at `answers.<questionId>`. */
export function answerProblems(consultation: { questions: readonly AnswerableQuestion[] }, answers: Record<string, unknown>): FieldError[] {
  return askedAnswerProblems(
    consultation.questions.map((question) => ({ question, asked: isShown(question, answers) })),
    answers,
  );
}

/**
 * Every problem of these answers, given which questions are asked (a consultation's question is
 * asked when its condition holds; a survey's, when its section's also does), at `answers.<id>`.
 */
export function askedAnswerProblems(
  questions: readonly { question: AnswerableQuestion; asked: boolean }[],
  answers: Record<string, unknown>,
): FieldError[] {
  const problems: FieldError[] = [];
  const ids = new Set(questions.map(({ question }) => question.id));
  for (const id of Object.keys(answers)) {
    if (!ids.has(id)) problems.push({ path: `answers.${id}`, message: 'no question has this id' });
  }
  for (const { question, asked } of questions) {
    const path = `answers.${question.id}`;
    const answer = answerTo(answers, question.id);
    if (!asked) {
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

/** Whether a question (or a survey's section) with `showIf` is asked, given the answers to the earlier ones. */
export function isShown(question: { showIf?: Condition }, answers: Record<string, unknown>): boolean {
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
    case 'matrix': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return 'must map statement ids to option ids';
      const statementIds = new Set((question.statements ?? []).map((statement) => statement.id));
      // Object.entries reads own properties only, so a statement named `constructor` is no exception.
      const entries = Object.entries(answer as Record<string, unknown>);
      const unknown = entries.find(([statementId]) => !statementIds.has(statementId));
      if (unknown) return `"${unknown[0]}" is not a statement of this question`;
      if (entries.some(([, optionId]) => typeof optionId !== 'string' || !optionIds.has(optionId))) {
        return 'each statement must be answered with the id of one of the options';
      }
      if (question.required && entries.length < statementIds.size) return 'every statement requires an answer';
      return undefined;
    }
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
