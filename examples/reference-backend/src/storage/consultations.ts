import type { ConsultationDefinition } from '@civic-pulse/core';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique-violation.js';

/** A definition as stored: its id is always set (the server makes one when the admin gave none). */
export type StoredDefinition = ConsultationDefinition & { id: string };

export interface StoredConsultation {
  definition: StoredDefinition;
  /** Raised by each PUT: a response checked against one revision is stored only under it. */
  revision: number;
  responses: number;
}

export type UpdateOutcome = 'updated' | 'unknown' | 'has-responses';

export interface ConsultationRepository {
  find(id: string): Promise<StoredConsultation | undefined>;
  /** The org whose origins may call the consultation's public routes (CORS). */
  orgOf(id: string): Promise<string | undefined>;
  /** `false` when the id is taken. */
  create(definition: StoredDefinition): Promise<boolean>;
  /** Replaces the definition, only while no response was stored: answers must keep their meaning. */
  update(definition: StoredDefinition): Promise<UpdateOutcome>;
  /** Moves closesAt to `now` unless it is already past; `false` for an unknown id. */
  close(id: string, now: Date): Promise<boolean>;
}

export function createConsultationRepository(db: Db): ConsultationRepository {
  async function find(id: string): Promise<StoredConsultation | undefined> {
    if (!canBeId(id)) return undefined;
    const row = await db
      .selectFrom('consultations')
      .select(['definition', 'revision', 'responses'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { definition: JSON.parse(row.definition) as StoredDefinition, revision: row.revision, responses: row.responses };
  }

  async function orgOf(id: string): Promise<string | undefined> {
    if (!canBeId(id)) return undefined;
    const row = await db.selectFrom('consultations').select('org_id').where('id', '=', id).executeTakeFirst();
    return row?.org_id;
  }

  async function create(definition: StoredDefinition): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await db
        .insertInto('consultations')
        .values({ id: definition.id, org_id: definition.org, ...columnsOf(definition), revision: 1, responses: 0, created_at: now, updated_at: now })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function update(definition: StoredDefinition): Promise<UpdateOutcome> {
    if (!canBeId(definition.id)) return 'unknown';
    // One conditional statement: a response stored in between makes it match no row, never half-apply.
    const { numUpdatedRows } = await db
      .updateTable('consultations')
      .set((eb) => ({ ...columnsOf(definition), org_id: definition.org, revision: eb('revision', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', definition.id)
      .where('responses', '=', 0)
      .executeTakeFirst();
    if (numUpdatedRows > 0n) return 'updated';
    return (await orgOf(definition.id)) === undefined ? 'unknown' : 'has-responses';
  }

  async function close(id: string, now: Date): Promise<boolean> {
    return closeNow(now, () => find(id), async (definition, revision) => {
      // Guarded by the revision read, so a PUT in between is not overwritten with the old text.
      const { numUpdatedRows } = await db
        .updateTable('consultations')
        .set({ ...columnsOf(definition), updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    });
  }

  return { find, orgOf, create, update, close };
}

function columnsOf(definition: StoredDefinition) {
  return {
    definition: JSON.stringify(definition),
    opens_at: new Date(definition.opensAt).toISOString(),
    closes_at: new Date(definition.closesAt).toISOString(),
  };
}

/**
 * Moves a consultation's or a survey's closesAt to `now` unless it is already past: `write` stores
 * the closed definition if the row still has the revision read, else it is read again. `false`
 * when there is nothing to close.
 */
export async function closeNow<T extends { closesAt: string }>(
  now: Date,
  read: () => Promise<{ definition: T; revision: number } | undefined>,
  write: (definition: T, revision: number) => Promise<boolean>,
): Promise<boolean> {
  for (;;) {
    const found = await read();
    if (!found) return false;
    if (Date.parse(found.definition.closesAt) <= now.getTime()) return true;
    if (await write({ ...found.definition, closesAt: now.toISOString() }, found.revision)) return true;
  }
}

/**
 * Ids come from URLs, where %00 decodes to U+0000: PostgreSQL would refuse the query (SQLite just
 * finds nothing), and no stored id has one (every input refuses it).
 */
export const canBeId = (id: string): boolean => !id.includes('\u0000');
