import type { FastifyBaseLogger } from 'fastify';
import * as z from 'zod';
import type { Storage } from './storage/index.js';

// How long ratings are kept. A rating may carry a comment, which may name someone: it is personal
// data, not to be kept for ever. Its id is also the idempotency key that kiosks and phones retry
// with for up to 14 days (core's outbox): while the row is there, a retry gets its first receipt
// instead of being counted again. Hence a minimum of 30 days, whatever is set, and a purge that
// leaves `rating_daily` (counts and sums per day, nothing personal) alone, so the barometer keeps
// its history.

export const DEFAULT_RETENTION_DAYS = 730;
/** Over twice the outbox's 14 days: a retry always finds its id. */
export const MINIMUM_RETENTION_DAYS = 30;
const MAXIMUM_RETENTION_DAYS = 36_500;
export const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Rows per DELETE: a few milliseconds of write lock each on SQLite. */
export const PURGE_BATCH_SIZE = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSettings {
  /** Ratings are deleted this many days after the server received them. */
  retentionDays: number;
}

export const RetentionSettingsSchema = z.strictObject({
  retentionDays: z.int().min(MINIMUM_RETENTION_DAYS).max(MAXIMUM_RETENTION_DAYS),
}) satisfies z.ZodType<RetentionSettings>;

/** What one purge did for one org. */
export interface OrgPurge {
  org: string;
  retentionDays: number;
  /** Ratings received before this instant (ISO) were deleted. */
  before: string;
  purged: number;
}

export interface PurgeOptions {
  now?: Date;
  batchSize?: number;
}

/** Deletes, org by org, the ratings received more than the org's retention ago. */
export async function purgeExpiredRatings(storage: Storage, { now = new Date(), batchSize = PURGE_BATCH_SIZE }: PurgeOptions = {}): Promise<OrgPurge[]> {
  const report: OrgPurge[] = [];
  for (const { org, retentionDays } of await storage.retention.list()) {
    // The minimum again here: a value written into the database by hand cannot shorten it.
    const days = Math.max(retentionDays ?? DEFAULT_RETENTION_DAYS, MINIMUM_RETENTION_DAYS);
    const before = new Date(now.getTime() - days * DAY_MS).toISOString();
    report.push({ org, retentionDays: days, before, purged: await storage.retention.purgeRatings(org, before, batchSize) });
  }
  return report;
}

export interface ScheduleOptions {
  /** The clock of each run (tests move it instead of waiting). */
  now?: () => Date;
  intervalMs?: number;
  batchSize?: number;
}

export interface RetentionSchedule {
  /** Resolves when no purge is running. */
  idle(): Promise<void>;
  /** No further run; resolves once the one running, if any, is over. */
  stop(): Promise<void>;
}

/**
 * A purge now, then one every `intervalMs` on a timer that does not keep the process alive. A run
 * never overlaps the previous one; a failed run is logged and the next one tries again.
 */
export function scheduleRetention(storage: Storage, log: FastifyBaseLogger, { now = () => new Date(), intervalMs = PURGE_INTERVAL_MS, batchSize }: ScheduleOptions = {}): RetentionSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = (): void => {
    if (running || stopped) return;
    running = purgeExpiredRatings(storage, { now: now(), ...(batchSize ? { batchSize } : {}) })
      .then(
        (report) => {
          for (const entry of report) log.info(entry, 'ratings purged');
        },
        (error: unknown) => log.error({ err: error }, 'ratings purge failed; the next run tries again'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    idle: async () => {
      await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
