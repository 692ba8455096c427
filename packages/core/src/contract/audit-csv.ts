import { AuditSchema, type Audit } from './audit.js';
import { SlugSchema } from './common.js';
import { fieldErrorsOf } from './error.js';

/** What is wrong with a CSV of audits: the file's line (1 is the header), the audit's field when one is at fault, and why. */
export interface AuditCsvProblem {
  line: number;
  path?: string;
  message: string;
}

export type AuditCsvResult = { audits: Audit[] } | { problems: AuditCsvProblem[] };

/** The columns every file has, as written in the header (any case). */
const REQUIRED = ['date', 'channel', 'service', 'criteriaMet', 'criteriaTotal'] as const;
/** A column a file may have; every other column is a criterion, named by its header. */
const OPTIONAL = ['id'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const YES = ['1', 'oui', 'yes', 'true', 'vrai'];
const NO = ['0', 'non', 'no', 'false', 'faux'];
const FRENCH_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const WHOLE = /^\d+$/;

/**
 * Reads a CSV of mystery-shopping audits, as an admin imports them. The header names the columns,
 * in any order and any case: `date`, `channel`, `service`, `criteriaMet`, `criteriaTotal`, an
 * optional `id` (the audit firm's reference), and one column per criterion evaluated
 * (`reachability`, `courtesy`…: lower-case letters, digits and dashes), each `1`/`0`, `oui`/`non`,
 * `yes`/`no`, `true`/`false` or `vrai`/`faux` (any case), empty when not evaluated.
 *
 * What spreadsheets write is read: `;` or `,` between fields (the header's tells which; French
 * Excel writes `;`, and may put a `sep=;` line first), a UTF-8 byte-order mark, CRLF or LF, quoted
 * fields (with `""` for a quote, and line breaks inside), dates as `2026-03-15` or `15/03/2026`
 * (French Excel's short date), blank rows and unnamed columns (skipped). Each audit is then checked with AuditSchema.
 *
 * Every bad row is reported, with its line (where the row starts) and each bad field's path in the
 * audit (`criteriaMet`, `criteria.courtesy`); a file with any bad row gives no audit at all.
 */
export function parseAuditCsv(text: string): AuditCsvResult {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let firstLine = 1;
  let delimiter: string | undefined;
  const sep = /^sep=([;,\t])\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  const head = body.slice(0, body.search(/\r|\n|$/));
  delimiter ??= count(head, ';') > count(head, ',') ? ';' : ',';
  const [header, ...rows] = readCsv(body, delimiter, firstLine);
  if (!header || header.fields.every((field) => field.trim() === '')) {
    return { problems: [{ line: firstLine, message: `the file is empty: its first line must name the columns (${REQUIRED.join(', ')})` }] };
  }
  const columns = columnsOf(header.fields);
  if ('problems' in columns) return { problems: columns.problems.map((message) => ({ line: header.line, message })) };

  const audits: Audit[] = [];
  const problems: AuditCsvProblem[] = [];
  for (const row of rows) {
    if (row.problem) {
      problems.push({ line: row.line, message: row.problem });
      continue;
    }
    if (row.fields.every((field) => field.trim() === '')) continue;
    if (row.fields.length !== header.fields.length) {
      problems.push({ line: row.line, message: `${row.fields.length} fields where the header names ${header.fields.length}` });
      continue;
    }
    const read = auditOf(row.fields, columns);
    if ('problems' in read) {
      problems.push(...read.problems.map((problem) => ({ line: row.line, ...problem })));
      continue;
    }
    const parsed = AuditSchema.safeParse(read.audit);
    if (parsed.success) audits.push(parsed.data);
    else problems.push(...fieldErrorsOf(parsed.error.issues).map(({ path, message }) => ({ line: row.line, path, message })));
  }
  return problems.length > 0 ? { problems } : { audits };
}

interface Columns {
  /** The field index of each named column (`id` may be absent). */
  named: Partial<Record<Column, number>>;
  /** Criterion name → field index. */
  criteria: [string, number][];
}

function columnsOf(names: readonly string[]): Columns | { problems: string[] } {
  const problems: string[] = [];
  const named: Columns['named'] = {};
  const criteria: Columns['criteria'] = [];
  const seen = new Set<string>();
  names.forEach((raw, index) => {
    const name = raw.trim();
    // Spreadsheets add separators after the last column that was ever formatted: unnamed, unread.
    if (name === '') return;
    const column = [...REQUIRED, ...OPTIONAL].find((known) => known.toLowerCase() === name.toLowerCase());
    const key = column ?? name.toLowerCase();
    if (seen.has(key)) problems.push(`the column "${name}" comes twice`);
    seen.add(key);
    if (column) named[column] = index;
    else if (SlugSchema.safeParse(key).success) criteria.push([key, index]);
    else problems.push(`the column "${name}" is none of ${[...REQUIRED, ...OPTIONAL].join(', ')}, nor a criterion (lower-case letters, digits and dashes)`);
  });
  const missing = REQUIRED.filter((column) => named[column] === undefined);
  if (missing.length > 0) problems.push(`the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return problems.length > 0 ? { problems } : { named, criteria };
}

/** A row's values as an audit to check, or the problems found in reading them (numbers, criteria). */
function auditOf(fields: readonly string[], { named, criteria }: Columns): { audit: Record<string, unknown> } | { problems: { path: string; message: string }[] } {
  const value = (column: Column) => (named[column] === undefined ? '' : (fields[named[column]] ?? '').trim());
  const problems: { path: string; message: string }[] = [];
  const whole = (column: 'criteriaMet' | 'criteriaTotal') => {
    if (WHOLE.test(value(column))) return Number(value(column));
    problems.push({ path: column, message: value(column) === '' ? 'missing: a whole number' : `"${value(column)}" is not a whole number` });
    return undefined;
  };
  const date = value('date').replace(FRENCH_DATE, '$3-$2-$1');
  const audit: Record<string, unknown> = {
    ...(value('id') === '' ? {} : { id: value('id') }),
    date,
    channel: value('channel').toLowerCase(),
    ...(value('service') === '' ? {} : { service: value('service') }),
    criteriaMet: whole('criteriaMet'),
    criteriaTotal: whole('criteriaTotal'),
  };
  const met: Record<string, boolean> = {};
  for (const [name, index] of criteria) {
    const answer = (fields[index] ?? '').trim().toLowerCase();
    if (YES.includes(answer)) met[name] = true;
    else if (NO.includes(answer)) met[name] = false;
    else if (answer !== '') problems.push({ path: `criteria.${name}`, message: `"${fields[index]?.trim()}" is none of 1/0, oui/non, yes/no, true/false, vrai/faux (empty when not evaluated)` });
  }
  if (Object.keys(met).length > 0) audit.criteria = met;
  return problems.length > 0 ? { problems } : { audit };
}

interface CsvRecord {
  /** The line the record starts on. */
  line: number;
  fields: string[];
  /** Why the record cannot be read (its quotes), when it cannot. */
  problem?: string;
}

/**
 * The records of a CSV (RFC 4180, with `delimiter` for the comma): fields in double quotes may hold
 * the delimiter, line breaks and `""` for a quote; CRLF, LF and CR all end a record. Each record
 * knows the line it starts on, which a quoted line break makes differ from its index.
 *
 * Written here rather than taken from npm: the parsers that fit the browser either guess the
 * delimiter per field (csv-parse's list of delimiters would split a `;` file's "Mairie, accueil")
 * or say nothing of a quote left open (d3-dsv reads the rest of the file into one field), and
 * neither tells where a record starts; this is what the import needs, in fifty lines, with no
 * dependency added to core.
 */
function readCsv(text: string, delimiter: string, firstLine: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = firstLine;
  let record: CsvRecord = { line, fields: [] };
  let field = '';
  // `quoted`: inside quotes; `closed`: just after a closing quote, where only a delimiter or a line break may come.
  let quoted = false;
  let closed = false;
  const endField = () => {
    record.fields.push(field);
    field = '';
    closed = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const breaks = char === '\n' || char === '\r';
    // A CRLF counts as one line break.
    if (char === '\r' && text[i + 1] === '\n') i++;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        closed = true;
      } else {
        field += breaks ? '\n' : char;
        if (breaks) line++;
      }
    } else if (char === delimiter) {
      endField();
    } else if (breaks) {
      endField();
      records.push(record);
      line++;
      record = { line, fields: [] };
    } else if (closed) {
      record.problem ??= `text after a closing quote, in field ${record.fields.length + 1}: a quote inside a quoted field is written ""`;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else {
      field += char;
    }
  }
  if (quoted) record.problem = `a quoted field opened in field ${record.fields.length + 1} is never closed`;
  if (quoted || field !== '' || record.fields.length > 0 || closed) {
    endField();
    records.push(record);
  }
  return records;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
