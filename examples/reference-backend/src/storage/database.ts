import { Kysely, type Dialect } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import { createPostgresDialect } from './postgres.js';
import type { Database } from './schema.js';
import { createSqliteDialect } from './sqlite.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** Errors that no query awaits (a pooled PostgreSQL connection dropped while idle). */
  onBackgroundError?: (error: Error) => void;
}

/** One query layer for both engines: everything above this file is written once, in portable Kysely. */
export function createDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Db {
  return new Kysely<Database>({ dialect: dialectFor(config, options) });
}

function dialectFor(config: DatabaseConfig, { onBackgroundError = logToStderr }: DatabaseOptions): Dialect {
  switch (config.kind) {
    case 'sqlite':
      return createSqliteDialect(config.file);
    case 'postgres':
      return createPostgresDialect(config.url, onBackgroundError);
  }
}

function logToStderr(error: Error): void {
  console.error('database connection error (the pool replaces the connection):', error);
}
