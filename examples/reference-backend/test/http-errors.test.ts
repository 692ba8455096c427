import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, errorOf, fieldPaths, startAppWithTown, submitRating, TOWN } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('what a client can send never gets a 500', () => {
      test('malformed JSON: 400 invalid-json', async (t) => {
        const app = await startAppWithTown(t, db);
        const error = errorOf(await submitRating(app, '{"id": ', { headers: { 'content-type': 'application/json' } }), 400);
        assert.equal(error.code, 'invalid-json');
        assert.deepEqual(fieldPaths(error), ['(body)']);
      });

      test('JSON with a __proto__ key: 400 invalid-json', async (t) => {
        const app = await startAppWithTown(t, db);
        const body = '{"__proto__": {"isAdmin": true}}';
        assert.equal(errorOf(await submitRating(app, body, { headers: { 'content-type': 'application/json' } }), 400).code, 'invalid-json');
      });

      test('an empty body that claims to be JSON: 400 invalid-json', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.equal(errorOf(await submitRating(app, '', { headers: { 'content-type': 'application/json' } }), 400).code, 'invalid-json');
      });

      test('no body at all: 400 naming (body)', async (t) => {
        const app = await startAppWithTown(t, db);
        const error = errorOf(await app.inject({ method: 'POST', url: '/v1/orgs/ville-test/ratings' }), 400);
        assert.deepEqual(fieldPaths(error), ['(body)']);
      });

      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        test(`a ${contentType} body: 415 unsupported-media-type`, async (t) => {
          const app = await startAppWithTown(t, db);
          const response = await submitRating(app, JSON.stringify(aRating()), { headers: { 'content-type': contentType } });
          assert.equal(errorOf(response, 415).code, 'unsupported-media-type');
        });
      }

      test('a body over 16 KiB on a public route: 413 body-too-large', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await submitRating(app, { ...aRating(), comment: 'x'.repeat(17 * 1024) });
        assert.equal(errorOf(response, 413).code, 'body-too-large');
      });

      test('a NUL character (U+0000), which PostgreSQL cannot store: 400 naming each field that has one', async (t) => {
        const app = await startAppWithTown(t, db);
        const rating = errorOf(await submitRating(app, aRating({ comment: 'avant\u0000après' })), 400);
        const { id: _id, ...update } = TOWN;
        const services = [{ id: 'piscine', name: 'Pis\u0000cine' }];
        const payload = { ...update, name: 'Ville\u0000', services };
        const org = errorOf(await app.inject({ method: 'PUT', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN, payload }), 400);

        assert.equal(rating.code, 'invalid-body');
        assert.deepEqual(fieldPaths(rating), ['comment']);
        assert.match(rating.fields?.[0]?.message ?? '', /U\+0000/);
        assert.deepEqual(fieldPaths(org), ['name', 'services.0.name']);
        assert.equal((await app.storage.orgs.find(TOWN.id))?.name, TOWN.name);
      });

      test('%00 in the org of a URL: 404 unknown-org on public and admin routes, no CORS grant', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id: _id, ...update } = TOWN;
        const responses = [
          await submitRating(app, aRating(), { org: '%00', headers: { origin: TOWN.allowedOrigins[0]! } }),
          await app.inject({ method: 'GET', url: '/v1/admin/orgs/ville%00', headers: ADMIN }),
          await app.inject({ method: 'PUT', url: '/v1/admin/orgs/%00', headers: ADMIN, payload: update }),
          await app.inject({ method: 'GET', url: '/v1/admin/orgs/%00/ratings', headers: ADMIN }),
        ];
        for (const response of responses) assert.equal(errorOf(response, 404).code, 'unknown-org');
        assert.equal(responses[0]?.headers['access-control-allow-origin'], undefined);
      });

      test('an unknown route: 404 not-found', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.equal(errorOf(await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404).code, 'not-found');
        assert.equal(errorOf(await app.inject({ method: 'POST', url: '/v1/orgs/ville-test/moods' }), 404).code, 'not-found');
      });

      test('a wrong method: 405 method-not-allowed with the methods that are', async (t) => {
        const app = await startAppWithTown(t, db);
        for (const method of ['GET', 'PUT', 'DELETE'] as const) {
          const response = await app.inject({ method, url: '/v1/orgs/ville-test/ratings' });
          assert.equal(errorOf(response, 405).code, 'method-not-allowed', method);
          assert.equal(response.headers.allow, 'POST');
        }
        const onHealth = await app.inject({ method: 'POST', url: '/healthz' });
        assert.equal(errorOf(onHealth, 405).code, 'method-not-allowed');
        assert.equal(onHealth.headers.allow, 'GET, HEAD');
      });

      test('a URL with broken percent-encoding: 400 bad-url', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'POST', url: '/v1/orgs/%E0%A4%A/ratings', payload: aRating() });
        assert.equal(errorOf(response, 400).code, 'bad-url');
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
      });

      test('an internal failure answers 500 internal-error without its details', async (t) => {
        const app = await startAppWithTown(t, db);
        await app.storage.db.schema.dropTable('rating_daily').execute();

        const response = await submitRating(app, aRating());

        const error = errorOf(response, 500);
        assert.equal(error.code, 'internal-error');
        assert.doesNotMatch(response.body, /rating_daily|SQLITE|no such table/i);
      });

      test('security headers are on errors as on successes', async (t) => {
        const app = await startAppWithTown(t, db);
        for (const response of [await app.inject({ method: 'GET', url: '/healthz' }), await app.inject({ method: 'GET', url: '/nope' })]) {
          assert.equal(response.headers['x-content-type-options'], 'nosniff');
          assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
        }
      });
    });

    describe('GET /healthz', () => {
      test('says ok once the database answers', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'GET', url: '/healthz' });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { status: 'ok' });
      });

      test('answers 503 unavailable when the database does not', async (t) => {
        const app = await startAppWithTown(t, db);
        await app.storage.db.destroy();
        assert.equal(errorOf(await app.inject({ method: 'GET', url: '/healthz' }), 503).code, 'unavailable');
      });
    });
  });
}
