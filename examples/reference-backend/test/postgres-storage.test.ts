import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN_TOKEN, openTestStorage } from './helpers.js';

const MIGRATIONS = ['0001-orgs-and-ratings', '0002-rating-daily-by-day', '0003-consultations', '0004-ideas', '0005-surveys', '0006-survey-readers', '0007-audits', '0008-retention'];

const postgres = (await testDatabases()).find((db) => db.name === 'postgres')!;

// What only PostgreSQL has: a server that several instances share, its connections and its types.
describeDatabase(postgres, () => {
  test('four instances starting at the same moment on a new schema all start; each migration runs once', async (t) => {
    const database = await postgres.create(t);
    const apps = Array.from({ length: 4 }, () => buildApp({ database, adminToken: ADMIN_TOKEN }));
    for (const app of apps) t.after(() => app.close());

    await Promise.all(apps.map((app) => app.ready()));

    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(apps[0]!.storage.db);
    assert.deepEqual(
      rows.map((row) => row.name),
      MIGRATIONS,
    );
  });

  test("migrates into its own schema when another schema of the database has Kysely's tables already", async (t) => {
    const first = await openTestStorage(t, postgres);
    const second = await openTestStorage(t, postgres);

    for (const storage of [first, second]) {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(storage.db);
      assert.deepEqual(
        rows.map((row) => row.name),
        MIGRATIONS,
      );
      assert.deepEqual(await storage.db.selectFrom('ratings').select('id').execute(), []);
    }
  });

  test('int8 values read as numbers, and one beyond 2^53 is an error rather than a rounded count', async (t) => {
    const { db } = await openTestStorage(t, postgres);
    const { rows } = await sql<{ n: number }>`select 9007199254740991::int8 as n`.execute(db);
    assert.equal(rows[0]?.n, Number.MAX_SAFE_INTEGER);
    await assert.rejects(sql`select 9007199254740993::int8 as n`.execute(db), RangeError);
  });

  test('an idle connection cut by the server is reported, and the next query gets a new one', async (t) => {
    const config = await postgres.create(t);
    let reported: (error: Error) => void = () => {};
    const report = new Promise<Error>((resolve) => (reported = resolve));
    const db = createDatabase(config, { onBackgroundError: reported });
    t.after(() => db.destroy());
    await migrateToLatest(db);
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const killer = createDatabase(config);
    t.after(() => killer.destroy());

    await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(killer);

    assert.match((await report).message, /terminat/i);
    assert.deepEqual((await sql<{ one: number }>`select 1 as one`.execute(db)).rows, [{ one: 1 }]);
  });
});
