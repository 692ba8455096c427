// Issue 7, fault (2): the backend killed with SIGKILL in the middle of a burst of 200 ratings, while
// it handles one of them, and started again on the same database while the burst goes on: exactly
// the 200 ratings given are stored, none twice. On SQLite and on PostgreSQL (durable commits).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Route } from 'playwright-core';
import { LEVELS, assertStoredExactly, giveRating, heard, openRatingPage, ratingCounts } from './outbox-page.js';
import { describeOnEachEngine } from './site.js';

const RATINGS = 200;
/** The POST during which the backend is killed. */
const KILLED_DURING = 60;
/** Ratings given while the backend is down, before it is started again. */
const GIVEN_WHILE_DOWN = 30;
const RATINGS_API = '**/v1/orgs/*/ratings';

await describeOnEachEngine('the rating outbox when the backend is killed', { timeout: 180_000 }, (site) => {
  test(`the backend killed during a burst of ${RATINGS} ratings and restarted: exactly ${RATINGS} rows, none twice`, async (t) => {
    const { page, rating } = await openRatingPage(site, t);
    const before = await ratingCounts(site);
    let failedPosts = 0;
    page.on('requestfailed', (request) => {
      if (request.method() === 'POST') failedPosts += 1;
    });

    // The kill comes while a rating's POST is on its way to the backend or being handled there:
    // stored or not, answered or not, the outbox cannot know which.
    let posts = 0;
    let killed: Promise<number | string | null> | undefined;
    await page.route(RATINGS_API, async (route: Route) => {
      posts += 1;
      if (posts !== KILLED_DURING) return route.fallback();
      const forwarding = site.forward(route);
      killed = site.stopBackend('SIGKILL');
      await forwarding;
    });

    let restarted: Promise<void> | undefined;
    let givenWhileDown = 0;
    const outcomes = { sent: 0, kept: 0 };
    const burst = Date.now();
    for (let i = 0; i < RATINGS; i += 1) {
      outcomes[(await giveRating(rating, LEVELS[i % LEVELS.length]!)).outcome] += 1;
      // Started again in the background: people keep rating while it starts.
      if (killed && !restarted && ++givenWhileDown === GIVEN_WHILE_DOWN) restarted = killed.then(() => site.restartBackend());
    }
    assert.equal(await killed, 'SIGKILL', 'the backend was killed during the burst');
    await restarted;
    assert.ok(failedPosts > 0, 'some POSTs failed while the backend was down');
    assert.ok(outcomes.kept > 0 && outcomes.sent > 0, `some sent at once, some kept on the device: ${JSON.stringify(outcomes)}`);

    const { given } = await heard(page);
    assert.equal(new Set(given).size, RATINGS, 'each rating given has its own id');
    const drain = Date.now();
    await assertStoredExactly(site, page, before, given);
    t.diagnostic(`burst ${drain - burst} ms (${JSON.stringify(outcomes)}), then all stored ${Date.now() - drain} ms later`);
    const after = await heard(page);
    assert.deepEqual([...after.stored].sort(), [...given].sort(), 'the page heard of each once it was stored');
    assert.deepEqual(after.refused, [], 'none refused');
  });
});
