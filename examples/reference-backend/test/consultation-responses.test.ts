import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { aDefinition, aResponse, daysFromNow, givenConsultation, goodAnswers, respond } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { errorOf, fieldPaths, startAppWithTown } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/consultations/:id/responses', () => {
      test('records an answer to every question type: 201 with a receipt', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const response = aResponse();
        const answered = await respond(app, id, response);
        assert.equal(answered.statusCode, 201);
        assert.equal(answered.json().id, response.id);
        const row = await app.storage.db.selectFrom('consultation_responses').selectAll().where('id', '=', response.id).executeTakeFirstOrThrow();
        assert.equal(row.participant, response.participant);
        assert.deepEqual(JSON.parse(row.answers), response.answers);
      });

      test('each wrong answer is a 400 naming its field', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const cases: [string, unknown][] = [
          ['q-single', 'piscine'],
          ['q-single', ['arbres']],
          ['q-multiple', ['marche', 'jeux', 'concerts']],
          ['q-multiple', []],
          ['q-multiple', ['marche', 'marche']],
          ['q-multiple', ['inconnu']],
          ['q-yesno', 'oui'],
          ['q-scale', 6],
          ['q-scale', 0],
          ['q-scale', 3.5],
          ['q-ranking', ['a', 'b']],
          ['q-ranking', ['a', 'b', 'b']],
          ['q-ranking', ['a', 'b', 'c', 'd']],
          ['q-text', 'x'.repeat(21)],
          ['q-text', 42],
        ];
        for (const [question, value] of cases) {
          const error = errorOf(await respond(app, id, aResponse({ ...goodAnswers(), [question]: value })), 400);
          assert.deepEqual(fieldPaths(error), [`answers.${question}`], `${question} = ${JSON.stringify(value)}`);
        }
        const unknown = errorOf(await respond(app, id, aResponse({ ...goodAnswers(), 'q-inconnue': 1 })), 400);
        assert.deepEqual(fieldPaths(unknown), ['answers.q-inconnue']);
        const rows = await app.storage.db.selectFrom('consultation_responses').select('id').execute();
        assert.equal(rows.length, 0);
      });

      test('required answers missing are each named; optional ones may be left out', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const error = errorOf(await respond(app, id, aResponse({ 'q-single': 'bancs' })), 400);
        assert.deepEqual(fieldPaths(error).sort(), ['answers.q-ranking', 'answers.q-scale', 'answers.q-yesno']);
        const { 'q-text': _text, 'q-multiple': _multiple, ...requiredOnly } = goodAnswers();
        assert.equal((await respond(app, id, aResponse(requiredOnly))).statusCode, 201);
      });

      test('a retry with the same body gets 200 and the same receipt; another body under the id gets 422', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const response = aResponse();
        const first = await respond(app, id, response);
        const retry = await respond(app, id, { ...response });
        assert.equal(first.statusCode, 201);
        assert.equal(retry.statusCode, 200);
        assert.deepEqual(retry.json(), first.json());
        const changed = await respond(app, id, { ...response, answers: { ...response.answers, 'q-yesno': false } });
        assert.equal(errorOf(changed, 422).code, 'idempotency-conflict');
        assert.equal((await app.storage.consultations.find(id))?.responses, 1);
      });

      test("the participant's second response is 409 already-answered", async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const participant = randomUUID();
        assert.equal((await respond(app, id, aResponse(goodAnswers(), participant))).statusCode, 201);
        assert.equal(errorOf(await respond(app, id, aResponse(goodAnswers(), participant)), 409).code, 'already-answered');
      });

      test('two concurrent answers of one participant end as exactly one stored answer: one 201, one 409', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        for (let round = 0; round < 5; round++) {
          const participant = randomUUID();
          const answers = await Promise.all([
            respond(app, id, aResponse(goodAnswers(), participant)),
            respond(app, id, aResponse({ ...goodAnswers(), 'q-yesno': false }, participant)),
          ]);
          assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 409], `round ${round}`);
          const loser = answers.find((answer) => answer.statusCode === 409);
          assert.equal(loser && errorOf(loser, 409).code, 'already-answered');
          const rows = await app.storage.db.selectFrom('consultation_responses').select('id').where('participant', '=', participant).execute();
          assert.equal(rows.length, 1);
        }
        const results = (await app.inject({ method: 'GET', url: `/v1/consultations/${id}/results` })).json();
        assert.equal(results.responses, 5);
        assert.equal(results.questions['q-yesno'].answered, 5);
      });

      test('the unique constraint alone keeps one answer per participant, without the early check', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const consultation = await app.storage.consultations.find(id);
        assert.ok(consultation);
        const participant = randomUUID();
        // Straight to storage, so that neither write is stopped by the route's hasAnswered check.
        const outcomes = await Promise.all(
          [aResponse(goodAnswers(), participant), aResponse(goodAnswers(), participant)].map((response) =>
            app.storage.consultationResponses.insert(consultation, response, 'hash'),
          ),
        );
        assert.deepEqual(outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : 'stored')).sort(), ['already-answered', 'stored']);
        assert.equal((await app.storage.consultations.find(id))?.responses, 1);
        const tally = await app.storage.db.selectFrom('consultation_tallies').select('count').where('question_id', '=', 'q-yesno').where('key', '=', '').executeTakeFirstOrThrow();
        assert.equal(Number(tally.count), 1);
      });

      test('answers checked against a definition replaced since are not stored', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const checked = await app.storage.consultations.find(id);
        assert.ok(checked);
        assert.equal(await app.storage.consultations.update({ ...aDefinition(), id, title: 'Autre' }), 'updated');

        assert.equal(await app.storage.consultationResponses.insert(checked, aResponse(), 'hash'), 'changed');
        assert.equal((await app.storage.consultations.find(id))?.responses, 0);
        assert.equal((await app.storage.db.selectFrom('consultation_tallies').select('key').execute()).length, 0);
      });

      test('not yet open is 409 not-open; closed is 409 closed; unknown is 404', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app, aDefinition({ id: 'future', opensAt: daysFromNow(1), closesAt: daysFromNow(2) }));
        await givenConsultation(app, aDefinition({ id: 'past', opensAt: daysFromNow(-2), closesAt: daysFromNow(-1) }));
        assert.equal(errorOf(await respond(app, 'future', aResponse()), 409).code, 'not-open');
        assert.equal(errorOf(await respond(app, 'past', aResponse()), 409).code, 'closed');
        assert.equal(errorOf(await respond(app, 'inconnue', aResponse()), 404).code, 'unknown-consultation');
      });
    });

    describe('GET /v1/consultations/:id/results', () => {
      test('tallies every question type from the responses', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const answers = [
          { 'q-single': 'arbres', 'q-multiple': ['marche', 'jeux'], 'q-yesno': true, 'q-scale': 5, 'q-ranking': ['a', 'b', 'c'], 'q-text': 'Oui' },
          { 'q-single': 'arbres', 'q-multiple': ['jeux'], 'q-yesno': false, 'q-scale': 2, 'q-ranking': ['b', 'a', 'c'] },
          { 'q-single': 'bancs', 'q-yesno': true, 'q-scale': 5, 'q-ranking': ['a', 'c', 'b'] },
        ];
        for (const answer of answers) assert.equal((await respond(app, id, aResponse(answer))).statusCode, 201);

        const response = await app.inject({ method: 'GET', url: `/v1/consultations/${id}/results` });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), {
          consultation: id,
          responses: 3,
          questions: {
            'q-single': { answered: 3, counts: { arbres: 2, bancs: 1, fontaine: 0 } },
            'q-multiple': { answered: 2, counts: { marche: 1, jeux: 2, concerts: 0 } },
            'q-yesno': { answered: 3, counts: { yes: 2, no: 1 } },
            'q-scale': { answered: 3, counts: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 2 }, mean: 4 },
            // Borda: first of three gets 3 points, second 2, last 1.
            'q-ranking': { answered: 3, counts: { a: 8, b: 6, c: 4 } },
            'q-text': { answered: 1 },
          },
        });
      });

      test('withheld as resultsVisibility says', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app, aDefinition({ id: 'jamais', resultsVisibility: 'never' }));
        const closesAt = daysFromNow(3);
        await givenConsultation(app, aDefinition({ id: 'apres', resultsVisibility: 'after-close', closesAt }));
        await givenConsultation(app, aDefinition({ id: 'fini', resultsVisibility: 'after-close', opensAt: daysFromNow(-2), closesAt: daysFromNow(-1) }));
        const results = (id: string) => app.inject({ method: 'GET', url: `/v1/consultations/${id}/results` });

        assert.equal(errorOf(await results('jamais'), 403).code, 'results-hidden');
        const notYet = errorOf(await results('apres'), 403);
        assert.equal(notYet.code, 'results-not-yet');
        assert.ok(notYet.message.includes(closesAt), notYet.message);
        assert.equal((await results('fini')).statusCode, 200);
        assert.equal((await results('place-du-marche-inconnue')).statusCode, 404);
      });
    });

    describe('CORS on the public consultation routes', () => {
      test("grants the consultation's org's origins only", async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app);
        const allowed = 'https://www.ville-test.fr';
        const other = 'https://www.ailleurs.fr';
        for (const origin of [allowed, other]) {
          const read = await app.inject({ method: 'GET', url: `/v1/consultations/${id}`, headers: { origin } });
          const preflight = await app.inject({
            method: 'OPTIONS',
            url: `/v1/consultations/${id}/responses`,
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
          });
          const expected = origin === allowed ? allowed : undefined;
          assert.equal(read.headers['access-control-allow-origin'], expected, `GET from ${origin}`);
          assert.equal(preflight.headers['access-control-allow-origin'], expected, `preflight from ${origin}`);
        }
        const unknown = await app.inject({ method: 'GET', url: '/v1/consultations/inconnue', headers: { origin: allowed } });
        assert.equal(unknown.headers['access-control-allow-origin'], undefined);
      });
    });
  });
}
