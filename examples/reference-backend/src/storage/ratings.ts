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
    const receipt = { id: rating.id, receivedAt: new Date().toISOString() };
    const occurredAt = new Date(rating.occurredAt).toISOString();
    const normalized = normalizeScore(rating.scale, rating.score);
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('ratings')
          .values({
            id: rating.id,
            org_id: orgId,
            service: rating.service,
            channel: rating.channel,
            source: rating.source,
            scale: rating.scale,
            score: rating.score,
            normalized,
            reasons: JSON.stringify(rating.reasons ?? []),
            comment: rating.comment ?? null,
            kiosk_id: rating.kioskId ?? null,
            occurred_at: occurredAt,
            received_at: receipt.receivedAt,
            body_hash: bodyHash,
          })
          .execute();
        await trx
          .insertInto('rating_daily')
          .values({
            org_id: orgId,
            service: rating.service,
            channel: rating.channel,
            day: occurredAt.slice(0, 'YYYY-MM-DD'.length),
            count: 1,
            sum_normalized: normalized,
          })
          .onConflict((conflict) =>
            conflict.columns(['org_id', 'service', 'channel', 'day']).doUpdateSet((eb) => ({
              count: eb('rating_daily.count', '+', 1),
              sum_normalized: eb('rating_daily.sum_normalized', '+', eb.ref('excluded.sum_normalized')),
            })),
          )
          .execute();
      });
      return receipt;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
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

  return { findSubmission, insert, list };
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
