import { createHash } from 'node:crypto';
import type { Audit, AuditImportReceipt, AuditTotals, ByChannel, Channel } from '@civic-pulse/core';
import type { Db } from './database.js';
import type { DayRange } from './satisfaction.js';

/** The barometer's audit totals, overall and per channel; a channel is absent when it has no audit in the range. */
export type AuditSummary = ByChannel<AuditTotals>;

/** An audit of the batch whose key was imported before with another content. */
export interface AuditConflict {
  /** Its index in the batch. */
  index: number;
  key: string;
}

export type AuditImportOutcome = ({ ok: true } & AuditImportReceipt) | { ok: false; conflicts: AuditConflict[] };

export interface AuditRepository {
  /**
   * Imports a batch in one transaction, with its share of `audit_daily`: audits whose key the org
   * already holds with the same content are counted as duplicates. When one key is held with another
   * content, nothing is imported and the conflicts are answered.
   */
  import(orgId: string, audits: readonly Audit[], today?: string): Promise<AuditImportOutcome>;
  /** One org over a range of days, read from `audit_daily` alone. */
  summarize(orgId: string, days: DayRange): Promise<AuditSummary>;
}

/** An audit as stored: its key, its content's hash, and its row. */
interface KeyedAudit {
  index: number;
  key: string;
  contentHash: string;
  audit: Audit;
}

// Rows per INSERT: 10 values each stays far under SQLite's 32,766 bound parameters and PostgreSQL's 65,535.
const CHUNK = 500;

export function createAuditRepository(db: Db): AuditRepository {
  async function importAudits(orgId: string, audits: readonly Audit[], today = new Date().toISOString().slice(0, 10)): Promise<AuditImportOutcome> {
    const keyed = keyAudits(audits);
    // A key given twice in one batch with the same content is a repeat within the file.
    const unique = [...new Map(keyed.map((entry) => [entry.key, entry])).values()];
    return db.transaction().execute(async (trx) => {
      const inserted = new Set<string>();
      for (let start = 0; start < unique.length; start += CHUNK) {
        const chunk = unique.slice(start, start + CHUNK);
        // ON CONFLICT DO NOTHING: on PostgreSQL a concurrent import of the same key waits for the
        // other transaction and then skips the row, so only the rows this one wrote are returned,
        // and only those are added to the aggregate. SQLite runs the two imports one after the other.
        const rows = await trx
          .insertInto('audits')
          .values(chunk.map(({ key, contentHash, audit }) => toRow(orgId, key, contentHash, audit, today)))
          .onConflict((conflict) => conflict.columns(['org_id', 'key']).doNothing())
          .returning('key')
          .execute();
        for (const row of rows) inserted.add(row.key);
      }

      const skipped = unique.filter((entry) => !inserted.has(entry.key));
      const conflicts = await conflictsAmong(trx, orgId, skipped);
      if (conflicts.length > 0) {
        // Rolls the transaction back: a file with one conflicting audit imports nothing.
        throw new ConflictsFound(conflicts);
      }

      await addToDaily(trx, orgId, unique.filter((entry) => inserted.has(entry.key)).map((entry) => entry.audit));
      return { ok: true as const, imported: inserted.size, duplicates: audits.length - inserted.size };
    }).catch((error: unknown) => {
      if (error instanceof ConflictsFound) return { ok: false as const, conflicts: error.conflicts };
      throw error;
    });
  }

  async function summarize(orgId: string, days: DayRange): Promise<AuditSummary> {
    const rows = await db
      .selectFrom('audit_daily')
      .select((eb) => [
        'channel',
        eb.fn.sum<number>('audits').as('audits'),
        eb.fn.sum<number>('criteria_met').as('criteria_met'),
        eb.fn.sum<number>('criteria_total').as('criteria_total'),
      ])
      .where('org_id', '=', orgId)
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .groupBy('channel')
      .execute();
    const summary: AuditSummary = { audits: 0, criteriaMet: 0, criteriaTotal: 0, byChannel: {} };
    for (const row of rows) {
      // int8 sums come back as numbers on both engines (postgres.ts); Number() is for the type only.
      const figures = { audits: Number(row.audits), criteriaMet: Number(row.criteria_met), criteriaTotal: Number(row.criteria_total) };
      summary.byChannel[row.channel as Channel] = figures;
      summary.audits += figures.audits;
      summary.criteriaMet += figures.criteriaMet;
      summary.criteriaTotal += figures.criteriaTotal;
    }
    return summary;
  }

  return { import: importAudits, summarize };
}

