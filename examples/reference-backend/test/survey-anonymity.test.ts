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
  /** A default that numbers rows (PostgreSQL nextval, identity), or SQLite's autoincrement. */
  numbering: boolean;
}

async function responseColumns(db: Db, engine: 'sqlite' | 'postgres'): Promise<Column[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info('survey_responses')`.execute(db);
    const { rows: tables } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'survey_responses'`.execute(db);
    const definition = tables[0]?.sql ?? '';
    return rows.map((row) => ({
      name: row.name,
      type: row.type,
      // An INTEGER PRIMARY KEY is the rowid itself: numbered in arrival order.
      numbering: /autoincrement/i.test(definition) || (row.pk > 0 && /^integer$/i.test(row.type)),
    }));
  }
  const { rows } = await sql<{ name: string; type: string; column_default: string | null; is_identity: string }>`
    select column_name as name, data_type as type, column_default, is_identity
    from information_schema.columns
    where table_schema = current_schema() and table_name = 'survey_responses'`.execute(db);
  return rows.map((row) => ({
    name: row.name,
    type: row.type,
    numbering: row.is_identity === 'YES' || /nextval/i.test(row.column_default ?? ''),
  }));
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    test('the survey response table has no column that could link a response to an agent, an invitation or a moment', async (t) => {
      const app = await startAppWithTown(t, db);
      const columns = await responseColumns(app.storage.db, db.name);
      assert.deepEqual(columns.map((column) => column.name).sort(), ['answers', 'id', 'received_day', 'survey_id']);
      for (const column of columns) {
        assert.doesNotMatch(column.name, FORBIDDEN_NAME, `column ${column.name}`);
        assert.doesNotMatch(column.type, FORBIDDEN_TYPE, `type of ${column.name}: ${column.type}`);
        assert.equal(column.numbering, false, `${column.name} numbers the rows in arrival order`);
      }
    });

    test('SQLite keeps the responses without rowid, so their order is that of their random ids', { skip: db.name !== 'sqlite' }, async (t) => {
      const app = await startAppWithTown(t, db);
      const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'survey_responses'`.execute(app.storage.db);
      assert.match(rows[0]!.sql, /without rowid/i);
    });

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
