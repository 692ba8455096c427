import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_PORT, findRepoRoot, parseDatabaseUrl, readConfig } from '../src/config.js';
import { makeTempDir } from './helpers.js';

const REPO = '/srv/civic-pulse';

describe('readConfig', () => {
  test('defaults: port 8787, the SQLite file in <repo>/data, no admin token', () => {
    const config = readConfig({}, REPO);
    assert.equal(config.port, DEFAULT_PORT);
    assert.equal(DEFAULT_PORT, 8787);
    assert.deepEqual(config.database, { kind: 'sqlite', file: '/srv/civic-pulse/data/civic-pulse.db' });
    assert.equal(config.adminToken, undefined);
    assert.equal(config.methodologyUrl, undefined);
  });

  test('CIVIC_METHODOLOGY_URL: an http(s) URL, or refused', () => {
    const url = 'https://www.ville.fr/barometre/methodologie';
    assert.equal(readConfig({ CIVIC_METHODOLOGY_URL: url }, REPO).methodologyUrl, url);
    for (const CIVIC_METHODOLOGY_URL of ['methodologie.html', 'javascript:alert(1)']) {
      assert.throws(() => readConfig({ CIVIC_METHODOLOGY_URL }, REPO), /CIVIC_METHODOLOGY_URL/);
    }
  });

  test('reads PORT and CIVIC_ADMIN_TOKEN, refuses a port that is not one', () => {
    assert.equal(readConfig({ PORT: '9000' }, REPO).port, 9000);
    assert.equal(readConfig({ CIVIC_ADMIN_TOKEN: 's3cret' }, REPO).adminToken, 's3cret');
    for (const PORT of ['http', '70000', '-1', '80.5']) assert.throws(() => readConfig({ PORT }, REPO), /PORT/);
  });
});

describe('parseDatabaseUrl', () => {
  test('postgres:// and postgresql:// select PostgreSQL', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://u@db:5432/civic', REPO), { kind: 'postgres', url: 'postgres://u@db:5432/civic' });
    assert.equal(parseDatabaseUrl('postgresql://db/civic', REPO).kind, 'postgres');
  });

  test('file: URLs and paths select that SQLite file; a relative path is taken from the current folder', () => {
    assert.deepEqual(parseDatabaseUrl('file:/var/lib/civic.db', REPO), { kind: 'sqlite', file: '/var/lib/civic.db' });
    assert.deepEqual(parseDatabaseUrl('file:///var/lib/civic.db', REPO), { kind: 'sqlite', file: '/var/lib/civic.db' });
    assert.deepEqual(parseDatabaseUrl('/var/lib/civic.db', REPO), { kind: 'sqlite', file: '/var/lib/civic.db' });
    assert.deepEqual(parseDatabaseUrl('data/x.db', REPO), { kind: 'sqlite', file: resolve('data/x.db') });
    assert.deepEqual(parseDatabaseUrl('file:data/x.db', REPO), { kind: 'sqlite', file: resolve('data/x.db') });
  });

  test('another scheme is an error, not a file named after it', () => {
    assert.throws(() => parseDatabaseUrl('mysql://db/civic', REPO), /unsupported/);
  });
});

describe('findRepoRoot', () => {
  test('this repository, from the backend sources', () => {
    assert.equal(findRepoRoot(), resolve(import.meta.dirname, '../../..'));
  });

  test('the nearest ancestor with workspaces, past a package without them', async (t) => {
    const root = await makeTempDir(t);
    const nested = join(root, 'examples', 'backend', 'dist');
    await mkdir(nested, { recursive: true });
    await writeFile(join(root, 'package.json'), JSON.stringify({ workspaces: ['examples/*'] }));
    await writeFile(join(root, 'examples', 'backend', 'package.json'), JSON.stringify({ name: 'backend' }));
    assert.equal(findRepoRoot(nested), root);
  });
});
