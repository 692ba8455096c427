import { LAST_12_MONTHS } from './vocabulary.js';

/** UTC days as YYYY-MM-DD: `from` included, `to` excluded, so that periods chain without overlap. */
export interface DayRange {
  from: string;
  to: string;
}

/** A barometer period as asked, the days it covers, and the days of the one it is compared with. */
export interface BarometerPeriod extends DayRange {
  /** As asked: `2026`, `2026-Q3` or `last-12-months`. */
  period: string;
  /** The previous period of the same length, ending where this one starts: the trend's reference. */
  previous: DayRange;
}

/** The first year a barometer may be asked for; the last is next year (a period that has not begun reads as empty). */
export const EARLIEST_BAROMETER_YEAR = 2000;

/** What a refused period is told, for the `period` field of an `invalid` answer. */
export const BAROMETER_PERIOD_HINT = `a year (2026), a quarter (2026-Q3) or ${LAST_12_MONTHS}, from ${EARLIEST_BAROMETER_YEAR} to next year`;

const YEAR_OR_QUARTER = /^(\d{4})(?:-Q([1-4]))?$/;

/**
 * The days a barometer period covers, or `undefined` when `text` is none of the accepted forms:
 *
 * - `YYYY`: the calendar year; previous, the year before.
 * - `YYYY-Qn`: the calendar quarter; previous, the quarter before (Q1's is last year's Q4).
 * - `last-12-months`: the twelve whole calendar months before the current one (on 2026-11-29:
 *   2025-11-01..2026-11-01); previous, the twelve months before those. Whole months rather than the
 *   365 days up to today, so that the trend compares the same calendar months a year apart: a
 *   rolling window that includes an unfinished day or month would compare a partial period with a
 *   full one, the seasons of the two would differ by a day's shift, and the figure (and its ETag)
 *   would change every day. The same length is meant as calendar length, as for two years when one
 *   of them is a leap year.
 *
 * Everything is in UTC, as the ratings' days are kept. `now` is the clock (for `last-12-months`
 * and the latest year accepted).
 */
export function barometerPeriod(text: string, now: Date): BarometerPeriod | undefined {
  const year = now.getUTCFullYear();
  if (text === LAST_12_MONTHS) {
    const month = now.getUTCMonth();
    return {
      period: text,
      from: firstOfMonth(year, month - 12),
      to: firstOfMonth(year, month),
      previous: { from: firstOfMonth(year, month - 24), to: firstOfMonth(year, month - 12) },
    };
  }
  const match = YEAR_OR_QUARTER.exec(text);
  if (!match) return undefined;
  const asked = Number(match[1]);
  if (asked < EARLIEST_BAROMETER_YEAR || asked > year + 1) return undefined;
  // The period's first month (0-based) and its length in months.
  const [start, months] = match[2] === undefined ? [0, 12] : [(Number(match[2]) - 1) * 3, 3];
  return {
    period: text,
    from: firstOfMonth(asked, start),
    to: firstOfMonth(asked, start + months),
    previous: { from: firstOfMonth(asked, start - months), to: firstOfMonth(asked, start) },
  };
}

/** The first day of a month as YYYY-MM-DD; a month out of 0..11 rolls into the year before or after. */
function firstOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}
