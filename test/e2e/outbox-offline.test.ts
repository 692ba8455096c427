// Issue 7, fault (1): the browser offline while 50 ratings are given on the demo site, then online
// again: the backend stores exactly those 50, each once. On SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEPT, LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, queuedIds, ratingCounts } from './outbox-page.js';
import { describeOnEachEngine } from './site.js';

const RATINGS = 50;

await describeOnEachEngine('the rating outbox offline', { timeout: 120_000 }, (site) => {
  test(`${RATINGS} ratings given offline are kept on the device, then stored exactly once each when the network returns`, async (t) => {
    const { page, rating } = await openRatingPage(site, t);
    // A first rating while online, as a kiosk in use when the network goes: it brings the
    // outbox's code, which the element loads when a level is first picked.
    assert.equal((await giveRating(rating, 'Satisfait')).outcome, 'sent');
    const before = await ratingCounts(site);
    const first = (await heard(page)).given;

    await site.setOffline(page, true);
    assert.match(await page.evaluate(() => fetch('/healthz').then(String, String)), /TypeError/, 'the browser really is offline');
    for (let i = 0; i < RATINGS; i += 1) {
      assert.deepEqual(await giveRating(rating, LEVELS[i % LEVELS.length]!), { outcome: 'kept', text: KEPT }, `rating ${i + 1}`);
    }
    const { given: all, stored } = await heard(page);
    const given = all.slice(first.length);
    assert.equal(new Set(given).size, RATINGS, 'each rating given has its own id');
    assert.deepEqual(await queuedIds(page), given, 'all of them in the outbox, in the order given');
    assert.deepEqual(await ratingCounts(site), before, 'nothing reached the server while offline');
    assert.deepEqual(stored, first, 'nothing given offline counted as stored yet');

    await site.setOffline(page, false);
    await assertStoredExactly(site, page, before, given);
    const after = await heard(page);
    assert.deepEqual([...after.stored].sort(), [...first, ...given].sort(), 'the page heard of each once it was stored');
    assert.deepEqual(after.refused, [], 'none refused');
  });
});
