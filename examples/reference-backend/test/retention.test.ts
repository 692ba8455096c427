import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runPurgeCli } from '../src/cli/purge.js';
import { fingerprintOf } from '../src/idempotency.js';
import { purgeExpiredRatings } from '../src/retention.js';
import type { Storage } from '../src/storage/index.js';
import { cliInProcess, cliProcess, givenCliDatabase, repoRoot, type CommandLine } from './cli-helpers.js';
import { describeDatabase, sqlite, testDatabases } from './databases.js';
import { ADMIN, aRating, errorOf, fieldPaths, openTestStorage, startApp, startAppWithTown, submitRating, TOWN } from './helpers.js';

const PURGE: CommandLine = { script: 'purge', entry: 'src/purge-cli.ts', runner: runPurgeCli };
const DAY_MS = 24 * 60 * 60 * 1000;
const VILLAGE = { ...TOWN, id: 'village-test', name: 'Village de Test' };
const daysFromNow = (days: number): Date => new Date(Date.now() + days * DAY_MS);

const settings = (app: FastifyInstance, org: string, payload?: unknown) =>
  app.inject({ method: payload === undefined ? 'GET' : 'PUT', url: `/v1/admin/orgs/${org}/retention`, headers: ADMIN, ...(payload === undefined ? {} : { payload: payload as object }) });

const ratingIds = async (storage: Storage): Promise<string[]> =>
  (await storage.db.selectFrom('ratings').select('id').orderBy('id').execute()).map((row) => row.id);

const dailyRows = (storage: Storage) => storage.db.selectFrom('rating_daily').selectAll().orderBy('org_id').orderBy('service').orderBy('channel').orderBy('day').execute();

