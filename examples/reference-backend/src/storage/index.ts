import type { DatabaseConfig } from '../config.js';
import { createDatabase, type Db } from './database.js';
import { migrateToLatest } from './migrations.js';
import { createOrgRepository, type OrgRepository } from './orgs.js';
import { createRatingRepository, type RatingRepository } from './ratings.js';

/** One repository per aggregate, over one migrated database. */
export interface Storage {
  db: Db;
  orgs: OrgRepository;
  ratings: RatingRepository;
  close(): Promise<void>;
}

export async function openStorage(config: DatabaseConfig): Promise<Storage> {
  const db = createDatabase(config);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    orgs: createOrgRepository(db),
    ratings: createRatingRepository(db),
    close: () => db.destroy(),
  };
}
