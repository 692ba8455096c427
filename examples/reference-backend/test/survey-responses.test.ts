import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { daysFromNow } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { errorOf, fieldPaths, startApp, startAppWithTown } from './helpers.js';
import { answerSurvey, aSurvey, aSurveyResponse, givenSurvey, readSurvey } from './survey-fixtures.js';

const ALLOWED = 'https://www.ville-test.fr';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('GET /v1/surveys/:id', () => {
      test('an unused invitation reads the survey with its status, uncached', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const read = await readSurvey(app, id, tokens[0]!);
        assert.equal(read.statusCode, 200);
        assert.equal(read.json().id, id);
        assert.equal(read.json().status, 'open');
        assert.equal(read.headers['cache-control'], 'no-store');
        assert.equal((await readSurvey(app, id, tokens[0]!)).statusCode, 200, 'reading does not use the invitation');
      });

      test('no token is 401; an unknown token, or one of another survey, or any token on an unknown survey is 403 unknown-token', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const other = await givenSurvey(app, aSurvey({ id: 'autre' }), 1);
        const anonymous = await app.inject({ method: 'GET', url: `/v1/surveys/${id}` });
        assert.equal(errorOf(anonymous, 401).code, 'unauthorized');
        assert.equal(errorOf(await readSurvey(app, id, 'f'.repeat(40)), 403).code, 'unknown-token');
        assert.equal(errorOf(await readSurvey(app, id, other.tokens[0]!), 403).code, 'unknown-token');
        assert.equal(errorOf(await readSurvey(app, 'nulle-part', tokens[0]!), 403).code, 'unknown-token');
        assert.equal(errorOf(await readSurvey(app, 'nulle%00part', tokens[0]!), 403).code, 'unknown-token');
      });

      test('a used invitation is 403 token-used', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        assert.equal((await answerSurvey(app, id, tokens[0]!)).statusCode, 201);
        assert.equal(errorOf(await readSurvey(app, id, tokens[0]!), 403).code, 'token-used');
      });
    });

    describe('POST /v1/surveys/:id/responses', () => {
      test('stores the answers with a fresh id and the day only, and uses the invitation up', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const response = aSurveyResponse();
        const answered = await answerSurvey(app, id, tokens[0]!, response);
        assert.equal(answered.statusCode, 201);
        assert.equal(answered.json().id, response.id);
        assert.match(answered.json().receivedOn, /^\d{4}-\d{2}-\d{2}$/);

        const rows = await app.storage.db.selectFrom('survey_responses').selectAll().execute();
        assert.equal(rows.length, 1);
        assert.deepEqual(JSON.parse(rows[0]!.answers), response.answers);
        assert.equal(rows[0]!.survey_id, id);
        assert.equal(rows[0]!.received_day, new Date().toISOString().slice(0, 10));
        assert.notEqual(rows[0]!.id, response.id, 'the client’s id is not kept');
        const used = await app.storage.db.selectFrom('survey_invitations').select('used').orderBy('used', 'desc').execute();
        assert.deepEqual(used.map((row) => row.used), [1, 0, 0]);
      });

      test('a retry after success, even of the very same body, is 403 token-used: nothing could tell it apart', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const response = aSurveyResponse();
        assert.equal((await answerSurvey(app, id, tokens[0]!, response)).statusCode, 201);
        assert.equal(errorOf(await answerSurvey(app, id, tokens[0]!, response), 403).code, 'token-used');
        assert.equal((await answerSurvey(app, id, tokens[1]!, aSurveyResponse())).statusCode, 201, 'another invitation answers');
        assert.equal((await app.storage.db.selectFrom('survey_responses').select('id').execute()).length, 2);
      });

      test('one token sent many times at the same moment, through two instances, stores exactly one response', async (t) => {
        const database = await db.create(t);
        const first = await startAppWithTown(t, db, { database });
        const second = await startApp(t, db, { database });
        const { id, tokens } = await givenSurvey(first);
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, index) => answerSurvey(index % 2 ? second : first, id, tokens[0]!)),
        );
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, ...Array(9).fill(403)]);
        for (const answer of answers.filter((one) => one.statusCode === 403)) assert.equal(answer.json().error.code, 'token-used');
        assert.equal((await first.storage.db.selectFrom('survey_responses').select('id').execute()).length, 1);
      });

      test('the transaction alone decides: ten concurrent respond() calls with one token, no check before, store one response', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const outcomes = await Promise.all(Array.from({ length: 10 }, () => app.storage.surveys.respond({ id, revision: 1 }, tokens[0]!, aSurveyResponse())));
        assert.deepEqual(outcomes.sort(), ['stored', ...Array(9).fill('used')]);
        assert.equal((await app.storage.db.selectFrom('survey_responses').select('id').execute()).length, 1);
      });

      test('unknown, foreign or missing tokens are refused before the body is read', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app);
        const other = await givenSurvey(app, aSurvey({ id: 'autre' }), 1);
        assert.equal(errorOf(await answerSurvey(app, id, 'f'.repeat(40), { not: 'a response' }), 403).code, 'unknown-token');
        assert.equal(errorOf(await answerSurvey(app, id, other.tokens[0]!), 403).code, 'unknown-token');
        const anonymous = await app.inject({ method: 'POST', url: `/v1/surveys/${id}/responses`, payload: aSurveyResponse() });
        assert.equal(errorOf(anonymous, 401).code, 'unauthorized');
        assert.equal((await app.storage.db.selectFrom('survey_responses').select('id').execute()).length, 0);
      });

      test('answers that do not fit are 400 at answers.<question>, and the invitation stays unused', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const error = errorOf(await answerSurvey(app, id, tokens[0]!, aSurveyResponse({ encadrant: false, climat: { ecoute: 'peut-etre' }, charge: 'Tout' })), 400);
        assert.deepEqual(fieldPaths(error).sort(), ['answers.charge', 'answers.climat', 'answers.note']);
        const invalid = errorOf(await answerSurvey(app, id, tokens[0]!, { id: 'pas-un-uuid', answers: {}, participant: 'x' }), 400);
        assert.equal(invalid.code, 'invalid-body');
        assert.ok(fieldPaths(invalid).includes('id'), fieldPaths(invalid).join(', '));
        assert.equal(fieldPaths(invalid).length, 2, 'the id, and the participant no survey response has');
        assert.equal((await answerSurvey(app, id, tokens[0]!)).statusCode, 201);
      });

      test('a survey not open yet is 409 not-open; a closed one is 409 closed; the invitation stays unused', async (t) => {
        const app = await startAppWithTown(t, db);
        const later = await givenSurvey(app, aSurvey({ id: 'plus-tard', opensAt: daysFromNow(1), closesAt: daysFromNow(5) }), 1);
        const over = await givenSurvey(app, aSurvey({ id: 'fini', opensAt: daysFromNow(-5), closesAt: daysFromNow(-1) }), 1);
        assert.equal(errorOf(await answerSurvey(app, later.id, later.tokens[0]!), 409).code, 'not-open');
        assert.equal(errorOf(await answerSurvey(app, over.id, over.tokens[0]!), 409).code, 'closed');
        assert.equal((await readSurvey(app, later.id, later.tokens[0]!)).json().status, 'scheduled');
        assert.equal((await readSurvey(app, over.id, over.tokens[0]!)).json().status, 'closed');
      });
    });

    describe('CORS on the survey routes', () => {
      test('the survey org’s origins get a grant that allows the Authorization header; others get none', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const preflight = await app.inject({
          method: 'OPTIONS',
          url: `/v1/surveys/${id}/responses`,
          headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
        });
        assert.equal(preflight.headers['access-control-allow-origin'], ALLOWED);
        assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/i);
        assert.equal((await readSurvey(app, id, tokens[0]!, { origin: ALLOWED })).headers['access-control-allow-origin'], ALLOWED);
        assert.equal((await readSurvey(app, id, tokens[0]!, { origin: 'https://evil.example' })).headers['access-control-allow-origin'], undefined);
        assert.equal((await readSurvey(app, 'nulle-part', tokens[0]!, { origin: ALLOWED })).headers['access-control-allow-origin'], undefined);
      });
    });
  });
}
