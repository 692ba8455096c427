import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aDefinition, aResponse, createConsultation, daysFromNow, givenConsultation, respond } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/admin/consultations', () => {
      test('creates a consultation: 201 with its id, then public with its status', async (t) => {
        const app = await startAppWithTown(t, db);
        const created = await createConsultation(app, aDefinition());
        assert.equal(created.statusCode, 201);
        assert.deepEqual(created.json(), { id: 'place-du-marche' });

        const read = await app.inject({ method: 'GET', url: '/v1/consultations/place-du-marche' });
        assert.equal(read.statusCode, 200);
        assert.equal(read.json().status, 'open');
        assert.equal(read.json().questions.length, 6);
      });

      test('makes an id from the title when the definition has none', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id: _id, ...withoutId } = aDefinition();
        const created = await createConsultation(app, withoutId);
        assert.equal(created.statusCode, 201);
        assert.match(created.json().id, /^reamenagement-de-la-place-du-marche-[0-9a-f]{6}$/);
      });

      test('a taken id is 409; an unknown org is 400; no token is 401', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app);
        assert.equal(errorOf(await createConsultation(app, aDefinition()), 409).code, 'consultation-exists');
        assert.deepEqual(fieldPaths(errorOf(await createConsultation(app, aDefinition({ id: 'autre', org: 'ailleurs' })), 400)), ['org']);
        const anonymous = await app.inject({ method: 'POST', url: '/v1/admin/consultations', payload: aDefinition() });
        assert.equal(anonymous.statusCode, 401);
      });

      test('refuses an incoherent definition naming every problem', async (t) => {
        const app = await startAppWithTown(t, db);
        const definition = aDefinition({
          opensAt: daysFromNow(5),
          closesAt: daysFromNow(1),
          questions: [
            { id: 'q1', type: 'single', label: 'Sans options', required: true },
            { id: 'q1', type: 'ranking', label: 'Doublons', required: true, options: [{ id: 'x', label: 'X' }, { id: 'x', label: 'X bis' }] },
            { id: 'q3', type: 'multiple', label: 'Min > max', required: true, min: 3, max: 2, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
            { id: 'q4', type: 'scale', label: 'Bornes inversées', required: true, min: 5, max: 1 },
            { id: 'q5', type: 'scale', label: 'Sans bornes', required: true },
            { id: 'q6', type: 'text', label: 'Trop long', required: false, maxLength: 100_000 },
            { id: 'q7', type: 'yesno', label: 'Condition inconnue', required: false, showIf: { question: 'nulle-part', equals: true } },
          ],
        });
        const error = errorOf(await createConsultation(app, definition), 400);
        assert.deepEqual(fieldPaths(error).sort(), [
          'closesAt',
          'questions.0.options',
          'questions.1.id',
          'questions.1.options.1.id',
          'questions.2.min',
          'questions.3.max',
          'questions.4.max',
          'questions.4.min',
          'questions.5.maxLength',
          'questions.6.showIf.question',
        ]);
      });
    });

    describe('PUT /v1/admin/consultations/:id', () => {
      test('replaces the definition while there is no response, then refuses with has-responses', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const put = (title: string) =>
          app.inject({ method: 'PUT', url: `/v1/admin/consultations/${id}`, headers: ADMIN, payload: aDefinition({ title }) });

        const updated = await put('Nouveau titre');
        assert.equal(updated.statusCode, 200);
        assert.equal(updated.json().title, 'Nouveau titre');

        assert.equal((await respond(app, id, aResponse())).statusCode, 201);
        assert.equal(errorOf(await put('Encore'), 409).code, 'has-responses');
        const read = await app.inject({ method: 'GET', url: `/v1/consultations/${id}` });
        assert.equal(read.json().title, 'Nouveau titre');
      });

      test('404 for an unknown consultation, 400 for an id other than the URL’s', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app);
        const unknown = await app.inject({ method: 'PUT', url: '/v1/admin/consultations/inconnue', headers: ADMIN, payload: aDefinition({ id: undefined }) });
        assert.equal(errorOf(unknown, 404).code, 'unknown-consultation');
        const mismatch = await app.inject({ method: 'PUT', url: '/v1/admin/consultations/place-du-marche', headers: ADMIN, payload: aDefinition({ id: 'autre' }) });
        assert.deepEqual(fieldPaths(errorOf(mismatch, 400)), ['id']);
      });
    });

    describe('POST /v1/admin/consultations/:id/close and the status', () => {
      test('the status follows the dates: scheduled, open, closed', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app, aDefinition({ id: 'future', opensAt: daysFromNow(1), closesAt: daysFromNow(2) }));
        await givenConsultation(app, aDefinition({ id: 'past', opensAt: daysFromNow(-2), closesAt: daysFromNow(-1) }));
        const statusOf = async (id: string) => (await app.inject({ method: 'GET', url: `/v1/consultations/${id}` })).json().status;
        assert.equal(await statusOf('future'), 'scheduled');
        assert.equal(await statusOf('past'), 'closed');
        assert.equal(errorOf(await app.inject({ method: 'GET', url: '/v1/consultations/inconnue' }), 404).code, 'unknown-consultation');
      });

      test('close sets closesAt to now, and answers are then refused', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const closed = await app.inject({ method: 'POST', url: `/v1/admin/consultations/${id}/close`, headers: ADMIN });
        assert.equal(closed.statusCode, 200);
        assert.equal(closed.json().status, 'closed');
        assert.ok(Math.abs(Date.parse(closed.json().closesAt) - Date.now()) < 60_000);
        assert.equal(errorOf(await respond(app, id, aResponse()), 409).code, 'closed');
        const unknown = await app.inject({ method: 'POST', url: '/v1/admin/consultations/inconnue/close', headers: ADMIN });
        assert.equal(unknown.statusCode, 404);
      });
    });
  });
}
