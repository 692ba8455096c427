import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { daysFromNow } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown } from './helpers.js';
import { aSurvey, createSurvey, givenSurvey } from './survey-fixtures.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/admin/surveys', () => {
      test('creates a survey: 201 with its id, then readable by the admin with its status', async (t) => {
        const app = await startAppWithTown(t, db);
        const created = await createSurvey(app, aSurvey());
        assert.equal(created.statusCode, 201);
        assert.deepEqual(created.json(), { id: 'qualite-de-vie' });

        const read = await app.inject({ method: 'GET', url: '/v1/admin/surveys/qualite-de-vie', headers: ADMIN });
        assert.equal(read.statusCode, 200);
        assert.equal(read.json().status, 'open');
        assert.deepEqual(read.json().sections.map((section: { id: string }) => section.id), ['vous', 'climat', 'encadrement']);
        assert.equal(read.headers['cache-control'], 'no-store');
      });

      test('makes an id from the title when the definition has none', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id: _id, ...withoutId } = aSurvey();
        const created = await createSurvey(app, withoutId);
        assert.equal(created.statusCode, 201);
        assert.match(created.json().id, /^qualite-de-vie-au-travail-[0-9a-f]{6}$/);
      });

      test('a taken id is 409; an unknown org is 400; an unknown survey is 404; no admin token is 401', async (t) => {
        const app = await startAppWithTown(t, db);
        await createSurvey(app, aSurvey());
        assert.equal(errorOf(await createSurvey(app, aSurvey()), 409).code, 'survey-exists');
        assert.deepEqual(fieldPaths(errorOf(await createSurvey(app, aSurvey({ id: 'autre', org: 'ailleurs' })), 400)), ['org']);
        assert.equal(errorOf(await app.inject({ method: 'GET', url: '/v1/admin/surveys/nulle-part', headers: ADMIN }), 404).code, 'unknown-survey');
        assert.equal(errorOf(await app.inject({ method: 'GET', url: '/v1/admin/surveys/nulle%00part', headers: ADMIN }), 404).code, 'unknown-survey');
        assert.equal((await app.inject({ method: 'POST', url: '/v1/admin/surveys', payload: aSurvey() })).statusCode, 401);
        assert.equal((await app.inject({ method: 'GET', url: '/v1/admin/surveys/qualite-de-vie' })).statusCode, 401);
      });

      test('refuses an incoherent definition naming every problem', async (t) => {
        const app = await startAppWithTown(t, db);
        const survey = aSurvey({ opensAt: daysFromNow(5), closesAt: daysFromNow(1) });
        survey.sections[1]!.questions[0]!.statements = [];
        survey.sections[2]!.showIf = { question: 'nulle-part', equals: true };
        survey.sections.push({ id: 'vous', title: 'Doublon', questions: [{ id: 'note', type: 'scale', label: 'Bornes inversées', required: true, min: 5, max: 1 }] });
        const error = errorOf(await createSurvey(app, survey), 400);
        assert.equal(error.code, 'invalid-body');
        const paths = fieldPaths(error);
        for (const expected of ['closesAt', 'sections.1.questions.0.statements', 'sections.2.showIf.question', 'sections.3.id', 'sections.3.questions.0.id', 'sections.3.questions.0.max']) {
          assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
        }
      });
    });

    describe('POST /v1/admin/surveys/:id/invitations', () => {
      test('makes count distinct URL-safe tokens of at least 128 bits, and stores only their sha-256', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app, aSurvey(), 50);
        assert.equal(tokens.length, 50);
        assert.equal(new Set(tokens).size, 50);
        for (const token of tokens) {
          assert.match(token, /^[0-9a-f]{40}$/, 'hex: URL-safe, 160 bits');
          assert.equal(encodeURIComponent(token), token);
        }
        const rows = await app.storage.db.selectFrom('survey_invitations').selectAll().where('survey_id', '=', id).execute();
        assert.deepEqual(rows.map((row) => row.token_hash).sort(), tokens.map(sha256).sort());
        assert.ok(rows.every((row) => row.used === 0));
        assert.deepEqual(Object.keys(rows[0]!).sort(), ['survey_id', 'token_hash', 'used']);
        const stored = JSON.stringify(rows);
        assert.ok(tokens.every((token) => !stored.includes(token)), 'no token is stored as it is');
      });

      test('?format=csv or Accept: text/csv gives one token per row for a mail merge', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app, aSurvey(), 1);
        for (const request of [
          { url: `/v1/admin/surveys/${id}/invitations?format=csv`, headers: ADMIN },
          { url: `/v1/admin/surveys/${id}/invitations`, headers: { ...ADMIN, accept: 'text/csv' } },
        ]) {
          const response = await app.inject({ method: 'POST', ...request, payload: { count: 3 } });
          assert.equal(response.statusCode, 201);
          assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
          assert.match(String(response.headers['content-disposition']), /^attachment; filename="qualite-de-vie-invitations\.csv"$/);
          assert.equal(response.headers['cache-control'], 'no-store');
          const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
          assert.equal(lines[0], 'token');
          assert.equal(lines.filter((line) => /^[0-9a-f]{40}$/.test(line)).length, 3);
          assert.equal(lines.length, 5, 'header, three tokens, the final CRLF');
        }
      });

      test('refuses a count outside 1..1000, a bad format, an unknown survey, no admin token', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app, aSurvey(), 1);
        const invite = (payload: unknown, url = `/v1/admin/surveys/${id}/invitations`, headers: Record<string, string> = ADMIN) =>
          app.inject({ method: 'POST', url, headers, payload: payload as object });
        for (const payload of [{ count: 0 }, { count: 1001 }, { count: 2.5 }, { count: '3' }, {}, { count: 1, extra: true }]) {
          const error = errorOf(await invite(payload), 400);
          assert.equal(error.code, 'invalid-body', JSON.stringify(payload));
        }
        assert.deepEqual(fieldPaths(errorOf(await invite({ count: 1 }, `/v1/admin/surveys/${id}/invitations?format=xml`), 400)), ['format']);
        assert.equal(errorOf(await invite({ count: 1 }, '/v1/admin/surveys/nulle-part/invitations'), 404).code, 'unknown-survey');
        assert.equal((await invite({ count: 1 }, undefined, {})).statusCode, 401);
        const all = await invite({ count: 1000 });
        assert.equal(all.statusCode, 201);
        assert.equal(all.json().tokens.length, 1000);
      });
    });
  });
}
