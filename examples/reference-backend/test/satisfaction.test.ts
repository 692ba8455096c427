import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Rating } from '@civic-pulse/core';
import type { Storage } from '../src/storage/index.js';
import { describeDatabase, testDatabases } from './databases.js';
import { aRating, openTestStorage, TOWN } from './helpers.js';

const MARCH = { from: '2025-03-01', to: '2025-04-01' };

async function insertAll(storage: Storage, orgId: string, ratings: Rating[]): Promise<void> {
  for (const rating of ratings) assert.ok(await storage.ratings.insert(orgId, rating, rating.id));
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('satisfaction.totals', () => {
      test('count and sum of the normalized scores, overall and per channel, over a range of days', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        await storage.orgs.create({ ...TOWN, id: 'autre-ville' });
        await insertAll(storage, TOWN.id, [
          aRating({ channel: 'counter', service: 'etat-civil', scale: 'smileys-5', score: 5, occurredAt: '2025-03-01T00:00:00Z' }),
          aRating({ channel: 'counter', service: 'piscine', scale: 'smileys-3', score: 2, occurredAt: '2025-03-14T12:00:00Z' }),
          aRating({ channel: 'phone', service: 'etat-civil', scale: 'stars-5', score: 2, occurredAt: '2025-03-31T23:59:59Z' }),
          // Outside the range: the last instant of February and the first of April.
          aRating({ channel: 'phone', score: 1, occurredAt: '2025-02-28T23:59:59Z' }),
          aRating({ channel: 'web', score: 1, occurredAt: '2025-04-01T00:00:00Z' }),
        ]);
        await insertAll(storage, 'autre-ville', [aRating({ channel: 'email', score: 1, occurredAt: '2025-03-14T12:00:00Z' })]);

        const totals = await storage.satisfaction.totals(TOWN.id, MARCH);

        assert.deepEqual(totals, {
          responses: 3,
          sumNormalized: 100 + 50 + 25,
          byChannel: { counter: { responses: 2, sumNormalized: 150 }, phone: { responses: 1, sumNormalized: 25 } },
        });
      });

      test('reads the daily aggregate only: the same figures with the ratings themselves gone', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        await insertAll(storage, TOWN.id, [aRating({ score: 5 }), aRating({ score: 1 }), aRating({ channel: 'web', score: 3 })]);
        const before = await storage.satisfaction.totals(TOWN.id, MARCH);

        await storage.db.deleteFrom('ratings').execute();

        assert.deepEqual(await storage.satisfaction.totals(TOWN.id, MARCH), before);
        assert.equal(before.responses, 3);
      });

      test('insertMany keeps rating_daily as insert does: the same aggregate rows, the totals equal to the ratings’ own', async (t) => {
        const one = await openTestStorage(t, db);
        const many = await openTestStorage(t, db);
        const ratings = Array.from({ length: 700 }, (_, index) =>
          aRating({
            channel: (['counter', 'phone', 'web'] as const)[index % 3],
            service: index % 5 === 0 ? 'piscine' : 'etat-civil',
            scale: index % 2 === 0 ? 'smileys-5' : 'smileys-3',
            score: 1 + (index % 3),
            occurredAt: new Date(Date.UTC(2025, 2, 1 + (index % 31), index % 24)).toISOString(),
          }),
        );
        for (const storage of [one, many]) await storage.orgs.create(TOWN);
        await insertAll(one, TOWN.id, ratings);
        assert.ok(await many.ratings.insertMany(TOWN.id, ratings.map((rating) => ({ rating, bodyHash: rating.id }))));

        const daily = (storage: Storage) => storage.db.selectFrom('rating_daily').selectAll().orderBy(['service', 'channel', 'day']).execute();
        assert.deepEqual(await daily(many), await daily(one));
        const totals = await many.satisfaction.totals(TOWN.id, MARCH);
        const raw = await many.db.selectFrom('ratings').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('normalized').as('sum')]).executeTakeFirstOrThrow();
        assert.deepEqual([totals.responses, totals.sumNormalized], [Number(raw.n), Number(raw.sum)]);
        assert.equal(totals.responses, 700);

        // A batch with one id taken stores nothing.
        assert.equal(await many.ratings.insertMany(TOWN.id, [aRating(), ratings[0]!].map((rating) => ({ rating, bodyHash: rating.id }))), false);
        assert.equal((await many.satisfaction.totals(TOWN.id, MARCH)).responses, 700);
      });

      test('no ratings in the range: no responses, no channels', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        await insertAll(storage, TOWN.id, [aRating({ occurredAt: '2024-12-31T12:00:00Z' })]);

        const totals = await storage.satisfaction.totals(TOWN.id, MARCH);

        assert.deepEqual(totals, { responses: 0, sumNormalized: 0, byChannel: {} });
      });
    });
  });
}
