import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { barometerPeriod, type Audit, type Barometer, type Rating } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { BAROMETER_METHODOLOGY_URL } from '../src/barometer.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, aRating, errorOf, fieldPaths, startAppWithTown, TOWN } from './helpers.js';

/** `count` ratings, stored through the same writes as the route's (rating_daily included). */
async function rate(app: FastifyInstance, count: number, overrides: Partial<Rating>): Promise<void> {
  const ratings = Array.from({ length: count }, () => aRating({ id: randomUUID(), ...overrides }));
  assert.ok(await app.storage.ratings.insertMany(TOWN.id, ratings.map((rating) => ({ rating, bodyHash: rating.id }))));
}

async function audit(app: FastifyInstance, count: number, fields: Omit<Audit, 'id'>): Promise<void> {
  const audits = Array.from({ length: count }, () => ({ id: randomUUID(), ...fields }));
  const response = await app.inject({ method: 'POST', url: `/v1/admin/orgs/${TOWN.id}/audits`, headers: ADMIN, payload: audits });
  assert.equal(response.statusCode, 201, response.body);
}

/**
 * 2025-Q2: 30 counter ratings at 4 of 5 (75) and 10 web at 3 of 3 (100): 3,250 / 40 = 81.25;
 * 5 phone audits of 3 of 4 and 5 counter of 4 of 5: 35 / 45 = 77.77…; score (81.25 + 77.77…) / 2
 * = 79.51…. 2025-Q1: 30 ratings at 2 of 3 (50) and 5 mail audits of 2 of 4 (50): 50, so the trend
 * is +29.51…. Figures at one decimal, halves away from zero.
 */
async function givenQ2(app: FastifyInstance): Promise<void> {
  await rate(app, 30, { channel: 'counter', scale: 'smileys-5', score: 4, occurredAt: '2025-04-01T00:00:00.000Z' });
  await rate(app, 10, { channel: 'web', scale: 'smileys-3', score: 3, occurredAt: '2025-06-30T23:59:59.999Z' });
  await audit(app, 5, { date: '2025-05-12', channel: 'phone', criteriaMet: 3, criteriaTotal: 4 });
  await audit(app, 5, { date: '2025-06-30', channel: 'counter', criteriaMet: 4, criteriaTotal: 5 });
  await rate(app, 30, { channel: 'counter', scale: 'smileys-3', score: 2, occurredAt: '2025-03-31T23:59:59.999Z' });
  await audit(app, 5, { date: '2025-01-01', channel: 'mail', criteriaMet: 2, criteriaTotal: 4 });
}

const nullChannels = { counter: null, phone: null, email: null, web: null, mail: null, social: null };