/** Ratings stored as the route stores them, received now. */
async function storeRatings(storage: Storage, org: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const rating = aRating({ score: 1 + (index % 5), comment: `commentaire ${index}` });
    await storage.ratings.insert(org, rating, fingerprintOf({ org, rating }));
    ids.push(rating.id);
  }
  return ids.sort();
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('retention of ratings', () => {
      test('the purge deletes what each org has kept past its retention, in batches, and leaves rating_daily and the barometer as they were', async (t) => {
        const app = await startAppWithTown(t, db, { retention: false });
        assert.equal((await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: VILLAGE })).statusCode, 201);
        assert.equal((await settings(app, VILLAGE.id, { retentionDays: 30 })).statusCode, 200);
        const town = await storeRatings(app.storage, TOWN.id, 5);
        const village = await storeRatings(app.storage, VILLAGE.id, 3);
        const barometer = async (org: string) => (await app.inject({ method: 'GET', url: `/v1/orgs/${org}/barometer?period=2025` })).json();
        const before = { daily: await dailyRows(app.storage), town: await barometer(TOWN.id), village: await barometer(VILLAGE.id) };

        assert.deepEqual(await purgeExpiredRatings(app.storage, { now: daysFromNow(29), batchSize: 2 }).then((report) => report.map((entry) => entry.purged)), [0, 0]);
        assert.deepEqual(await ratingIds(app.storage), [...town, ...village].sort());

        const month = await purgeExpiredRatings(app.storage, { now: daysFromNow(31), batchSize: 2 });
        assert.deepEqual(month.map(({ org, retentionDays, purged }) => ({ org, retentionDays, purged })), [
          { org: VILLAGE.id, retentionDays: 30, purged: 3 },
          { org: TOWN.id, retentionDays: 730, purged: 0 },
        ]);
        assert.deepEqual(await ratingIds(app.storage), town);

        const twoYears = await purgeExpiredRatings(app.storage, { now: daysFromNow(731), batchSize: 2 });
        assert.deepEqual(twoYears.map((entry) => entry.purged), [0, 5]);
        assert.deepEqual(await ratingIds(app.storage), []);

        assert.deepEqual(await dailyRows(app.storage), before.daily);
        assert.deepEqual(await barometer(TOWN.id), before.town);
        assert.deepEqual(await barometer(VILLAGE.id), before.village);
      });

      test('a retry within the retention gets its first receipt and counts once; past it the id is forgotten', async (t) => {
        const app = await startAppWithTown(t, db, { retention: false });
        assert.equal((await settings(app, TOWN.id, { retentionDays: 30 })).statusCode, 200);
        const rating = aRating({ comment: 'Très bon accueil' });
        const first = await submitRating(app, rating);
        assert.equal(first.statusCode, 201);

        // The outbox keeps an item 14 days; the server keeps its id at least 30.
        await purgeExpiredRatings(app.storage, { now: daysFromNow(29) });
        const retry = await submitRating(app, rating);
        assert.equal(retry.statusCode, 200);
        assert.deepEqual(retry.json(), first.json());
        assert.deepEqual((await dailyRows(app.storage)).map((row) => row.count), [1]);

        // Why the minimum is far beyond the outbox's 14 days: once purged, the same id is new again.
        await purgeExpiredRatings(app.storage, { now: daysFromNow(31) });
        assert.equal((await submitRating(app, rating)).statusCode, 201);
        assert.deepEqual((await dailyRows(app.storage)).map((row) => row.count), [2]);
      });

      test('GET|PUT /v1/admin/orgs/:org/retention: 730 days until set, at least 30, each bad field named', async (t) => {
        const app = await startAppWithTown(t, db, { retention: false });
        assert.deepEqual((await settings(app, TOWN.id)).json(), { retentionDays: 730 });
        for (const [payload, paths] of [
          [{ retentionDays: 29 }, ['retentionDays']],
          [{ retentionDays: 0 }, ['retentionDays']],
          [{ retentionDays: 45.5 }, ['retentionDays']],
          [{ retentionDays: '60' }, ['retentionDays']],
          [{ retentionDays: 36_501 }, ['retentionDays']],
          [{}, ['retentionDays']],
        ] as const) {
          const error = errorOf(await settings(app, TOWN.id, payload), 400);
          assert.deepEqual(fieldPaths(error), paths, JSON.stringify(payload));
        }
        assert.equal(errorOf(await settings(app, TOWN.id, { retentionDays: 60, days: 60 }), 400).code, 'invalid-body');
        assert.deepEqual((await settings(app, TOWN.id)).json(), { retentionDays: 730 }, 'nothing refused was stored');

        const set = await settings(app, TOWN.id, { retentionDays: 30 });
        assert.equal(set.statusCode, 200);
        assert.deepEqual(set.json(), { retentionDays: 30 });
        assert.deepEqual((await settings(app, TOWN.id)).json(), { retentionDays: 30 });
        assert.equal(set.headers['cache-control'], 'no-store');

        errorOf(await settings(app, 'nowhere'), 404);
        errorOf(await settings(app, 'nowhere', { retentionDays: 60 }), 404);
        errorOf(await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}/retention` }), 401);
      });

      test('the app purges at start, logs the count per org, and its timer neither keeps the process alive nor outlives close', async (t) => {
        const database = await db.create(t);
        const storage = await openTestStorage(t, db, database);
        await storage.orgs.create(TOWN);
        await storeRatings(storage, TOWN.id, 3);

        const lines: Record<string, unknown>[] = [];
        const stream = new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
            done();
          },
        });
        const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
        let clock = daysFromNow(731);
        const app = await startApp(t, db, { database, logger: { level: 'info', stream }, retention: { now: () => clock } });
        await app.retention.idle();
        assert.deepEqual(await ratingIds(storage), []);
        assert.deepEqual(
          lines.filter((line) => line.msg === 'ratings purged').map(({ org, retentionDays, purged }) => ({ org, retentionDays, purged })),
          [{ org: TOWN.id, retentionDays: 730, purged: 3 }],
        );
        // Counted on SQLite only: pg's pool keeps idle timers of its own.
        if (db.name === 'sqlite') assert.equal(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length, timersBefore, 'the 24 h timer is unref’d');

        await app.close();
        const kept = await storeRatings(storage, TOWN.id, 2);
        clock = daysFromNow(2000);
        await app.retention.idle();
        assert.deepEqual(await ratingIds(storage), kept, 'no purge after close');
      });

      test('then every 24 hours, one run at a time, until close', async (t) => {
        t.mock.timers.enable({ apis: ['setInterval'] });
        const database = await db.create(t);
        const storage = await openTestStorage(t, db, database);
        await storage.orgs.create(TOWN);
        let clock = new Date();
        const app = await startApp(t, db, { database, retention: { now: () => clock } });
        await app.retention.idle();
        const ids = await storeRatings(storage, TOWN.id, 2);

        clock = daysFromNow(731);
        t.mock.timers.tick(24 * 60 * 60 * 1000 - 1);
        await app.retention.idle();
        assert.deepEqual(await ratingIds(storage), ids, 'not yet a day');
        t.mock.timers.tick(1);
        await app.retention.idle();
        assert.deepEqual(await ratingIds(storage), []);

        await app.close();
        const kept = await storeRatings(storage, TOWN.id, 1);
        t.mock.timers.tick(7 * 24 * 60 * 60 * 1000);
        await app.retention.idle();
        assert.deepEqual(await ratingIds(storage), kept, 'the timer stopped with the app');
      });

      test('two instances purging at the same moment delete each row once, without an error', async (t) => {
        const database = await db.create(t);
        const one = await openTestStorage(t, db, database);
        const other = await openTestStorage(t, db, database);
        await one.orgs.create(TOWN);
        await storeRatings(one, TOWN.id, 7);
        const now = daysFromNow(731);
        const reports = await Promise.all([purgeExpiredRatings(one, { now, batchSize: 2 }), purgeExpiredRatings(other, { now, batchSize: 2 })]);
        assert.equal(reports.flat().reduce((sum, entry) => sum + entry.purged, 0), 7);
        assert.deepEqual(await ratingIds(one), []);
      });

      test('npm run purge: one line per org; --help; a stray argument is a mistake', async (t) => {
        const { database, storage } = await givenCliDatabase(t, db);
        const old = await storeRatings(storage, TOWN.id, 2);
        const recent = await storeRatings(storage, TOWN.id, 1);
        const received = new Date(Date.now() - 731 * DAY_MS).toISOString();
        await storage.db.updateTable('ratings').set({ received_at: received }).where('id', 'in', old).execute();

        const outcome = await cliInProcess(PURGE, database, []);
        assert.equal(outcome.code, 0, outcome.stderr);
        const lines = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as { org: string; retentionDays: number; purged: number });
        assert.deepEqual(lines.map(({ org, retentionDays, purged }) => ({ org, retentionDays, purged })), [{ org: TOWN.id, retentionDays: 730, purged: 2 }]);
        assert.deepEqual(await ratingIds(storage), recent);

        assert.match((await cliInProcess(PURGE, database, ['--help'])).stdout, /Usage: npm run purge/);
        const misused = await cliInProcess(PURGE, database, ['ville-test']);
        assert.equal(misused.code, 2);
        assert.match(misused.stderr, /Unexpected argument "ville-test"/);
      });
    });
  });
}

describe('npm run purge, as a process', () => {
  test('runs through npm on the database of DATABASE_URL', async (t) => {
    const { database, storage } = await givenCliDatabase(t, sqlite);
    await storeRatings(storage, TOWN.id, 1);
    const outcome = await cliProcess(PURGE, database, [], { viaNpm: true, cwd: repoRoot });
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.match(outcome.stdout, /^\{"org":"ville-test","retentionDays":730,"before":"[^"]+","purged":0\}\n$/);
  });
});
