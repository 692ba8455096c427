// Issue 7, fault (1): the browser offline while 50 ratings are given on the demo site, from the
// first, then online again: the backend stores exactly those 50, each once. On SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEPT, LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, outboxCodeFetched, queuedIds, ratingCounts, until } from './outbox-page.js';
import { describeOnEachEngine } from './site.js';

const RATINGS = 50;

await describeOnEachEngine('the rating outbox offline', { timeout: 120_000 }, (site) => {
  test(`${RATINGS} ratings given offline are kept on the device, then stored exactly once each when the network returns`, async (t) => {
    const { page, rating } = await openRatingPage(site, t);
    // The rating, once in view, fetches the outbox's code: a person who rates after the network
    // went, as on a phone that lost it while reading the page, still has their rating kept.
    await rating.scrollIntoViewIfNeeded();
    await until('the outbox code fetched', () => outboxCodeFetched(page), Boolean);
    const before = await ratingCounts(site);

    await site.setOffline(page, true);
    assert.match(await page.evaluate(() => fetch('/healthz').then(String, String)), /TypeError/, 'the browser really is offline');
    for (let i = 0; i < RATINGS; i += 1) {
      assert.deepEqual(await giveRating(rating, LEVELS[i % LEVELS.length]!), { outcome: 'kept', text: KEPT }, `rating ${i + 1}`);
    }
    const { given, stored } = await heard(page);
    assert.equal(new Set(given).size, RATINGS, 'each rating given has its own id');
    assert.deepEqual(await queuedIds(page), given, 'all of them in the outbox, in the order given');
    assert.deepEqual(await ratingCounts(site), before, 'nothing reached the server while offline');
    assert.deepEqual(stored, [], 'nothing counted as stored yet');

    await site.setOffline(page, false);
    await assertStoredExactly(site, page, before, given);
    const after = await heard(page);
    assert.deepEqual([...after.stored].sort(), [...given].sort(), 'the page heard of each once it was stored');
    assert.deepEqual(after.refused, [], 'none refused');
  });
});
