import { PostgresDialect, type DatabaseIntrospector, type Kysely } from 'kysely';
import pg from 'pg';
import { CurrentSchemaIntrospector } from './postgres-introspector.js';

/** Connections per instance: several instances share the server's max_connections (100 by default). */
const POOL_SIZE = 10;

/**
 * pg hands back int8 (what `count(*)` and `sum(integer)` return) as a string, so that no value
 * loses precision; SQLite hands back a number. Counts of ratings stay far below 2^53, so this pool
 * reads them as numbers and both engines give the same rows; a value beyond that would be a bug
 * worth a loud error rather than a silently rounded count.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 ${text} is beyond Number.MAX_SAFE_INTEGER`);
  return value;
}

const INT8_OID = 20;

// Per pool rather than pg.types.setTypeParser, which would change every pg user in the process.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * The PostgreSQL dialect over one pg pool. The URL may carry libpq's `options`, e.g.
 * `?options=-c%20search_path%3Dcivic` to keep the tables in the schema `civic`.
 * `onIdleError` hears errors of idle connections (the server restarted, a proxy cut them): pg
 * emits them on the pool, and an `error` event without a listener would end the process.
 */
export function createPostgresDialect(url: string, onIdleError: (error: Error) => void): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types });
  pool.on('error', onIdleError);
  return new CurrentSchemaPostgresDialect({ pool });
}

/** PostgreSQL as Kysely speaks it, with an introspector that reads the current schema only. */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