class ConflictsFound extends Error {
  constructor(readonly conflicts: AuditConflict[]) {
    super('audits conflict with earlier imports');
  }
}

/**
 * Each audit's key. With an id, the id. Without one, the sha-256 of its content and of its rank
 * among the audits of the batch with that very content: two identical contacts on one day (two
 * calls that went the same way) stay two audits, and the same file imported again gives the same
 * keys. Two imports that each hold one of such twins count them once: give audits ids to avoid it.
 */
export function keyAudits(audits: readonly Audit[]): KeyedAudit[] {
  const seen = new Map<string, number>();
  return audits.map((audit, index) => {
    const contentHash = contentHashOf(audit);
    if (audit.id !== undefined) return { index, key: `id:${audit.id}`, contentHash, audit };
    const rank = (seen.get(contentHash) ?? 0) + 1;
    seen.set(contentHash, rank);
    return { index, key: `sha256:${sha256(`${contentHash}#${rank}`)}`, contentHash, audit };
  });
}

/** The audit's content in a fixed order (criteria sorted), whatever order its file wrote it in. */
function contentHashOf(audit: Audit): string {
  const criteria = audit.criteria ? Object.entries(audit.criteria).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
  return sha256(JSON.stringify([audit.id ?? null, audit.date, audit.channel, audit.service ?? null, audit.criteriaMet, audit.criteriaTotal, criteria]));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function toRow(orgId: string, key: string, contentHash: string, audit: Audit, today: string) {
  return {
    org_id: orgId,
    key,
    content_hash: contentHash,
    date: audit.date,
    channel: audit.channel,
    service: audit.service ?? null,
    criteria_met: audit.criteriaMet,
    criteria_total: audit.criteriaTotal,
    criteria: audit.criteria ? JSON.stringify(audit.criteria) : null,
    imported_at: today,
  };
}

/** The skipped audits whose key is held with another content (only audits with an id can be). */
async function conflictsAmong(db: Db, orgId: string, skipped: readonly KeyedAudit[]): Promise<AuditConflict[]> {
  const conflicts: AuditConflict[] = [];
  for (let start = 0; start < skipped.length; start += CHUNK) {
    const chunk = skipped.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('audits')
      .select(['key', 'content_hash'])
      .where('org_id', '=', orgId)
      .where('key', 'in', chunk.map((entry) => entry.key))
      .execute();
    const held = new Map(rows.map((row) => [row.key, row.content_hash]));
    for (const entry of chunk) {
      if (held.get(entry.key) !== entry.contentHash) conflicts.push({ index: entry.index, key: entry.key });
    }
  }
  return conflicts;
}

/** Adds the audits written to their days' rows, one upsert per day and channel. */
async function addToDaily(db: Db, orgId: string, audits: readonly Audit[]): Promise<void> {
  const days = new Map<string, { day: string; channel: string; audits: number; criteria_met: number; criteria_total: number }>();
  for (const audit of audits) {
    const id = `${audit.date} ${audit.channel}`;
    const row = days.get(id) ?? { day: audit.date, channel: audit.channel, audits: 0, criteria_met: 0, criteria_total: 0 };
    row.audits += 1;
    row.criteria_met += audit.criteriaMet;
    row.criteria_total += audit.criteriaTotal;
    days.set(id, row);
  }
  const rows = [...days.values()];
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('audit_daily')
      .values(rows.slice(start, start + CHUNK).map((row) => ({ org_id: orgId, ...row })))
      .onConflict((conflict) =>
        conflict.columns(['org_id', 'day', 'channel']).doUpdateSet((eb) => ({
          audits: eb('audit_daily.audits', '+', eb.ref('excluded.audits')),
          criteria_met: eb('audit_daily.criteria_met', '+', eb.ref('excluded.criteria_met')),
          criteria_total: eb('audit_daily.criteria_total', '+', eb.ref('excluded.criteria_total')),
        })),
      )
      .execute();
  }
}
