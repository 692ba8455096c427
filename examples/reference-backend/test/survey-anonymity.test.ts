import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../src/storage/database.js';
import { describeDatabase, testDatabases } from './databases.js';
import { startAppWithTown } from './helpers.js';
import { answerSurvey, aSurveyResponse, givenSurvey } from './survey-fixtures.js';

// The promise to agents, checked on the schema itself: whatever a later migration adds, the table
// of survey responses holds nothing that could lead back to an invitation, a person or a moment.

/** Names that would say who answered, with which invitation, or when (finer than the day). */
const FORBIDDEN_NAME = /token|participant|user|(^|_)ip(_|$)|address|created_at|received_at|_at$|time|sequence|serial|autoincrement|rowid|invitation/i;
/** Column types that hold a moment; `date` alone (a day) is allowed. */
const FORBIDDEN_TYPE = /time|serial/i;
/** A value that carries a time of day: an ISO instant, a clock time, or epoch milliseconds/seconds. */
const FINER_THAN_DAY = /\d{2}:\d{2}|^\d{10,}$/;

interface Column {
  name: string;
  type: string;
  /** Numbers the rows in arrival order: PostgreSQL nextval or identity, SQLite's INTEGER PRIMARY KEY (the rowid). */
  numbering: boolean;
}

async function columnsOf(db: Db, engine: 'sqlite' | 'postgres', table: string): Promise<Column[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${table})`.execute(db);
    return rows.map((row) => ({
      name: row.name,
      type: row.type,
      // An INTEGER PRIMARY KEY (AUTOINCREMENT or not) is the rowid itself: numbered in arrival order.
      numbering: row.pk > 0 && /^integer$/i.test(row.type),
    }));
  }
  const { rows } = await sql<{ name: string; type: string; column_default: string | null; is_identity: string }>`
    select column_name as name, data_type as type, column_default, is_identity
    from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return rows.map((row) => ({
    name: row.name,
    type: row.type,
    numbering: row.is_identity === 'YES' || /nextval/i.test(row.column_default ?? ''),
  }));
}

/** Each column that breaks the promise, said in words; none for a table that keeps it. */
function columnProblems(columns: readonly Column[]): string[] {
  return columns.flatMap((column) => [
    ...(FORBIDDEN_NAME.test(column.name) ? [`${column.name}: a name that links or dates`] : []),
    ...(FORBIDDEN_TYPE.test(column.type) ? [`${column.name}: type ${column.type} holds a moment`] : []),
    ...(column.numbering ? [`${column.name}: numbers the rows in arrival order`] : []),
  ]);
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    test('the survey response table has no column that could link a response to an agent, an invitation or a moment', async (t) => {
      const app = await startAppWithTown(t, db);
      const columns = await columnsOf(app.storage.db, db.name, 'survey_responses');
      assert.deepEqual(columns.map((column) => column.name).sort(), ['answers', 'id', 'received_day', 'survey_id']);
      assert.deepEqual(columnProblems(columns), []);
    });

    test('the check would catch a table that broke the promise (a token hash, a timestamp, a numbered id)', async (t) => {
      const app = await startAppWithTown(t, db);
      const broken =
        db.name === 'sqlite'
          ? sql`create table broken (id integer primary key autoincrement, token_hash text, created_at text, ip text)`
          : sql`create table broken (id serial primary key, token_hash text, moment timestamptz, ip text)`;
      await broken.execute(app.storage.db);
      const problems = columnProblems(await columnsOf(app.storage.db, db.name, 'broken'));
      const moment = db.name === 'sqlite' ? 'created_at: a name that links or dates' : 'moment: type timestamp with time zone holds a moment';
      assert.deepEqual(problems.sort(), [
        'id: numbers the rows in arrival order',
        'ip: a name that links or dates',
        moment,
        'token_hash: a name that links or dates',
      ].sort());
    });

    // SQLite only: PostgreSQL has no rowid, and its limit (rows stored in the order of writes) is in the README.
    if (db.name === 'sqlite') {
      test('SQLite keeps the responses without rowid, so their order is that of their random ids', async (t) => {
        const app = await startAppWithTown(t, db);
        const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'survey_responses'`.execute(app.storage.db);
        assert.match(rows[0]!.sql, /without rowid/i);
      });
    }

    test('no stored value of a response holds a time finer than the day, the token, or the client’s id', async (t) => {
      const app = await startAppWithTown(t, db);
      const { id, tokens } = await givenSurvey(app);
      const sent = [aSurveyResponse(), aSurveyResponse()];
      for (const [index, response] of sent.entries()) assert.equal((await answerSurvey(app, id, tokens[index]!, response)).statusCode, 201);

      const rows = await app.storage.db.selectFrom('survey_responses').selectAll().execute();
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.match(row.received_day, /^\d{4}-\d{2}-\d{2}$/);
        assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a random (v4) uuid');
        for (const [column, value] of Object.entries(row)) {
          if (column === 'answers') continue; // the agent's own words, checked against the questions
          assert.doesNotMatch(String(value), FINER_THAN_DAY, `${column} = ${value}`);
        }
        const text = JSON.stringify(row);
        for (const token of tokens) assert.ok(!text.includes(token), 'no token');
        for (const response of sent) assert.ok(!text.includes(response.id), 'no client id');
      }
    });
  });
}
