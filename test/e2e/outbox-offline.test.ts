// Issue 7, fault (1): the browser offline while 50 ratings are given on the demo site, then online
// again: the backend stores exactly those 50, each once. On SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEPT, LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, queuedIds, ratingCounts } from './outbox-page.js';
import { ENGINES, useSite } from './site.js';

const RATINGS = 50;

for (const engine of ENGINES) {
  describe(`the rating outbox offline, on ${engine}`, { timeout: 120_000 }, () => {
    const site = useSite({ engine });

    test(`${RATINGS} ratings given offline are kept on the device, then stored exactly once each when the network returns`, async (t) => {
      const { page, rating } = await openRatingPage(site, t);
      const before = await ratingCounts(site);

      await page.context().setOffline(true);
      for (let i = 0; i < RATINGS; i += 1) {
        assert.deepEqual(await giveRating(rating, LEVELS[i % LEVELS.length]!), { outcome: 'kept', text: KEPT }, `rating ${i + 1}`);
      }
      const { given, stored } = await heard(page);
      assert.equal(new Set(given).size, RATINGS, 'each rating given has its own id');
      assert.deepEqual(await queuedIds(page), given, 'all of them in the outbox, in the order given');
      assert.deepEqual(await ratingCounts(site), before, 'nothing reached the server while offline');
      assert.deepEqual(stored, [], 'nothing counted as stored yet');

      await page.context().setOffline(false);
      await assertStoredExactly(site, page, before, given);
      const after = await heard(page);
      assert.deepEqual([...after.stored].sort(), [...given].sort(), 'the page heard of each once it was stored');
      assert.deepEqual(after.refused, [], 'none refused');
    });
  });
}
