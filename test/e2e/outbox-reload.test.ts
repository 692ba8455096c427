// Issue 7, fault (4): the page reloaded while ratings wait in its outbox: the reloaded page sends
// them, each once. On SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Route } from 'playwright-core';
import { LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, queuedIds, ratingCounts, until } from './outbox-page.js';
import { describeOnEachEngine } from './site.js';

const RATINGS = 5;
const RATINGS_API = '**/v1/orgs/*/ratings';

await describeOnEachEngine('the rating outbox across a reload', { timeout: 120_000 }, (site) => {
  test('ratings waiting when the page is reloaded are sent by the reloaded page', async (t) => {
    const { page, rating } = await openRatingPage(site, t);
    const before = await ratingCounts(site);

    // The ratings' POSTs fail as on a dead network; the page itself still loads.
    const tries: string[] = [];
    const cutOff = (route: Route) => {
      tries.push((route.request().postDataJSON() as { id: string }).id);
      return route.abort('internetdisconnected');
    };
    await page.route(RATINGS_API, cutOff);
    for (let i = 0; i < RATINGS; i += 1) assert.equal((await giveRating(rating, LEVELS[i % LEVELS.length]!)).outcome, 'kept');
    const { given } = await heard(page);
    assert.deepEqual(await queuedIds(page), given, 'the ratings wait in the outbox');

    // Reloaded with the network still cut: the new page finds them on the device and tries them.
    await page.reload({ waitUntil: 'networkidle' });
    // Counted once the old page is gone: a try after this one is the reloaded page's.
    const triesBefore = tries.length;
    await until('tries of the reloaded page', () => tries.length, (count) => count > triesBefore);
    assert.deepEqual(await queuedIds(page), given, 'still on the device after the reload, in order');
    assert.deepEqual(await ratingCounts(site), before, 'nothing stored while the network was cut');

    // The network comes back: the reloaded page, the only one left, sends them at its next retry.
    await page.unroute(RATINGS_API, cutOff);
    await assertStoredExactly(site, page, before, given);
    assert.deepEqual((await heard(page)).refused, [], 'none refused');
  });
});
