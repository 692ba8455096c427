import type { ByChannel, Channel, SatisfactionTotals } from '@civic-pulse/core';
import type { Db } from './database.js';

/** UTC days as YYYY-MM-DD: `from` inclusive, `to` exclusive, so that periods chain without overlap. */
export interface DayRange {
  from: string;
  to: string;
}

export interface SatisfactionRepository {
  /**
   * One org over a range of days, read from `rating_daily` alone: the barometer's input, exact sums
   * (no mean, which the barometer takes once, at the end), overall and per channel.
   */
  totals(orgId: string, days: DayRange): Promise<ByChannel<SatisfactionTotals>>;
}

/**
 * Reads the per-day aggregates that every rating write keeps up to date in its own transaction
 * (ratings.ts). The rows read are at most days × services × channels of the range, however many
 * ratings there are, so the barometer costs the same at a thousand ratings and at a million.
 */
export function createSatisfactionRepository(db: Db): SatisfactionRepository {
  async function totals(orgId: string, days: DayRange): Promise<ByChannel<SatisfactionTotals>> {
    const rows = await db
      .selectFrom('rating_daily')
      .select((eb) => ['channel', eb.fn.sum<number>('count').as('responses'), eb.fn.sum<number>('sum_normalized').as('total')])
      .where('org_id', '=', orgId)
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .groupBy('channel')
      .execute();
    const result: ByChannel<SatisfactionTotals> = { responses: 0, sumNormalized: 0, byChannel: {} };
    for (const row of rows) {
      // int8 sums come back as numbers on both engines (postgres.ts); Number() is for the type only.
      const channel = { responses: Number(row.responses), sumNormalized: Number(row.total) };
      result.byChannel[row.channel as Channel] = channel;
      result.responses += channel.responses;
      result.sumNormalized += channel.sumNormalized;
    }
    return result;
  }

  return { totals };
}
