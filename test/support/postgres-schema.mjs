// A PostgreSQL schema of its own for one benchmark run or one end-to-end test file, dropped
// afterwards: neither ever touches the tables of a real deployment that shares the server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same server as the backend tests (examples/reference-backend/test/databases.ts). */
export const POSTGRES_URL = process.env.CIVIC_TEST_POSTGRES_URL || 'postgres://root@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be used at `baseUrl` (it does not answer), or `undefined` when it can. */
export async function postgresProblem(baseUrl = POSTGRES_URL) {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `PostgreSQL does not answer at ${baseUrl} (${error.message || error.code || error.name}): start it, or set CIVIC_TEST_POSTGRES_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Creates the schema and returns the URL whose connections work in it (libpq `options` setting
 * search_path, as DATABASE_URL accepts), a client connected to it, and `drop()`, which drops the
 * schema and closes the client. Default server settings otherwise (synchronous_commit on): the
 * figures are those of a durable commit, and a killed backend loses nothing it acknowledged.
 */
export async function createSchema({ prefix = 'civic_bench', baseUrl = POSTGRES_URL } = {}) {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${baseUrl} (${error.message}): start it, or set CIVIC_TEST_POSTGRES_URL`, { cause: error });
  }
  await admin.query(`create schema ${schema}`);
  await admin.query(`set search_path to ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    client: admin,
    async drop() {
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}
