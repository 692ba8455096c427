import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, test, type TestContext } from 'node:test';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.js';
import { makeTempDir } from './helpers.js';

// Every test that touches storage runs once per engine, so a feature cannot work on one and not
// the other. SQLite needs nothing; PostgreSQL is the server named by this variable.
export const POSTGRES_URL_VARIABLE = 'CIVIC_TEST_POSTGRES_URL';
const DEFAULT_POSTGRES_URL = 'postgres://root@127.0.0.1:5432/test';
const CONNECT_TIMEOUT_MS = 3_000;

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Why this engine's tests do not run here; `undefined` when they run. */
  unavailable?: string;
  /** An empty database of its own for one test, removed when the test ends. */
  create(t: TestContext): Promise<DatabaseConfig>;
}

export const sqlite: TestDatabase = {
  name: 'sqlite',
  async create(t) {
    return { kind: 'sqlite', file: join(await makeTempDir(t), 'test.db') };
  },
};

/**
 * SQLite, and PostgreSQL when it answers. In CI (`CI` set) PostgreSQL is required: when it does
 * not answer its tests run anyway and each fails saying so, rather than vanish as skipped. Elsewhere
 * its suites are reported as skipped, naming the variable to set.
 */
export async function testDatabases(): Promise<TestDatabase[]> {
  return [sqlite, await postgres()];
}

/**
 * One suite per engine: `describe(db.name)` around the body. When the engine is unavailable, the
 * body is not run and one skipped test stands for it, so that the run's "skipped" count shows it.
 */
export function describeDatabase(db: TestDatabase, body: () => void): void {
  describe(db.name, () => {
    if (db.unavailable) test(`every ${db.name} test of this file`, { skip: db.unavailable }, () => {});
    else body();
  });
}

async function postgres(): Promise<TestDatabase> {
  const url = process.env[POSTGRES_URL_VARIABLE] || DEFAULT_POSTGRES_URL;
  const problem = await unreachable(url);
  const advice = `${POSTGRES_URL_VARIABLE}=postgres://user@host:5432/database (now ${url}: ${problem})`;
  if (problem && !isCi()) {
    return { name: 'postgres', unavailable: `PostgreSQL does not answer; to run these tests set ${advice}`, create: notAvailable };
  }
  if (problem) {
    return {
      name: 'postgres',
      async create() {
        throw new Error(`PostgreSQL does not answer and CI requires it: start it, or set ${advice}`);
      },
    };
  }
  // One small pool per test file makes and drops the schemas; the app of each test has its own.
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  after(() => admin.end());
  return {
    name: 'postgres',
    async create(t) {
      const schema = `civic_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`create schema ${schema}`);
      t.after(() => admin.query(`drop schema if exists ${schema} cascade`));
      return { kind: 'postgres', url: withSearchPath(url, schema) };
    },
  };
}

/**
 * The URL with libpq's `options` setting search_path, so every connection works in that schema.
 * Tests also skip waiting for the WAL flush at commit (about half the time of making a schema):
 * what a query sees is the same; only a crash of the server could lose the last commits.
 */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema} -c synchronous_commit=off`);
  return parsed.toString();
}

/** What DATABASE_URL says to select this database. */
export function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `file:${config.file}` : config.url;
}

async function unreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function isCi(): boolean {
  const value = process.env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

async function notAvailable(): Promise<never> {
  throw new Error('this database is unavailable; describeDatabase skips its tests');
}
