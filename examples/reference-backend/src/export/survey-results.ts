import {
  consultationStatus,
  isWithheld,
  surveyResultsOf,
  type SurveyGroupResults,
  type SurveyQuestionResult,
  type SurveyResults,
  type Withheld,
} from '@civic-pulse/core';
import type { SurveyRepository } from '../storage/surveys.js';
import { toCsv } from './csv.js';

// A survey's results, for the admin route, the managers' read tokens and the command line alike.
// Core counts and withholds (surveyResultsOf); the backend only loads the answers. There is no
// export of the answers themselves, on purpose: one row of an agent's answers, with the breakdown
// answers (a directorate, a site) beside the others, would say who wrote it.

/** The results of the survey at `now`; `undefined` when there is no survey with this id. */
export async function surveyResults(surveys: SurveyRepository, id: string, now = new Date()): Promise<SurveyResults | undefined> {
  const found = await surveys.find(id);
  if (!found) return undefined;
  const [answers, { invited }] = await Promise.all([surveys.answers(id), surveys.participation(id)]);
  return surveyResultsOf(found.definition, answers, { status: consultationStatus(found.definition, now), invited });
}

export const surveyResultsFileName = (id: string): string => `civic-pulse-${id}-results.csv`;

/** Written in a count's place for a tally, a statement, a group or comments that would describe too few agents. */
export const WITHHELD_CELL = 'withheld';

const COLUMNS = ['breakdown', 'group', 'question', 'statement', 'answer', 'count', 'comment'];

type Row = [breakdown: string, group: string, question: string, statement: string, answer: string, count: number | string, comment: string];

/**
 * The published tallies as one flat table, for a pivot table: first the participation (`invited`,
 * `received`), then the whole survey's tallies (breakdown and group empty), then each breakdown
 * group's. A question has an `answered` row, then one per option, `yes`/`no` or scale value (its
 * count; Borda points for a ranking), and `mean` for a scale; a matrix's rows name their statement;
 * a comment is a row of its own. What is withheld says `withheld` where its count would be.
 * Before publication only the participation is there.
 */
export function surveyResultsToCsv(results: SurveyResults): string {
  const rows: Row[] = [
    ['', '', '', '', 'invited', results.invited, ''],
    ['', '', '', '', 'received', results.received, ''],
  ];
  if (results.published) {
    rows.push(...releaseRows('', '', { respondents: results.respondents, questions: results.questions }));
    for (const [breakdown, groups] of Object.entries(results.breakdowns)) {
      for (const [group, release] of Object.entries(groups)) rows.push(...releaseRows(breakdown, group, release));
    }
  }
  return toCsv(COLUMNS, rows);
}

function releaseRows(breakdown: string, group: string, release: SurveyGroupResults | Withheld): Row[] {
  const row = (question: string, statement: string, answer: string, count: number | string, comment = ''): Row => [breakdown, group, question, statement, answer, count, comment];
  if (isWithheld(release)) return [row('', '', 'respondents', WITHHELD_CELL)];
  return [
    row('', '', 'respondents', release.respondents),
    ...Object.entries(release.questions).flatMap(([question, result]) => questionRows(result, (...cells) => row(question, ...cells))),
  ];
}

function questionRows(result: SurveyQuestionResult, row: (statement: string, answer: string, count: number | string, comment?: string) => Row): Row[] {
  if (isWithheld(result)) return [row('', '', WITHHELD_CELL)];
  const rows = [row('', 'answered', result.answered), ...countRows(result.counts, (answer, count) => row('', answer, count))];
  if (result.mean !== undefined) rows.push(row('', 'mean', result.mean));
  for (const [statement, tally] of Object.entries(result.statements ?? {})) {
    if (isWithheld(tally)) rows.push(row(statement, '', WITHHELD_CELL));
    else rows.push(row(statement, 'answered', tally.answered), ...countRows(tally.counts, (answer, count) => row(statement, answer, count)));
  }
  if (result.commentsWithheld) rows.push(row('', 'comment', WITHHELD_CELL));
  for (const comment of result.comments ?? []) rows.push(row('', 'comment', '', comment));
  return rows;
}

const countRows = (counts: Record<string, number> | undefined, row: (answer: string, count: number) => Row): Row[] =>
  Object.entries(counts ?? {}).map(([answer, count]) => row(answer, count));
