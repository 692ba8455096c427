import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { daysFromNow } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown } from './helpers.js';
import { answerSurvey, aSurvey, closeSurvey, givenSurvey, issueReader, updateSurvey } from './survey-fixtures.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('PUT /v1/admin/surveys/:id', () => {
      test('without responses, anything may change: 200 with the survey as agents will read it', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app);
        const changed = aSurvey({ title: 'Nouveau titre', minimumGroup: 3 });
        changed.sections = changed.sections.slice(0, 2);

        const updated = await updateSurvey(app, id, changed);

        assert.equal(updated.statusCode, 200);
        assert.deepEqual(updated.json(), { ...changed, status: 'open' });
        assert.deepEqual((await app.storage.surveys.find(id))?.definition, changed);
        assert.equal((await app.storage.surveys.find(id))?.revision, 2);
      });

      test('with responses: the title, intro and dates may change; sections, org and a lower minimum group are 409 has-responses, each named', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app, aSurvey({ minimumGroup: 5 }));
        assert.equal((await answerSurvey(app, id, tokens[0]!)).statusCode, 201);

        const wording = aSurvey({ minimumGroup: 5 });
        wording.sections[0]!.questions[0]!.label = 'Encadrez-vous une équipe ?';
        const refused = errorOf(await updateSurvey(app, id, { ...wording, minimumGroup: 3 }), 409);
        assert.equal(refused.code, 'has-responses');
        assert.deepEqual(fieldPaths(refused), ['sections', 'minimumGroup']);
        assert.match(refused.message, /sections and their questions cannot change/);

        const allowed = aSurvey({ title: 'Titre corrigé', intro: 'Anonyme.', closesAt: daysFromNow(20), minimumGroup: 8 });
        assert.equal((await updateSurvey(app, id, allowed)).statusCode, 200);
        assert.equal((await app.storage.surveys.find(id))?.definition.title, 'Titre corrigé');
      });

      test('a closed survey with responses cannot reopen; one without can', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const { id: other } = await givenSurvey(app, aSurvey({ id: 'autre' }));
        assert.equal((await answerSurvey(app, id, tokens[0]!)).statusCode, 201);
        await closeSurvey(app, id);
        await closeSurvey(app, other);

        const reopened = errorOf(await updateSurvey(app, id, aSurvey({ closesAt: daysFromNow(5) })), 409);
        assert.deepEqual(fieldPaths(reopened), ['closesAt']);
        assert.equal((await updateSurvey(app, other, aSurvey({ id: 'autre', closesAt: daysFromNow(5) }))).statusCode, 200);
      });

      test('an unknown survey is 404, another id in the body 400, an unknown org 400, no admin token 401', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app);
        assert.equal(errorOf(await updateSurvey(app, 'nulle-part', aSurvey({ id: undefined })), 404).code, 'unknown-survey');
        assert.deepEqual(fieldPaths(errorOf(await updateSurvey(app, id, aSurvey({ id: 'autre' })), 400)), ['id']);
        assert.deepEqual(fieldPaths(errorOf(await updateSurvey(app, id, aSurvey({ org: 'ailleurs' })), 400)), ['org']);
        assert.equal((await app.inject({ method: 'PUT', url: `/v1/admin/surveys/${id}`, payload: aSurvey() })).statusCode, 401);
      });

      test('a response checked against the previous definition is not stored under the new one: 409 definition-changed', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const before = await app.storage.surveys.find(id);
        assert.equal((await updateSurvey(app, id, aSurvey({ title: 'Autre titre' }))).statusCode, 200);

        assert.equal(await app.storage.surveys.respond({ id, revision: before!.revision }, tokens[0]!, { id: crypto.randomUUID(), answers: {} }), 'changed');
        assert.equal(await app.storage.surveys.invitation(id, tokens[0]!), 'unused');
        assert.deepEqual(await app.storage.surveys.participation(id), { invited: 3, received: 0 });
      });
    });

    describe('POST /v1/admin/surveys/:id/close', () => {
      test('moves closesAt to now and answers the closed survey; a past closesAt is kept; unknown is 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const before = Date.now();

        const closed = await closeSurvey(app, id);

        assert.equal(closed.statusCode, 200);
        assert.equal(closed.json().status, 'closed');
        const closesAt = Date.parse(closed.json().closesAt);
        assert.ok(closesAt >= before - 1000 && closesAt <= Date.now());
        assert.equal(errorOf(await answerSurvey(app, id, tokens[0]!), 409).code, 'closed');
        assert.equal((await closeSurvey(app, id)).json().closesAt, closed.json().closesAt);
        assert.equal(errorOf(await closeSurvey(app, 'nulle-part'), 404).code, 'unknown-survey');
        assert.equal((await app.inject({ method: 'POST', url: `/v1/admin/surveys/${id}/close` })).statusCode, 401);
      });
    });

    describe('POST /v1/admin/surveys/:id/readers', () => {
      test('makes a read token shown once: 201 { token }, only its sha-256 kept; unknown survey 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app);

        const token = await issueReader(app, id);

        assert.match(token, /^[0-9a-f]{40}$/);
        assert.notEqual(await issueReader(app, id), token);
        const rows = await app.storage.db.selectFrom('survey_readers').selectAll().execute();
        assert.deepEqual(rows.map((row) => row.survey_id), [id, id]);
        assert.ok(rows.some((row) => row.token_hash === sha256(token)));
        assert.ok(!JSON.stringify(rows).includes(token));
        assert.equal(await app.storage.surveys.isReader(id, token), true);
        assert.equal(await app.storage.surveys.isReader('autre', token), false);
        const unknown = await app.inject({ method: 'POST', url: '/v1/admin/surveys/nulle-part/readers', headers: ADMIN });
        assert.equal(errorOf(unknown, 404).code, 'unknown-survey');
        assert.equal((await app.inject({ method: 'POST', url: `/v1/admin/surveys/${id}/readers` })).statusCode, 401);
      });
    });
  });
}
