import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDefinitionFile } from '../src/consultation-file.js';
import { DEMO_CONSULTATION_FILE, seedDemoConsultation, seedDemoOrg } from '../src/seed.js';
import { describeDatabase, testDatabases } from './databases.js';
import { startApp } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

test('the demo consultation file passes the checks of POST /v1/admin/consultations', async () => {
  const file = await readDefinitionFile(DEMO_CONSULTATION_FILE);
  assert.deepEqual('problems' in file ? file.problems : [], []);
});

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('seedDemoConsultation', () => {
      test('creates “place du marché” for ville-exemple, open from a week ago for two months, from the file', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const now = new Date();

        assert.equal(await seedDemoConsultation(app.storage.consultations, now), true);

        const response = await app.inject({ method: 'GET', url: '/v1/consultations/place-du-marche' });
        assert.equal(response.statusCode, 200);
        const consultation = response.json();
        const file = await readDefinitionFile(DEMO_CONSULTATION_FILE);
        assert.ok('definition' in file);
        assert.deepEqual(consultation, {
          ...file.definition,
          opensAt: new Date(now.getTime() - 7 * DAY).toISOString(),
          closesAt: new Date(now.getTime() + 60 * DAY).toISOString(),
          status: 'open',
        });
        assert.equal(consultation.org, 'ville-exemple');
        assert.equal(consultation.title, 'Réaménagement de la place du marché');
        assert.equal(consultation.resultsVisibility, 'after-vote');
        assert.deepEqual(consultation.ideas, { enabled: true, moderation: 'pre' });
        const shapes = consultation.questions.map((question: Record<string, unknown>) => ({
          type: question.type,
          required: question.required,
          options: (question.options as unknown[] | undefined)?.length,
          min: question.min,
          max: question.max,
          labels: question.minLabel !== undefined && question.maxLabel !== undefined,
          maxLength: question.maxLength,
        }));
        assert.deepEqual(shapes, [
          { type: 'yesno', required: true, options: undefined, min: undefined, max: undefined, labels: false, maxLength: undefined },
          { type: 'single', required: true, options: 4, min: undefined, max: undefined, labels: false, maxLength: undefined },
          { type: 'multiple', required: true, options: 6, min: 1, max: 3, labels: false, maxLength: undefined },
          { type: 'ranking', required: true, options: 4, min: undefined, max: undefined, labels: false, maxLength: undefined },
          { type: 'scale', required: true, options: undefined, min: 1, max: 5, labels: true, maxLength: undefined },
          { type: 'text', required: false, options: undefined, min: undefined, max: undefined, labels: false, maxLength: 500 },
        ]);
      });

      test('leaves an existing one alone: closed by an admin, it stays closed', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        await seedDemoConsultation(app.storage.consultations);
        const closedAt = new Date(Date.now() - 1000);
        await app.storage.consultations.close('place-du-marche', closedAt);

        assert.equal(await seedDemoConsultation(app.storage.consultations), false);

        const stored = await app.storage.consultations.find('place-du-marche');
        assert.equal(stored?.definition.closesAt, closedAt.toISOString());
        assert.equal(stored?.revision, 1);
      });

      test('two instances seeding at the same moment: one consultation', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const created = await Promise.all([seedDemoConsultation(app.storage.consultations), seedDemoConsultation(app.storage.consultations)]);
        assert.deepEqual(created.sort(), [false, true]);
      });
    });
  });
}
