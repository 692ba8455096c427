import { stringify } from 'csv-stringify/sync';
import type { StoredRating } from '../storage/ratings.js';

const COLUMNS = [
  'id',
  'occurredAt',
  'receivedAt',
  'service',
  'channel',
  'source',
  'scale',
  'score',
  'normalized',
  'reasons',
  'comment',
  'kioskId',
] as const;

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) with a UTF-8 byte-order mark, without which Excel
 * reads the accents of French comments as Latin-1.
 */
export function ratingsToCsv(ratings: readonly StoredRating[]): string {
  return stringify(
    ratings.map((rating) => ({ ...rating, reasons: rating.reasons?.join('|') ?? '' })),
    {
      header: true,
      columns: [...COLUMNS],
      bom: true,
      record_delimiter: 'windows',
      cast: { string: neutralizeFormula },
    },
  );
}

/**
 * A comment is citizen-typed text: a cell that starts like a formula would run as one when the
 * export is opened in a spreadsheet (CSV injection). A leading quote makes it plain text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
