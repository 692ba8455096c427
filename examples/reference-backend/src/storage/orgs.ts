import { DEFAULT_BAROMETER_SETTINGS, type BarometerSettings, type Org, type OrgUpdate, type Service } from '@civic-pulse/core';
import type { Updateable } from 'kysely';
import type { Db } from './database.js';
import type { OrgsTable } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

export interface OrgRepository {
  find(id: string): Promise<Org | undefined>;
  /** Just the CORS allow-list, read on every public request. */
  allowedOrigins(id: string): Promise<string[] | undefined>;
  /** `false` when the id is already taken. */
  create(org: Org): Promise<boolean>;
  /** Replaces name, origins and services; `undefined` when there is no such org. */
  update(id: string, update: OrgUpdate): Promise<Org | undefined>;
  /** The org's barometer weights and minimums (the defaults until an admin sets them); `undefined` for no such org. */
  barometerSettings(id: string): Promise<BarometerSettings | undefined>;
  /** Replaces them; `false` when there is no such org. */
  setBarometerSettings(id: string, settings: BarometerSettings): Promise<boolean>;
  /** How many days the org keeps its ratings, `null` until an admin sets it; `undefined` for no such org. */
  retentionDays(id: string): Promise<number | null | undefined>;
  /** Sets it; `false` when there is no such org. */
  setRetentionDays(id: string, days: number): Promise<boolean>;
}

export function createOrgRepository(db: Db): OrgRepository {
  async function find(id: string): Promise<Org | undefined> {
    if (!canBeOrgId(id)) return undefined;
    const row = await db.selectFrom('orgs').select(['id', 'name', 'allowed_origins']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const services = await db.selectFrom('services').select(['id', 'name']).where('org_id', '=', id).execute();
    // Sorted here, by code unit: ORDER BY follows the database's collation, and a PostgreSQL in
    // en_US puts "a-c" after "ab" where SQLite puts it before.
    services.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { id: row.id, name: row.name, allowedOrigins: JSON.parse(row.allowed_origins) as string[], services };
  }

  async function allowedOrigins(id: string): Promise<string[] | undefined> {
    if (!canBeOrgId(id)) return undefined;
    const row = await db.selectFrom('orgs').select('allowed_origins').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.allowed_origins) as string[]);
  }

  async function create(org: Org): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('orgs')
          .values({ id: org.id, name: org.name, allowed_origins: JSON.stringify(org.allowedOrigins), created_at: now, updated_at: now })
          .execute();
        await insertServices(trx, org.id, org.services);
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function update(id: string, update: OrgUpdate): Promise<Org | undefined> {
    if (!canBeOrgId(id)) return undefined;
    const found = await db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable('orgs')
        .set({ name: update.name, allowed_origins: JSON.stringify(update.allowedOrigins), updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) return false;
      // Ratings name their service as plain text, so a service taken off the list keeps its history.
      await trx.deleteFrom('services').where('org_id', '=', id).execute();
      await insertServices(trx, id, update.services);
      return true;
    });
    return found ? find(id) : undefined;
  }

  async function barometerSettings(id: string): Promise<BarometerSettings | undefined> {
    if (!canBeOrgId(id)) return undefined;
    const row = await db.selectFrom('orgs').select('barometer').where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return row.barometer === null ? structuredClone(DEFAULT_BAROMETER_SETTINGS) : (JSON.parse(row.barometer) as BarometerSettings);
  }

  async function setBarometerSettings(id: string, settings: BarometerSettings): Promise<boolean> {
    const { weights, minimum } = settings;
    return setSettings(id, {
      barometer: JSON.stringify({ weights: { audit: weights.audit, satisfaction: weights.satisfaction }, minimum: { ratings: minimum.ratings, audits: minimum.audits } }),
    });
  }

  async function retentionDays(id: string): Promise<number | null | undefined> {
    if (!canBeOrgId(id)) return undefined;
    const row = await db.selectFrom('orgs').select('retention_days').where('id', '=', id).executeTakeFirst();
    return row && row.retention_days;
  }

  const setRetentionDays = (id: string, days: number): Promise<boolean> => setSettings(id, { retention_days: days });

  /** Writes one of the org's settings columns; `false` when there is no such org. */
  async function setSettings(id: string, values: Pick<Updateable<OrgsTable>, 'barometer' | 'retention_days'>): Promise<boolean> {
    if (!canBeOrgId(id)) return false;
    const { numUpdatedRows } = await db
      .updateTable('orgs')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  return { find, allowedOrigins, create, update, barometerSettings, setBarometerSettings, retentionDays, setRetentionDays };
}

/**
 * Ids come from URLs, where %00 decodes to U+0000: PostgreSQL would refuse the query (SQLite just
 * finds nothing), and no org can have that id anyway (OrgSchema takes slugs only).
 */
const canBeOrgId = (id: string): boolean => !id.includes('\u0000');

async function insertServices(db: Db, orgId: string, services: readonly Service[]): Promise<void> {
  if (services.length === 0) return;
  await db
    .insertInto('services')
    .values(services.map((service) => ({ org_id: orgId, id: service.id, name: service.name })))
    .execute();
}
