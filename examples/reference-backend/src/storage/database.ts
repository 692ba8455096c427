import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';
import { createSqliteDialect } from './sqlite.js';

export type Db = Kysely<Database>;

/** One query layer for both engines: everything above this file is written once, in portable Kysely. */
export function createDatabase(config: DatabaseConfig): Db {
  return new Kysely<Database>({ dialect: dialectFor(config) });
}

function dialectFor(config: DatabaseConfig): Dialect {
  switch (config.kind) {
    case 'sqlite':
      return createSqliteDialect(config.file);
    case 'postgres':
      return new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 10 }) });
  }
}
