import { normalizeScore, type Rating, type Receipt } from '@civic-pulse/core';
import type { StoredWrite } from '../idempotency.js';
import type { Db } from './database.js';
import type { RatingRow } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** A rating as the admin export gives it back: the contract's fields and what the server added. */
export type StoredRating = Rating & { normalized: number; receivedAt: string };

/** Instants (ISO, UTC) bounding an export on the occurrence time: `from` inclusive, `to` exclusive. */
export interface OccurrenceRange {
  from?: string;
  to?: string;
}

export interface RatingRepository {
  findSubmission(id: string): Promise<StoredWrite<Receipt> | undefined>;
  /**
   * Stores the rating and its share of the daily aggregate in one transaction. `undefined` when a
   * concurrent request stored the same id first.
   */
  insert(orgId: string, rating: Rating, bodyHash: string): Promise<Receipt | undefined>;
  /**
   * Stores many ratings and their share of the daily aggregate in one transaction, through the
   * same writes as `insert` (the demo seed's year of ratings). `false`, with nothing stored, when
   * one of the ids is taken.
   */
  insertMany(orgId: string, ratings: readonly { rating: Rating; bodyHash: string }[]): Promise<boolean>;
  list(orgId: string, range: OccurrenceRange): Promise<StoredRating[]>;
}

export function createRatingRepository(db: Db): RatingRepository {
  async function findSubmission(id: string): Promise<StoredWrite<Receipt> | undefined> {
    const row = await db
      .selectFrom('ratings')
      .select(['id', 'body_hash', 'received_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { bodyHash: row.body_hash, receipt: { id: row.id, receivedAt: row.received_at } };
  }

  async function insert(orgId: string, rating: Rating, bodyHash: string): Promise<Receipt | undefined> {
    const receivedAt = new Date().toISOString();
    try {
      await db.transaction().execute((trx) => writeRatings(trx, orgId, [{ rating, bodyHash }], receivedAt));
      return { id: rating.id, receivedAt };
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async function insertMany(orgId: string, ratings: readonly { rating: Rating; bodyHash: string }[]): Promise<boolean> {
    try {
      await db.transaction().execute((trx) => writeRatings(trx, orgId, ratings, new Date().toISOString()));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function list(orgId: string, range: OccurrenceRange): Promise<StoredRating[]> {
    let query = db.selectFrom('ratings').selectAll().where('org_id', '=', orgId);
    if (range.from) query = query.where('occurred_at', '>=', range.from);
    if (range.to) query = query.where('occurred_at', '<', range.to);
    const rows = await query.orderBy('occurred_at').orderBy('id').execute();
    return rows.map(toStoredRating);
  }

  return { findSubmission, insert, insertMany, list };
}

// Rows per INSERT: 14 values each stays under SQLite's 32,766 bound parameters.
const CHUNK = 500;

/** The ratings' rows and their share of `rating_daily`, one upsert per service, channel and day. */
async function writeRatings(db: Db, orgId: string, ratings: readonly { rating: Rating; bodyHash: string }[], receivedAt: string): Promise<void> {
  const rows = ratings.map(({ rating, bodyHash }) => ({
    id: rating.id,
    org_id: orgId,
    service: rating.service,
    channel: rating.channel,
    source: rating.source,
    scale: rating.scale,
    score: rating.score,
    normalized: normalizeScore(rating.scale, rating.score),
    reasons: JSON.stringify(rating.reasons ?? []),
    comment: rating.comment ?? null,
    kiosk_id: rating.kioskId ?? null,
    occurred_at: new Date(rating.occurredAt).toISOString(),
    received_at: receivedAt,
    body_hash: bodyHash,
  }));
  const daily = new Map<string, { service: string; channel: string; day: string; count: number; sum_normalized: number }>();
  for (const row of rows) {
    const day = row.occurred_at.slice(0, 'YYYY-MM-DD'.length);
    const key = JSON.stringify([row.service, row.channel, day]);
    const entry = daily.get(key) ?? { service: row.service, channel: row.channel, day, count: 0, sum_normalized: 0 };
    entry.count += 1;
    entry.sum_normalized += row.normalized;
    daily.set(key, entry);
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.insertInto('ratings').values(rows.slice(start, start + CHUNK)).execute();
  }
  const dailyRows = [...daily.values()];
  for (let start = 0; start < dailyRows.length; start += CHUNK) {
    await db
      .insertInto('rating_daily')
      .values(dailyRows.slice(start, start + CHUNK).map((entry) => ({ org_id: orgId, ...entry })))
      .onConflict((conflict) =>
        conflict.columns(['org_id', 'service', 'channel', 'day']).doUpdateSet((eb) => ({
          count: eb('rating_daily.count', '+', eb.ref('excluded.count')),
          sum_normalized: eb('rating_daily.sum_normalized', '+', eb.ref('excluded.sum_normalized')),
        })),
      )
      .execute();
  }
}

function toStoredRating(row: RatingRow): StoredRating {
  return {
    id: row.id,
    service: row.service,
    channel: row.channel as Rating['channel'],
    source: row.source as Rating['source'],
    scale: row.scale as Rating['scale'],
    score: row.score,
    normalized: row.normalized,
    reasons: JSON.parse(row.reasons) as NonNullable<Rating['reasons']>,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.kiosk_id !== null ? { kioskId: row.kiosk_id } : {}),
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
  };
}
