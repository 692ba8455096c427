import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { createDatabase } from '../src/storage/database.js';
import { migrations } from '../src/storage/migrations.js';
import { describeDatabase, testDatabases } from './databases.js';
import { openTestStorage } from './helpers.js';
import { aSurvey } from './survey-fixtures.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('migration 0006-survey-readers', () => {
      test('a survey answered before it counts its responses, so its questions stay fixed after the upgrade', async (t) => {
        const database = await db.create(t);
        const before = createDatabase(database);
        const upTo0005 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '0005-surveys'));
        // On PostgreSQL the Migrator is told the test's schema, as migrateToLatest tells it (another
        // schema's kysely_migration table would otherwise be taken for ours).
        const schema = db.name === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(before)).rows[0]?.schema : undefined;
        const provider = { getMigrations: async () => upTo0005 };
        const { error } = await new Migrator({ db: before, provider, migrationTableSchema: schema }).migrateToLatest();
        assert.equal(error, undefined);
        const survey = aSurvey();
        const now = new Date().toISOString();
        await before.insertInto('orgs').values({ id: survey.org, name: 'Ville', allowed_origins: '[]', created_at: now, updated_at: now }).execute();
        // The columns of 0005 only: revision and responses do not exist yet.
        await before
          .insertInto('surveys')
          .values({ id: survey.id!, org_id: survey.org, definition: JSON.stringify(survey), opens_at: survey.opensAt, closes_at: survey.closesAt, created_at: now } as never)
          .execute();
        for (const id of [crypto.randomUUID(), crypto.randomUUID()]) {
          await before.insertInto('survey_responses').values({ id, survey_id: survey.id!, answers: '{}', received_day: now.slice(0, 10) }).execute();
        }
        await before.destroy();

        const storage = await openTestStorage(t, db, database);

        assert.deepEqual({ ...(await storage.surveys.find(survey.id!)), definition: undefined }, { definition: undefined, revision: 1, responses: 2 });
        const changed = { ...survey, id: survey.id!, sections: survey.sections.slice(0, 1) };
        const outcome = await storage.surveys.update(changed);
        assert.ok(typeof outcome === 'object' && outcome.frozen.some((change) => change.path === 'sections'));
        assert.equal(await storage.surveys.isReader(survey.id!, 'f'.repeat(40)), false);
      });
    });
  });
}
