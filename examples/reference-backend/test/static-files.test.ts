import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { cdnCacheControl } from '../src/plugins/static-files.js';
import { sqlite } from './databases.js';
import { errorOf, makeTempDir, startApp } from './helpers.js';

const CHUNK = 'satisfaction-rating-Bx3_k-9Q.js';

async function startAppWithFiles(t: TestContext): Promise<FastifyInstance> {
  const root = await makeTempDir(t);
  const site = join(root, 'site');
  const cdn = join(root, 'cdn');
  const kiosk = join(root, 'kiosk');
  await mkdir(join(site, 'en'), { recursive: true });
  await mkdir(cdn);
  await mkdir(kiosk);
  await writeFile(join(kiosk, 'index.html'), '<!doctype html><title>Borne</title>');
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Ville</title>');
  await writeFile(join(site, 'en', 'index.html'), '<!doctype html><title>Town</title>');
  await writeFile(join(cdn, 'civic-pulse.js'), 'import("./satisfaction-rating-Bx3_k-9Q.js");');
  await writeFile(join(cdn, CHUNK), 'export const x = 1;');
  return startApp(t, sqlite, { staticRoots: { site, cdn, kiosk } });
}

// Files come from disk, not from storage: one engine is enough (databases.ts runs the storage tests on both).
describe('static files', () => {
  test('the city site at /, index.html included', async (t) => {
    const app = await startAppWithFiles(t);
    const home = await app.inject({ method: 'GET', url: '/' });
    const english = await app.inject({ method: 'GET', url: '/en/' });
    assert.equal(home.statusCode, 200);
    assert.match(String(home.headers['content-type']), /^text\/html/);
    assert.match(home.body, /Ville/);
    assert.match(english.body, /Town/);
    assert.equal(home.headers['x-content-type-options'], 'nosniff');
    assert.equal(home.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  test('the kiosk at /kiosk/, beside the site: /kiosk redirected to it', async (t) => {
    const app = await startAppWithFiles(t);
    const kiosk = await app.inject({ method: 'GET', url: '/kiosk/' });
    assert.equal(kiosk.statusCode, 200);
    assert.match(kiosk.body, /Borne/);
    const bare = await app.inject({ method: 'GET', url: '/kiosk' });
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/kiosk/');
  });

  test('a folder without its trailing slash is redirected, so its relative links resolve', async (t) => {
    const app = await startAppWithFiles(t);
    const response = await app.inject({ method: 'GET', url: '/en' });
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/en/');
  });

  test('the CDN entry: text/javascript, revalidated on every load', async (t) => {
    const app = await startAppWithFiles(t);
    const response = await app.inject({ method: 'GET', url: '/cdn/civic-pulse.js' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('a hashed chunk: text/javascript, cached for a year', async (t) => {
    const app = await startAppWithFiles(t);
    const response = await app.inject({ method: 'GET', url: `/cdn/${CHUNK}` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('a file that is not there: 404 in the Error shape, API routes unaffected', async (t) => {
    const app = await startAppWithFiles(t);
    assert.equal(errorOf(await app.inject({ method: 'GET', url: '/cdn/nope.js' }), 404).code, 'not-found');
    assert.equal(errorOf(await app.inject({ method: 'GET', url: '/nope.html' }), 404).code, 'not-found');
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });

  test('a path that climbs out of the root is not served', async (t) => {
    const app = await startAppWithFiles(t);
    const response = await app.inject({ method: 'GET', url: '/cdn/..%2f..%2fsite%2findex.html' });
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, `got ${response.statusCode}`);
  });

  test('without staticRoots nothing is served from disk', async (t) => {
    const app = await startApp(t, sqlite);
    assert.equal(errorOf(await app.inject({ method: 'GET', url: '/' }), 404).code, 'not-found');
  });

  test('cache rules by file name', () => {
    assert.equal(cdnCacheControl('civic-pulse.js'), 'no-cache');
    assert.equal(cdnCacheControl('civic-pulse.js.map'), 'no-cache');
    assert.equal(cdnCacheControl('lit-DfX2a_0Z.js'), 'public, max-age=31536000, immutable');
    assert.equal(cdnCacheControl('README.md'), 'public, max-age=300');
  });
});
