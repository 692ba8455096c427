import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeScore } from '@civic-pulse/core';
import { describeDatabase, testDatabases } from './databases.js';
import { aRating, openTestStorage, TOWN } from './helpers.js';

// The storage layer on each engine, below HTTP: what a row reads back as, and what concurrent
// writers leave behind.
for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('ratings storage', () => {
      test('a rating reads back identically, with the same JavaScript types, on either engine', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        const rating = aRating({ scale: 'stars-5', score: 2, reasons: ['welcome', 'other'], comment: 'Très « bien » 👍\n', kioskId: 'hall' });

        const receipt = await storage.ratings.insert(TOWN.id, rating, 'hash-1');

        assert.ok(receipt);
        assert.deepEqual(await storage.ratings.list(TOWN.id, {}), [{ ...rating, normalized: 25, receivedAt: receipt.receivedAt }]);
        assert.deepEqual(await storage.db.selectFrom('ratings').selectAll().execute(), [
          {
            id: rating.id,
            org_id: TOWN.id,
            service: 'etat-civil',
            channel: 'counter',
            source: 'kiosk',
            scale: 'stars-5',
            score: 2,
            normalized: 25,
            reasons: '["welcome","other"]',
            comment: 'Très « bien » 👍\n',
            kiosk_id: 'hall',
            occurred_at: '2025-03-14T09:30:00.000Z',
            received_at: receipt.receivedAt,
            body_hash: 'hash-1',
          },
        ]);
        const counts = await storage.db
          .selectFrom('rating_daily')
          .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('count').as('ratings')])
          .executeTakeFirstOrThrow();
        assert.deepEqual(counts, { rows: 1, ratings: 1 }, 'count(*) and sum() are numbers, not strings');
        assert.deepEqual(await storage.ratings.findSubmission(rating.id), { bodyHash: 'hash-1', receipt });
      });

      test('ten inserts of one id at once: one receipt, the others lose on the unique key, one count', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        const rating = aRating();

        const receipts = await Promise.all(Array.from({ length: 10 }, () => storage.ratings.insert(TOWN.id, rating, 'hash')));

        assert.equal(receipts.filter((receipt) => receipt !== undefined).length, 1);
        const daily = await storage.db.selectFrom('rating_daily').select(['count', 'sum_normalized']).execute();
        assert.deepEqual(daily, [{ count: 1, sum_normalized: 75 }]);
      });

      test('a hundred ratings at once on one service, channel and day all count in the daily aggregate', async (t) => {
        const storage = await openTestStorage(t, db);
        await storage.orgs.create(TOWN);
        const ratings = Array.from({ length: 100 }, (_, index) => aRating({ score: 1 + (index % 5) }));

        await Promise.all(ratings.map((rating) => storage.ratings.insert(TOWN.id, rating, rating.id)));

        const daily = await storage.db.selectFrom('rating_daily').select(['day', 'count', 'sum_normalized']).execute();
        const sum = ratings.reduce((total, rating) => total + normalizeScore(rating.scale, rating.score), 0);
        assert.deepEqual(daily, [{ day: '2025-03-14', count: 100, sum_normalized: sum }]);
      });

      test('an org reads back identically, services in code-unit order of id, whatever the collation', async (t) => {
        const storage = await openTestStorage(t, db);
        const services = [
          { id: 'etatcivil', name: 'État civil' },
          { id: 'etat-civil', name: 'État civil (ancien)' },
        ];
        const org = { ...TOWN, services };

        assert.equal(await storage.orgs.create(org), true);
        assert.equal(await storage.orgs.create(org), false, 'a taken id is recognised as such');

        assert.deepEqual(await storage.orgs.find(TOWN.id), { ...org, services: [...org.services].reverse() });
        assert.deepEqual(await storage.orgs.allowedOrigins(TOWN.id), TOWN.allowedOrigins);
      });
    });
  });
}
