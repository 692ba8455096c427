import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, startAppWithTown, submitRating, TOWN } from './helpers.js';

const ALLOWED = 'https://www.ville-test.fr';
const OTHER = 'https://evil.example';
const ratingsUrl = `/v1/orgs/${TOWN.id}/ratings`;

const preflightHeaders = (origin: string) => ({
  origin,
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'content-type,idempotency-key',
});

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('CORS on the public routes of an org', () => {
      test('an allowed origin gets its grant, and no credentials', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await submitRating(app, aRating(), { headers: { origin: ALLOWED } });
        assert.equal(response.statusCode, 201);
        assert.equal(response.headers['access-control-allow-origin'], ALLOWED);
        assert.equal(response.headers['access-control-allow-credentials'], undefined);
        assert.match(String(response.headers.vary), /Origin/i);
      });

      test('origins compare without regard to case, as hosts do', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await submitRating(app, aRating(), { headers: { origin: 'https://WWW.Ville-Test.fr' } });
        assert.equal(response.headers['access-control-allow-origin'], 'https://WWW.Ville-Test.fr');
      });

      test('an origin not on the list gets no grant', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await submitRating(app, aRating(), { headers: { origin: OTHER } });
        assert.equal(response.headers['access-control-allow-origin'], undefined);
        assert.match(String(response.headers.vary), /Origin/i, 'caches must not hand one origin the answer of another');
      });

      test("an origin allowed for another org gets no grant on this org's routes", async (t) => {
        const app = await startAppWithTown(t, db);
        const other = { ...TOWN, id: 'autre-ville', allowedOrigins: [OTHER] };
        await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: other });
        const response = await submitRating(app, aRating(), { headers: { origin: OTHER } });
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      });

      test('a same-origin request (no Origin header) works, with no grant needed', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await submitRating(app, aRating());
        assert.equal(response.statusCode, 201);
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      });

      test('an origin added by an admin is granted at once', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.equal((await submitRating(app, aRating(), { headers: { origin: OTHER } })).headers['access-control-allow-origin'], undefined);
        const { id: _id, ...update } = TOWN;
        await app.inject({ method: 'PUT', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN, payload: { ...update, allowedOrigins: [ALLOWED, OTHER] } });
        assert.equal((await submitRating(app, aRating(), { headers: { origin: OTHER } })).headers['access-control-allow-origin'], OTHER);
      });

      test('a preflight from an allowed origin allows POST with Content-Type and Idempotency-Key', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'OPTIONS', url: ratingsUrl, headers: preflightHeaders(ALLOWED) });
        assert.equal(response.statusCode, 204);
        assert.equal(response.headers['access-control-allow-origin'], ALLOWED);
        assert.match(String(response.headers['access-control-allow-methods']), /\bPOST\b/);
        const allowedHeaders = String(response.headers['access-control-allow-headers']).toLowerCase().split(/\s*,\s*/);
        assert.ok(allowedHeaders.includes('content-type') && allowedHeaders.includes('idempotency-key'), allowedHeaders.join());
        assert.equal(response.headers['access-control-allow-credentials'], undefined);
      });

      test('an OPTIONS without Access-Control-Request-Method is no error', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'OPTIONS', url: ratingsUrl, headers: { origin: ALLOWED } });
        assert.equal(response.statusCode, 204);
      });

      test('a preflight from another origin gets no grant', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'OPTIONS', url: ratingsUrl, headers: preflightHeaders(OTHER) });
        assert.equal(response.headers['access-control-allow-origin'], undefined);
        assert.equal(response.headers['access-control-allow-methods'], undefined);
      });

      test('a preflight for an unknown org gets no grant', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await app.inject({ method: 'OPTIONS', url: '/v1/orgs/nulle-part/ratings', headers: preflightHeaders(ALLOWED) });
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      });

      test('over a real socket, the preflight and the POST a browser would send both pass', async (t) => {
        const app = await startAppWithTown(t, db);
        const base = await app.listen({ host: '127.0.0.1', port: 0 });

        const preflight = await fetch(`${base}${ratingsUrl}`, { method: 'OPTIONS', headers: preflightHeaders(ALLOWED) });
        const rating = aRating();
        const post = await fetch(`${base}${ratingsUrl}`, {
          method: 'POST',
          headers: { origin: ALLOWED, 'content-type': 'application/json', 'idempotency-key': rating.id },
          body: JSON.stringify(rating),
        });

        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED);
        assert.equal(post.status, 201);
        assert.equal(post.headers.get('access-control-allow-origin'), ALLOWED);
        assert.equal(post.headers.get('set-cookie'), null);
      });
    });

    describe('CORS on admin routes', () => {
      test('no grant, not even to an origin the org allows', async (t) => {
        const app = await startAppWithTown(t, db);
        const get = await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}`, headers: { ...ADMIN, origin: ALLOWED } });
        const preflight = await app.inject({
          method: 'OPTIONS',
          url: `/v1/admin/orgs/${TOWN.id}`,
          headers: { origin: ALLOWED, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' },
        });
        assert.equal(get.statusCode, 200);
        assert.equal(get.headers['access-control-allow-origin'], undefined);
        assert.ok(preflight.statusCode >= 400, `preflight got ${preflight.statusCode}`);
        assert.equal(preflight.headers['access-control-allow-origin'], undefined);
        assert.equal(preflight.headers['access-control-allow-methods'], undefined);
      });
    });
  });
}
