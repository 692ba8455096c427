import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Barometer } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { purgeExpiredRatings } from '../src/retention.js';
import { DEMO_ORG, seedDemoOrg } from '../src/seed.js';
import { DEMO_VILLAGE, seedDemoBarometers } from '../src/seed-barometer.js';
import { describeDatabase, testDatabases } from './databases.js';
import { startApp } from './helpers.js';

async function seededApp(t: Parameters<typeof startApp>[0], db: Parameters<typeof startApp>[1]): Promise<FastifyInstance> {
  const app = await startApp(t, db);
  await seedDemoOrg(app.storage.orgs, 8787);
  await seedDemoOrg(app.storage.orgs, 8787, DEMO_VILLAGE);
  return app;
}

const barometer = async (app: FastifyInstance, org: string, period = 'last-12-months') =>
  (await app.inject({ method: 'GET', url: `/v1/orgs/${org}/barometer?period=${period}` })).json<Barometer>();

const count = async (app: FastifyInstance, table: 'ratings' | 'audits') =>
  Number((await app.storage.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('seedDemoBarometers', () => {
      test('Ville d’Exemple: a realistic barometer over the last twelve months, with a trend; Village d’Exemple: not enough data', async (t) => {
        const app = await seededApp(t, db);
        const seeded = await seedDemoBarometers(app.storage);
        assert.ok(seeded.ratings > 4_000 && seeded.audits > 250, JSON.stringify(seeded));

        const city = await barometer(app, DEMO_ORG.id);
        assert.ok(city.score !== null && city.score > 55 && city.score < 85, `score ${city.score}`);
        assert.ok(city.trend.delta !== null && city.trend.delta > 0, `trend ${JSON.stringify(city.trend)}`);
        assert.deepEqual(city.weights.applied, { audit: 0.5, satisfaction: 0.5 });
        const { counter, phone, email, mail, social } = city.satisfaction.byChannel;
        assert.ok(counter?.score && phone?.score && email?.score && counter.score > phone.score && phone.score > email.score, 'the counter does best, email worst');
        assert.ok(mail && mail.score === null && mail.responses > 0 && mail.responses < 30, 'the mail is under the minimum');
        assert.equal(social, null, 'social media are not rated');
        const audits = city.audit.byChannel;
        assert.ok(audits.counter?.score && audits.phone?.score && audits.counter.score > audits.phone.score);
        assert.ok(audits.social && audits.social.audits >= 5, 'social media are audited');
        // The quarters of the year before are shown too.
        const lastYear = new Date().getUTCFullYear() - 1;
        for (const quarter of [1, 2, 3, 4]) assert.notEqual((await barometer(app, DEMO_ORG.id, `${lastYear}-Q${quarter}`)).score, null, `${lastYear}-Q${quarter}`);

        const village = await barometer(app, DEMO_VILLAGE.id);
        assert.deepEqual([village.score, village.satisfaction.score, village.audit.score], [null, null, null]);
        assert.deepEqual([village.responses, village.audit.audits], [9, 2]);
      });

      test('kept in the aggregates as the ratings’ own writes keep them', async (t) => {
        const app = await seededApp(t, db);
        await seedDemoBarometers(app.storage);
        const sums = (table: 'ratings' | 'rating_daily') =>
          table === 'ratings'
            ? app.storage.db.selectFrom('ratings').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('normalized').as('sum')]).executeTakeFirstOrThrow()
            : app.storage.db.selectFrom('rating_daily').select((eb) => [eb.fn.sum('count').as('n'), eb.fn.sum('sum_normalized').as('sum')]).executeTakeFirstOrThrow();
        const [raw, daily] = [await sums('ratings'), await sums('rating_daily')];
        assert.deepEqual([Number(daily.n), Number(daily.sum)], [Number(raw.n), Number(raw.sum)]);
        const audits = await app.storage.db.selectFrom('audits').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('criteria_met').as('met')]).executeTakeFirstOrThrow();
        const auditDaily = await app.storage.db.selectFrom('audit_daily').select((eb) => [eb.fn.sum('audits').as('n'), eb.fn.sum('criteria_met').as('met')]).executeTakeFirstOrThrow();
        assert.deepEqual([Number(auditDaily.n), Number(auditDaily.met)], [Number(audits.n), Number(audits.met)]);
      });

      test('idempotent: a restart adds nothing, nor do two instances starting at once', async (t) => {
        const app = await seededApp(t, db);
        const [first, second] = await Promise.all([seedDemoBarometers(app.storage), seedDemoBarometers(app.storage)]);
        const counts = [await count(app, 'ratings'), await count(app, 'audits')];
        assert.equal(first.ratings + second.ratings, counts[0], 'the ratings were added by one of the two');
        assert.equal(first.audits + second.audits, counts[1], 'each audit was added once');

        const restart = await seedDemoBarometers(app.storage, new Date(Date.now() + 3 * 24 * 60 * 60 * 1000));
        assert.deepEqual(restart, { ratings: 0, audits: 0 });
        assert.deepEqual([await count(app, 'ratings'), await count(app, 'audits')], counts);
      });

      test('a restart after the retention purge adds nothing either: rating_daily still counts the purged ratings', async (t) => {
        const app = await seededApp(t, db);
        await seedDemoBarometers(app.storage);
        const daily = await app.storage.db.selectFrom('rating_daily').selectAll().orderBy(['org_id', 'service', 'channel', 'day']).execute();
        await purgeExpiredRatings(app.storage, { now: new Date(Date.now() + 731 * 24 * 60 * 60 * 1000) });
        assert.equal(await count(app, 'ratings'), 0);

        assert.deepEqual(await seedDemoBarometers(app.storage), { ratings: 0, audits: 0 });
        assert.equal(await count(app, 'ratings'), 0);
        assert.deepEqual(await app.storage.db.selectFrom('rating_daily').selectAll().orderBy(['org_id', 'service', 'channel', 'day']).execute(), daily);
      });
    });
  });
}
