// Issue 7, fault (3): a proxy in front of the backend forwards every rating, lets the server store
// it, and then drops every third answer (the connection is destroyed instead): the client cannot
// tell a lost rating from a lost acknowledgement, sends it again, and exactly the ratings given are
// stored, each once. On SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDroppingProxy } from '../support/dropping-proxy.mjs';
import { LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, ratingCounts } from './outbox-page.js';
import { describeOnEachEngine } from './site.js';

const RATINGS = 30;
const DROP_EVERY = 3;

await describeOnEachEngine('the rating outbox behind a proxy that drops answers', { timeout: 120_000 }, (site) => {
  test(`${RATINGS} ratings, every ${DROP_EVERY}rd answer dropped after the server stored it: exactly ${RATINGS} rows`, async (t) => {
    const proxy = await startDroppingProxy(site.backendUrl, {
      dropEvery: DROP_EVERY,
      matches: (request) => request.method === 'POST' && /^\/v1\/orgs\/[^/]+\/ratings$/.test(request.url ?? ''),
    });
    t.after(() => {
      site.routeThrough(undefined);
      return proxy.close();
    });
    site.routeThrough(proxy.url);
    const { page, rating } = await openRatingPage(site, t);
    const before = await ratingCounts(site);

    for (let i = 0; i < RATINGS; i += 1) await giveRating(rating, LEVELS[i % LEVELS.length]!);
    const { given } = await heard(page);
    assert.equal(new Set(given).size, RATINGS, 'each rating given has its own id');
    await assertStoredExactly(site, page, before, given);

    // Each dropped answer was a stored rating the client sent again (and got its receipt back).
    const { matched, dropped } = proxy.counts();
    assert.ok(dropped >= RATINGS / DROP_EVERY, `at least ${RATINGS / DROP_EVERY} answers dropped, got ${dropped}`);
    assert.ok(matched >= RATINGS + dropped, `each dropped answer's rating sent again: ${matched} POSTs for ${RATINGS} ratings, ${dropped} dropped`);
    const after = await heard(page);
    assert.deepEqual([...after.stored].sort(), [...given].sort(), 'the page heard of each once it was stored');
    assert.deepEqual(after.refused, [], 'none refused');
    t.diagnostic(`${matched} POSTs through the proxy, ${dropped} answers dropped`);
  });
});
