import assert from 'node:assert/strict';
import { join } from 'node:path';
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
    const insertOrg = otherProcess.prepare("insert into orgs values ('x', 'X', '[]', '2025-01-01', '2025-01-01')");

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
    assert.deepEqual(tables, [{ name: 'orgs' }, { name: 'rating_daily' }, { name: 'ratings' }, { name: 'services' }]);
  });
});
