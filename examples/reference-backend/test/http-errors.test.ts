import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aRating, errorOf, fieldPaths, startAppWithTown, submitRating } from './helpers.js';

describe('what a client can send never gets a 500', () => {
  test('malformed JSON: 400 invalid-json', async (t) => {
    const app = await startAppWithTown(t);
    const error = errorOf(await submitRating(app, '{"id": ', { headers: { 'content-type': 'application/json' } }), 400);
    assert.equal(error.code, 'invalid-json');
    assert.deepEqual(fieldPaths(error), ['(body)']);
  });

  test('JSON with a __proto__ key: 400 invalid-json', async (t) => {
    const app = await startAppWithTown(t);
    const body = '{"__proto__": {"isAdmin": true}}';
    assert.equal(errorOf(await submitRating(app, body, { headers: { 'content-type': 'application/json' } }), 400).code, 'invalid-json');
  });

  test('an empty body that claims to be JSON: 400 invalid-json', async (t) => {
    const app = await startAppWithTown(t);
    assert.equal(errorOf(await submitRating(app, '', { headers: { 'content-type': 'application/json' } }), 400).code, 'invalid-json');
  });

  test('no body at all: 400 naming (body)', async (t) => {
    const app = await startAppWithTown(t);
    const error = errorOf(await app.inject({ method: 'POST', url: '/v1/orgs/ville-test/ratings' }), 400);
    assert.deepEqual(fieldPaths(error), ['(body)']);
  });

  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    test(`a ${contentType} body: 415 unsupported-media-type`, async (t) => {
      const app = await startAppWithTown(t);
      const response = await submitRating(app, JSON.stringify(aRating()), { headers: { 'content-type': contentType } });
      assert.equal(errorOf(response, 415).code, 'unsupported-media-type');
    });
  }

  test('a body over 16 KiB on a public route: 413 body-too-large', async (t) => {
    const app = await startAppWithTown(t);
    const response = await submitRating(app, { ...aRating(), comment: 'x'.repeat(17 * 1024) });
    assert.equal(errorOf(response, 413).code, 'body-too-large');
  });

  test('an unknown route: 404 not-found', async (t) => {
    const app = await startAppWithTown(t);
    assert.equal(errorOf(await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404).code, 'not-found');
    assert.equal(errorOf(await app.inject({ method: 'POST', url: '/v1/orgs/ville-test/moods' }), 404).code, 'not-found');
  });

  test('a wrong method: 405 method-not-allowed with the methods that are', async (t) => {
    const app = await startAppWithTown(t);
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
    const app = await startAppWithTown(t);
    const response = await app.inject({ method: 'POST', url: '/v1/orgs/%E0%A4%A/ratings', payload: aRating() });
    assert.equal(errorOf(response, 400).code, 'bad-url');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('an internal failure answers 500 internal-error without its details', async (t) => {
    const app = await startAppWithTown(t);
    await app.storage.db.schema.dropTable('rating_daily').execute();

    const response = await submitRating(app, aRating());

    const error = errorOf(response, 500);
    assert.equal(error.code, 'internal-error');
    assert.doesNotMatch(response.body, /rating_daily|SQLITE|no such table/i);
  });

  test('security headers are on errors as on successes', async (t) => {
    const app = await startAppWithTown(t);
    for (const response of [await app.inject({ method: 'GET', url: '/healthz' }), await app.inject({ method: 'GET', url: '/nope' })]) {
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    }
  });
});

describe('GET /healthz', () => {
  test('says ok once the database answers', async (t) => {
    const app = await startAppWithTown(t);
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  test('answers 503 unavailable when the database does not', async (t) => {
    const app = await startAppWithTown(t);
    await app.storage.db.destroy();
    assert.equal(errorOf(await app.inject({ method: 'GET', url: '/healthz' }), 503).code, 'unavailable');
  });
});
