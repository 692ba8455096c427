import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) with a UTF-8 byte-order mark, without which Excel
 * reads the accents of French text as Latin-1. Every text cell goes through `neutralizeFormula`.
 * Every export of the backend is written here, so that none can forget either.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    bom: true,
    record_delimiter: 'windows',
    // Records end with CRLF, so csv-stringify would leave a lone LF (a line break typed in a
    // comment) unquoted, and a spreadsheet would cut the row there.
    quoted_match: /[\r\n]/,
    cast: { string: neutralizeFormula },
  });
}

/**
 * Citizens type the text of answers, comments and ideas: a cell that starts like a formula would
 * run as one when the export is opened in a spreadsheet (CSV injection). A leading quote makes it
 * plain text. Numbers are written as numbers, so a negative one stays a number.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
