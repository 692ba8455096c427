import { AuditSchema, parseAuditCsv, type Audit, type FieldError } from '@civic-pulse/core';
import * as z from 'zod';
import { keyAudits, type AuditConflict } from './storage/audits.js';
import { HttpError } from './http-error.js';
import { parseOrThrow } from './validation.js';

// What POST /v1/admin/orgs/:org/audits and `npm run audits -- import` share: a batch read from JSON
// or CSV, every problem named (JSON: `3.criteriaMet`, the audit's index and field; CSV: `line 4`,
// the line its row starts on, then the field), nothing imported when there is one.

/**
 * A year of audits of a large collectivité is a few thousand (AFNOR's barometer evaluates a few
 * hundred contacts a year per body); 20,000 leaves room for several years or bodies in one file.
 */
export const MAX_AUDITS_PER_IMPORT = 20_000;
/** 20,000 audits with their criteria listed are about 5 MiB of JSON (a CSV is smaller). */
export const AUDIT_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The audits read, and `where` an audit came from (JSON: its index; CSV: `line 4`), the start of
 * the path of a problem found later; or every problem found.
 */
export type AuditBatch = { audits: Audit[]; where: (index: number) => string } | { problems: FieldError[] };

const AuditListSchema = z.array(AuditSchema).max(MAX_AUDITS_PER_IMPORT, `at most ${MAX_AUDITS_PER_IMPORT} audits per import`);

/** A JSON array of Audit, each checked with AuditSchema. */
export function auditsFromJson(json: unknown): AuditBatch {
  let audits: Audit[];
  try {
    audits = parseOrThrow(AuditListSchema, json, 'body');
  } catch (error) {
    if (error instanceof HttpError && error.fields) return { problems: error.fields };
    throw error;
  }
  return withinBatch(audits, (index) => String(index), (index) => `audit ${index}`);
}

/** A CSV of audits as parseAuditCsv reads it (the header names the columns). */
export function auditsFromCsv(text: string): AuditBatch {
  const read = parseAuditCsv(text);
  if ('problems' in read) {
    return { problems: read.problems.map(({ line, path, message }) => ({ path: path ? `line ${line}.${path}` : `line ${line}`, message })) };
  }
  if (read.audits.length > MAX_AUDITS_PER_IMPORT) {
    return { problems: [{ path: '(file)', message: `at most ${MAX_AUDITS_PER_IMPORT} audits per import, not ${read.audits.length}` }] };
  }
  // parseAuditCsv skips blank rows, so an audit's line is not its index + 2: it is found again by
  // content for a problem found later, which is rare enough for the cost not to matter.
  const lines = csvLines(text, read.audits.length);
  const where = (index: number) => (lines[index] === undefined ? `audit ${index + 1}` : `line ${lines[index]}`);
  return withinBatch(read.audits, where, where);
}

/**
 * The line each audit of a CSV starts on, when every row is on one line (no quoted line break):
 * the non-blank lines after the header. `[]` when that does not account for every audit.
 */
function csvLines(text: string, count: number): number[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = /^sep=/i.test(lines[0] ?? '') ? 2 : 1;
  const numbers: number[] = [];
  lines.forEach((line, index) => {
    if (index + 1 > first && line.split(/[;,\t]/).some((field) => field.trim() !== '')) numbers.push(index + 1);
  });
  return numbers.length === count ? numbers : [];
}

/** An id given twice in one batch must carry the same audit: otherwise which one is meant? */
function withinBatch(audits: Audit[], where: (index: number) => string, label: (index: number) => string): AuditBatch {
  const byKey = new Map<string, { index: number; contentHash: string }>();
  const problems: FieldError[] = [];
  for (const { index, key, contentHash } of keyAudits(audits)) {
    const first = byKey.get(key);
    if (!first) byKey.set(key, { index, contentHash });
    else if (first.contentHash !== contentHash) {
      problems.push({ path: `${where(index)}.id`, message: `"${audits[index]!.id}" is the id of another audit already (${label(first.index)}), with other figures` });
    }
  }
  return problems.length > 0 ? { problems } : { audits, where };
}

/** The 400 of a batch with problems. */
export const invalidAudits = (problems: FieldError[]): HttpError =>
  new HttpError(400, 'invalid-audits', `${problems.length === 1 ? 'One problem' : `${problems.length} problems`} in the audits: nothing was imported.`, problems);

/** The 422 of audits whose id was imported before with other figures. */
export function conflictingAudits(conflicts: readonly AuditConflict[], where: (index: number) => string): HttpError {
  return new HttpError(
    422,
    'audit-conflict',
    'Some ids were imported before with other figures: nothing was imported. An audit once imported is not changed by importing it again.',
    conflicts.map(({ index }) => ({ path: `${where(index)}.id`, message: 'imported before with other figures' })),
  );
}
