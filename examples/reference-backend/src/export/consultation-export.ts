import { answerTo, type IdeaStatus, type Question } from '@civic-pulse/core';
import type { ModeratedIdea } from '../storage/consultation-ideas.js';
import type { StoredDefinition } from '../storage/consultations.js';
import type { Storage } from '../storage/index.js';
import { toCsv } from './csv.js';

// The exports of a consultation, for the admin route and the command line alike. They hold no
// participant, no response id and no time: only the answers, in an order that follows their
// content, so that neither a row nor its place in the file can be matched to an access log.
// Ideas are public text: they keep the day they were proposed, not their id or author.

export const EXPORT_FORMATS = ['json', 'csv'] as const;

/** What a CSV export holds: one row per response, per question (the legend of the answers file), or per idea. */
export const CSV_EXPORTS = ['answers', 'questions', 'ideas'] as const;
export type CsvExport = (typeof CSV_EXPORTS)[number];

export interface ConsultationExport {
  consultation: StoredDefinition;
  responses: { answers: Record<string, unknown> }[];
  ideas: ExportedIdea[];
}

/** An idea as exported: what it says and what became of it, with the day it was proposed (UTC). */
export interface ExportedIdea {
  title: string;
  body: string;
  status: IdeaStatus;
  supports: number;
  createdOn: string;
  rejectionReason?: string;
}

export type ExportFile = { format: 'json'; body: ConsultationExport } | { format: 'csv'; body: string; filename: string };

/** The export of a consultation, `undefined` when there is none with this id. */
export async function exportConsultation(
  storage: Pick<Storage, 'consultations' | 'consultationAnswers' | 'consultationIdeas'>,
  id: string,
  request: { format: 'json' } | { format: 'csv'; what: CsvExport },
): Promise<ExportFile | undefined> {
  const found = await storage.consultations.find(id);
  if (!found) return undefined;
  const { definition } = found;
  if (request.format === 'csv' && request.what === 'questions') {
    return { format: 'csv', body: questionsToCsv(definition.questions), filename: fileName(id, 'questions') };
  }
  if (request.format === 'csv' && request.what === 'ideas') {
    return { format: 'csv', body: ideasToCsv(exportedIdeas(await storage.consultationIdeas.listAll(id))), filename: fileName(id, 'ideas') };
  }
  const answers = sortedAnswers(definition.questions, await storage.consultationAnswers.list(id));
  if (request.format === 'json') {
    const ideas = exportedIdeas(await storage.consultationIdeas.listAll(id));
    return { format: 'json', body: { consultation: definition, responses: answers.map((entry) => ({ answers: entry })), ideas } };
  }
  return { format: 'csv', body: answersToCsv(definition.questions, answers), filename: fileName(id, 'answers') };
}

const fileName = (id: string, what: string): string => `civic-pulse-${id}-${what}.csv`;

/**
 * Each response's answers to the definition's questions, in question order, sorted by their
 * content: two exports of the same answers are the same file, and nothing of the order in which
 * they came is left.
 */
export function sortedAnswers(questions: readonly Question[], stored: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const keyed = stored.map((answers) => {
    const values = questions.map((question) => answerTo(answers, question.id) ?? null);
    const projected = Object.fromEntries(questions.flatMap((question, index) => (values[index] === null ? [] : [[question.id, values[index]]])));
    return { key: JSON.stringify(values), answers: projected };
  });
  keyed.sort((a, b) => compare(a.key, b.key));
  return keyed.map((entry) => entry.answers);
}

/** `oui` and `non`: the CSV is read by French town halls; the JSON export keeps true and false. */
const YES = 'oui';
const NO = 'non';
/** Between the option ids of a ranking, first to last. */
const RANKING_SEPARATOR = ' > ';

/**
 * One column per question, headed by its id, except a multiple-choice question: one column per
 * option, headed `question.option`, holding 1 (chosen) or 0, so that a pivot table sums them.
 * An unanswered question leaves its cells empty.
 */
export function answersToCsv(questions: readonly Question[], answers: readonly Record<string, unknown>[]): string {
  const header = questions.flatMap((question) =>
    question.type === 'multiple' ? (question.options ?? []).map((option) => `${question.id}.${option.id}`) : [question.id],
  );
  const rows = answers.map((entry) => questions.flatMap((question) => cells(question, answerTo(entry, question.id))));
  return toCsv(header, rows);
}

function cells(question: Question, answer: unknown): unknown[] {
  if (question.type === 'multiple') {
    const chosen = Array.isArray(answer) ? new Set(answer) : undefined;
    return (question.options ?? []).map((option) => (chosen ? (chosen.has(option.id) ? 1 : 0) : ''));
  }
  if (answer === undefined || answer === null) return [''];
  switch (question.type) {
    case 'yesno':
      return [answer ? YES : NO];
    case 'ranking':
      return [(answer as string[]).join(RANKING_SEPARATOR)];
    default:
      return [answer];
  }
}

const QUESTION_COLUMNS = ['column', 'question', 'type', 'required', 'label', 'value', 'valueLabel'];

/**
 * The legend of the answers file: a row per value a cell may hold where the value has a label
 * (an option, the ends of a scale), else a row per column.
 */
export function questionsToCsv(questions: readonly Question[]): string {
  const rows = questions.flatMap((question) => {
    const row = (column: string, value: unknown = '', valueLabel = '') => [
      column,
      question.id,
      question.type,
      question.required ? YES : NO,
      question.label,
      value,
      valueLabel,
    ];
    switch (question.type) {
      case 'single':
      case 'ranking':
        return (question.options ?? []).map((option) => row(question.id, option.id, option.label));
      case 'multiple':
        return (question.options ?? []).map((option) => row(`${question.id}.${option.id}`, option.id, option.label));
      case 'scale':
        return [row(question.id, question.min, question.minLabel), row(question.id, question.max, question.maxLabel)];
      case 'yesno':
        return [row(question.id, YES), row(question.id, NO)];
      case 'text':
        return [row(question.id)];
    }
  });
  return toCsv(QUESTION_COLUMNS, rows);
}

/** Most supported first, then by their text: not in the order they were proposed. */
export function exportedIdeas(ideas: readonly ModeratedIdea[]): ExportedIdea[] {
  return ideas
    .map(({ title, body, status, supports, createdAt, rejectionReason }) => ({
      title,
      body,
      status,
      supports,
      createdOn: createdAt.slice(0, 'YYYY-MM-DD'.length),
      ...(rejectionReason !== undefined ? { rejectionReason } : {}),
    }))
    .sort((a, b) => b.supports - a.supports || compare(a.title, b.title) || compare(a.body, b.body));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const IDEA_COLUMNS = ['title', 'body', 'status', 'supports', 'createdOn', 'rejectionReason'] as const;

export function ideasToCsv(ideas: readonly ExportedIdea[]): string {
  return toCsv(
    IDEA_COLUMNS,
    ideas.map((idea) => IDEA_COLUMNS.map((column) => idea[column] ?? '')),
  );
}
