import type { Db } from './database.js';

/** An org and how many days it keeps its ratings; `null` for the default. */
export interface OrgRetention {
  org: string;
  retentionDays: number | null;
}

export interface RetentionRepository {
  /** Every org, by id. */
  list(): Promise<OrgRetention[]>;
  /**
   * Deletes the org's ratings received before `before` (ISO, UTC), `batchSize` at a time, each batch
   * its own statement: a large purge never holds SQLite's write lock for long, and requests are
   * served between batches. `rating_daily` is left as it is. Answers how many rows this call
   * deleted (another instance purging at the same moment deletes the rest: each row goes once).
   */
  purgeRatings(org: string, before: string, batchSize: number): Promise<number>;
}

export function createRetentionRepository(db: Db): RetentionRepository {
  async function list(): Promise<OrgRetention[]> {
    const rows = await db.selectFrom('orgs').select(['id', 'retention_days']).orderBy('id').execute();
    return rows.map((row) => ({ org: row.id, retentionDays: row.retention_days }));
  }

  async function purgeRatings(org: string, before: string, batchSize: number): Promise<number> {
    let purged = 0;
    for (;;) {
      const { numDeletedRows } = await db
        .deleteFrom('ratings')
        .where('id', 'in', (eb) =>
          eb.selectFrom('ratings').select('id').where('org_id', '=', org).where('received_at', '<', before).limit(batchSize),
        )
        .executeTakeFirst();
      purged += Number(numDeletedRows);
      if (numDeletedRows < BigInt(batchSize)) return purged;
      // Lets the requests queued behind this batch go before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return { list, purgeRatings };
}