const get = (app: FastifyInstance, query: string, headers: Record<string, string> = {}, org = TOWN.id) =>
  app.inject({ method: 'GET', url: `/v1/orgs/${org}/barometer${query}`, headers });

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('GET /v1/orgs/:org/barometer', () => {
      test('the figures of a quarter, as computed by hand, with its trend from the quarter before', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenQ2(app);

        const response = await get(app, '?period=2025-Q2');
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.json<Barometer>(), {
          org: TOWN.id,
          period: '2025-Q2',
          from: '2025-04-01',
          to: '2025-07-01',
          score: 79.5,
          responses: 40,
          satisfaction: {
            score: 81.3,
            responses: 40,
            byChannel: { ...nullChannels, counter: { score: 75, responses: 30 }, web: { score: null, responses: 10 } },
          },
          audit: {
            score: 77.8,
            audits: 10,
            byChannel: { ...nullChannels, counter: { score: 80, audits: 5 }, phone: { score: 75, audits: 5 } },
          },
          trend: { previous: 50, delta: 29.5 },
          weights: { audit: 0.5, satisfaction: 0.5, applied: { audit: 0.5, satisfaction: 0.5 } },
          minimum: { ratings: 30, audits: 5 },
          methodology: BAROMETER_METHODOLOGY_URL,
        });
      });

      test('a year holds its quarters; a period with too little data withholds every score but gives the counts', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenQ2(app);
        await rate(app, 29, { channel: 'phone', occurredAt: '2025-08-01T10:00:00.000Z' });
        await audit(app, 4, { date: '2025-09-30', channel: 'email', criteriaMet: 1, criteriaTotal: 1 });

        const year = (await get(app, '?period=2025')).json<Barometer>();
        assert.deepEqual([year.responses, year.audit.audits, year.trend], [99, 19, { previous: null, delta: null }]);

        const q3 = (await get(app, '?period=2025-Q3')).json<Barometer>();
        assert.deepEqual(
          [q3.score, q3.satisfaction.score, q3.satisfaction.responses, q3.audit.score, q3.audit.audits, q3.trend],
          [null, null, 29, null, 4, { previous: 79.5, delta: null }],
        );
        assert.deepEqual(q3.satisfaction.byChannel.phone, { score: null, responses: 29 });
        assert.deepEqual(q3.audit.byChannel.email, { score: null, audits: 4 });
        assert.equal(q3.satisfaction.byChannel.counter, null);
        assert.deepEqual(q3.weights.applied, { audit: 0, satisfaction: 0 });
      });

      test('the org’s settings apply: lower minimums show more, other weights move the score', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenQ2(app);
        const put = await app.inject({
          method: 'PUT',
          url: `/v1/admin/orgs/${TOWN.id}/barometer`,
          headers: ADMIN,
          payload: { weights: { audit: 1, satisfaction: 3 }, minimum: { ratings: 10, audits: 5 } },
        });
        assert.equal(put.statusCode, 200, put.body);

        const barometer = (await get(app, '?period=2025-Q2')).json<Barometer>();
        // 77.77… × 1/4 + 81.25 × 3/4 = 80.38…
        assert.equal(barometer.score, 80.4);
        assert.deepEqual(barometer.satisfaction.byChannel.web, { score: 100, responses: 10 });
        assert.deepEqual(barometer.weights, { audit: 1, satisfaction: 3, applied: { audit: 0.25, satisfaction: 0.75 } });
        assert.deepEqual(barometer.minimum, { ratings: 10, audits: 5 });
      });

      test('no period: the last twelve whole months; an org with no data has null scores and no channel', async (t) => {
        const app = await startAppWithTown(t, db);
        const expected = barometerPeriod('last-12-months', new Date())!;
        const barometer = (await get(app, '')).json<Barometer>();
        assert.deepEqual([barometer.period, barometer.from, barometer.to], ['last-12-months', expected.from, expected.to]);
        assert.deepEqual([barometer.score, barometer.responses, barometer.audit.audits], [null, 0, 0]);
        assert.deepEqual(barometer.satisfaction.byChannel, nullChannels);
        assert.equal((await get(app, '?period=last-12-months')).json<Barometer>().from, expected.from);
      });

      test('a bad period: 400 naming period; an unknown org: 404', async (t) => {
        const app = await startAppWithTown(t, db);
        for (const period of ['2025-Q5', '25', '1999', 'last-year', '2025-q1', '']) {
          const error = errorOf(await get(app, `?period=${period}`), 400);
          assert.deepEqual(fieldPaths(error), ['period'], period);
        }
        assert.deepEqual(fieldPaths(errorOf(await get(app, '?period=2025&period=2024'), 400)), ['period']);
        assert.equal(errorOf(await get(app, '?period=2025', {}, 'nowhere'), 404).code, 'unknown-org');
        assert.equal(errorOf(await get(app, '?period=2025-Q5', {}, 'nowhere'), 400).code, 'invalid-query');
      });

      test('ETag and Cache-Control; If-None-Match answers 304 with no body until the figures change', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenQ2(app);
        const first = await get(app, '?period=2025-Q2');
        const etag = String(first.headers.etag);
        assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
        assert.equal(first.headers['cache-control'], 'public, max-age=300');
        assert.equal((await get(app, '?period=2025-Q2')).headers.etag, etag, 'the same figures, the same ETag');

        for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const again = await get(app, '?period=2025-Q2', { 'if-none-match': ifNoneMatch });
          assert.equal(again.statusCode, 304, ifNoneMatch);
          assert.equal(again.body, '');
          assert.equal(again.headers.etag, etag);
          assert.equal(again.headers['cache-control'], 'public, max-age=300');
        }
        assert.notEqual((await get(app, '?period=2025', { 'if-none-match': etag })).statusCode, 304, 'another period, another ETag');

        await rate(app, 1, { channel: 'web', occurredAt: '2025-05-05T10:00:00.000Z' });
        const changed = await get(app, '?period=2025-Q2', { 'if-none-match': etag });
        assert.equal(changed.statusCode, 200);
        assert.notEqual(changed.headers.etag, etag);
        assert.equal(changed.json<Barometer>().responses, 41);
      });

      test('CORS: the org’s own pages get the grant (Vary: Origin), others do not; HEAD answers too', async (t) => {
        const app = await startAppWithTown(t, db);
        const own = await get(app, '?period=2025', { origin: TOWN.allowedOrigins[0]! });
        assert.equal(own.headers['access-control-allow-origin'], TOWN.allowedOrigins[0]);
        assert.match(String(own.headers.vary), /origin/i);
        const other = await get(app, '?period=2025', { origin: 'https://elsewhere.example' });
        assert.equal(other.statusCode, 200);
        assert.equal(other.headers['access-control-allow-origin'], undefined);
        const preflight = await app.inject({
          method: 'OPTIONS',
          url: `/v1/orgs/${TOWN.id}/barometer?period=2025`,
          headers: { origin: TOWN.allowedOrigins[0]!, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
        });
        assert.equal(preflight.headers['access-control-allow-origin'], TOWN.allowedOrigins[0]);
        const head = await app.inject({ method: 'HEAD', url: `/v1/orgs/${TOWN.id}/barometer?period=2025` });
        assert.equal(head.statusCode, 200);
        assert.ok(head.headers.etag);
      });
    });

    describe('/v1/admin/orgs/:org/barometer (settings)', () => {
      const put = (app: FastifyInstance, payload: unknown, org = TOWN.id) =>
        app.inject({ method: 'PUT', url: `/v1/admin/orgs/${org}/barometer`, headers: ADMIN, payload: payload as object });

      test('the defaults until set; a PUT replaces them; the org itself is unchanged', async (t) => {
        const app = await startAppWithTown(t, db);
        const read = await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}/barometer`, headers: ADMIN });
        assert.deepEqual(read.json(), { weights: { audit: 0.5, satisfaction: 0.5 }, minimum: { ratings: 30, audits: 5 } });
        const settings = { weights: { audit: 0, satisfaction: 1 }, minimum: { ratings: 1, audits: 12 } };
        assert.deepEqual((await put(app, settings)).json(), settings);
        assert.deepEqual((await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}/barometer`, headers: ADMIN })).json(), settings);
        assert.deepEqual((await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}`, headers: ADMIN })).json(), TOWN);
      });

      test('refused: negative weights, both 0, minimums under 1 or not whole, unknown fields; an unknown org is 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const good = { weights: { audit: 0.5, satisfaction: 0.5 }, minimum: { ratings: 30, audits: 5 } };
        const cases: [unknown, string[]][] = [
          [{ ...good, weights: { audit: -1, satisfaction: 1 } }, ['weights.audit']],
          [{ ...good, weights: { audit: 0, satisfaction: 0 } }, ['weights']],
          [{ ...good, minimum: { ratings: 0, audits: 1.5 } }, ['minimum.ratings', 'minimum.audits']],
          [{ ...good, extra: true }, ['extra']],
          [{ weights: good.weights }, ['minimum']],
        ];
        for (const [payload, paths] of cases) assert.deepEqual(fieldPaths(errorOf(await put(app, payload), 400)), paths, JSON.stringify(payload));
        assert.equal(errorOf(await put(app, good, 'nowhere'), 404).code, 'unknown-org');
        const unchanged = await app.inject({ method: 'GET', url: `/v1/admin/orgs/${TOWN.id}/barometer`, headers: ADMIN });
        assert.deepEqual(unchanged.json(), good);
      });
    });
  });
}
