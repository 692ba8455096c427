import type { ByChannel, Channel, SatisfactionTotals } from '@civic-pulse/core';
import type { Db } from './database.js';

/** UTC days as YYYY-MM-DD: `from` inclusive, `to` exclusive, so that periods chain without overlap. */
export interface DayRange {
  from: string;
  to: string;
}

export interface SatisfactionFigures {
  responses: number;
  /** Mean of the normalized scores, 0..100, unrounded; `null` when there are no responses. */
  mean: number | null;
}

/** What the barometer's satisfaction part is built from; a breakdown is absent when it has no responses. */
export interface SatisfactionSummary extends SatisfactionFigures {
  byChannel: Partial<Record<Channel, SatisfactionFigures>>;
  byService: Record<string, SatisfactionFigures>;
}

export interface SatisfactionRepository {
  /** One org over a range of days, read from `rating_daily` alone. */
  summarize(orgId: string, days: DayRange): Promise<SatisfactionSummary>;
  /** The same read as the barometer's input: exact sums (no mean), overall and per channel. */
  totals(orgId: string, days: DayRange): Promise<ByChannel<SatisfactionTotals>>;
}

/**
 * Reads the per-day aggregates that every rating write keeps up to date in its own transaction
 * (ratings.ts). The rows read are at most days × services × channels of the range, however many
 * ratings there are, so the barometer costs the same at a thousand ratings and at a million.
 */
export function createSatisfactionRepository(db: Db): SatisfactionRepository {
  async function summarize(orgId: string, days: DayRange): Promise<SatisfactionSummary> {
    const rows = await db
      .selectFrom('rating_daily')
      .select((eb) => ['channel', 'service', eb.fn.sum<number>('count').as('responses'), eb.fn.sum<number>('sum_normalized').as('total')])
      .where('org_id', '=', orgId)
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .groupBy(['channel', 'service'])
      .execute();

    const overall = new Sums();
    const byChannel = new Map<string, Sums>();
    const byService = new Map<string, Sums>();
    for (const row of rows) {
      // int8 sums come back as numbers on both engines (postgres.ts); Number() is for the type only.
      const responses = Number(row.responses);
      const total = Number(row.total);
      for (const sums of [overall, entry(byChannel, row.channel), entry(byService, row.service)]) sums.add(responses, total);
    }
    return {
      ...overall.figures(),
      byChannel: Object.fromEntries([...byChannel].map(([channel, sums]) => [channel, sums.figures()])),
      byService: Object.fromEntries([...byService].map(([service, sums]) => [service, sums.figures()])),
    };
  }

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
      const channel = { responses: Number(row.responses), sumNormalized: Number(row.total) };
      result.byChannel[row.channel as Channel] = channel;
      result.responses += channel.responses;
      result.sumNormalized += channel.sumNormalized;
    }
    return result;
  }

  return { summarize, totals };
}

class Sums {
  responses = 0;
  total = 0;

  add(responses: number, total: number): void {
    this.responses += responses;
    this.total += total;
  }

  figures(): SatisfactionFigures {
    return { responses: this.responses, mean: this.responses === 0 ? null : this.total / this.responses };
  }
}

function entry(map: Map<string, Sums>, key: string): Sums {
  let sums = map.get(key);
  if (!sums) map.set(key, (sums = new Sums()));
  return sums;
}
