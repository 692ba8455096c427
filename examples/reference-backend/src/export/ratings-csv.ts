import type { StoredRating } from '../storage/ratings.js';
import { toCsv } from './csv.js';

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

/** One row per rating; reasons joined by `|`. */
export function ratingsToCsv(ratings: readonly StoredRating[]): string {
  return toCsv(
    COLUMNS,
    ratings.map((rating) => COLUMNS.map((column) => (column === 'reasons' ? (rating.reasons?.join('|') ?? '') : rating[column]))),
  );
}
