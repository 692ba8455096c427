import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations.js';
import { makeTempDir } from './helpers.js';

describe('SQLite storage', () => {
  test('runs in WAL with durable commits, waits 5 s for a lock, enforces foreign keys', async (t) => {
    const db = createDatabase({ kind: 'sqlite', file: join(await makeTempDir(t), 'nested', 'pragmas.db') });
    t.after(() => db.destroy());
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];

    assert.equal(await pragma('journal_mode'), 'wal');
    assert.equal(await pragma('synchronous'), 2, 'FULL');
    assert.equal(await pragma('busy_timeout'), 5000);
    assert.equal(await pragma('foreign_keys'), 1);
  });

  test('a transaction holds the write lock from its first statement, even a read (BEGIN IMMEDIATE)', async (t) => {
    const file = join(await makeTempDir(t), 'lock.db');
    const db = createDatabase({ kind: 'sqlite', file });
    t.after(() => db.destroy());
    await migrateToLatest(db);
    const otherProcess = new SqliteDatabase(file, { timeout: 0 });
    t.after(() => otherProcess.close());
    const insertOrg = otherProcess.prepare("insert into orgs (id, name, allowed_origins, created_at, updated_at) values ('x', 'X', '[]', '2025-01-01', '2025-01-01')");

    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('orgs').select('id').execute();
      assert.throws(() => insertOrg.run(), { code: 'SQLITE_BUSY' });
    });
    assert.equal(insertOrg.run().changes, 1, 'the lock is released at commit');
  });

  test('migrations apply once: a second start finds the schema up to date', async (t) => {
    const file = join(await makeTempDir(t), 'twice.db');
    for (let start = 0; start < 2; start++) {
      const db = createDatabase({ kind: 'sqlite', file });
      await migrateToLatest(db);
      await db.destroy();
    }
    const check = new SqliteDatabase(file, { readonly: true });
    t.after(() => check.close());
    const tables = check.prepare("select name from sqlite_master where type = 'table' and name not like 'kysely%' order by name").all();
    assert.deepEqual(tables, [
      { name: 'audit_daily' },
      { name: 'audits' },
      { name: 'consultation_idea_supports' },
      { name: 'consultation_ideas' },
      { name: 'consultation_responses' },
      { name: 'consultation_tallies' },
      { name: 'consultations' },
      { name: 'orgs' },
      { name: 'rating_daily' },
      { name: 'ratings' },
      { name: 'services' },
      { name: 'survey_invitations' },
      { name: 'survey_readers' },
      { name: 'survey_responses' },
      { name: 'surveys' },
    ]);
  });

  test('three processes that migrate one new file at the same moment all start, each migration applied once', async (t) => {
    const file = join(await makeTempDir(t), 'together.db');
    const children = Array.from({ length: 3 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'migrate-on-signal.ts'), file], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      t.after(() => child.kill('SIGKILL'));
      return { child, lines: createInterface({ input: child.stdout }) };
    });
    await Promise.all(children.map(({ lines }) => once(lines, 'line')));

    for (const { child } of children) child.stdin.write('go\n');
    const outcomes = await Promise.all(children.map(async ({ lines }) => (await once(lines, 'line'))[0] as string));

    assert.deepEqual(outcomes, ['migrated', 'migrated', 'migrated']);
    const check = new SqliteDatabase(file, { readonly: true });
    t.after(() => check.close());
    assert.deepEqual(check.prepare('select name from kysely_migration order by name').pluck().all(), ['0001-orgs-and-ratings', '0002-rating-daily-by-day', '0003-consultations', '0004-ideas', '0005-surveys', '0006-survey-readers', '0007-audits', '0008-retention']);
  });
});
