// Issue 7, fault tests of the rating's outbox on the demo site, against the real backend: ratings
// given offline arrive once each when the network returns, and ratings still waiting when the page
// is left are sent by the next page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { SITE, storedRatings, useSite } from './site.js';

const site = useSite();
const OUTBOX = `civic-pulse-outbox ${SITE} ville-exemple`;
const KEPT = 'Votre avis est enregistré sur cet appareil et sera envoyé dès que la connexion reviendra.';

/** The ids of the ratings waiting in the page's outbox, read without changing it. */
function queuedIds(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<string[]>((resolve, reject) => {
        const request = db.transaction('entries').objectStore('entries').getAll();
        request.onsuccess = () => resolve((request.result as { payload: { id: string } }[]).map((entry) => entry.payload.id));
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, OUTBOX);
}

async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Gives one rating and waits for the element to say it is kept on the device; then clears it for the next person. */
async function rateAndKeep(rating: Locator, level: string): Promise<void> {
  await rating.getByRole('radio', { name: level, exact: true }).click();
  await rating.getByRole('button', { name: 'Envoyer mon avis' }).click();
  const kept = rating.locator('[part="queued"]');
  await kept.waitFor({ timeout: 15_000 });
  assert.equal((await kept.innerText()).trim(), KEPT);
  assert.equal(await rating.getByRole('status').textContent(), KEPT);
  await rating.evaluate((element) => (element as HTMLElement & { reset(): void }).reset());
}

const LEVELS = ['Pas satisfait', 'Moyennement satisfait', 'Satisfait'];

describe('the rating outbox on the demo site, against the real backend', { timeout: 120_000 }, () => {
  test('10 ratings given offline are kept on the device, then stored exactly once each when the network returns', async (t) => {
    const page = await site.newPage(t);
    // networkidle: the outbox's chunk has come with the rating, before the network goes.
    await page.goto(`${SITE}/etat-civil.html`, { waitUntil: 'networkidle' });
    const rating = page.locator('civic-satisfaction-rating');
    await rating.getByRole('radio').first().waitFor();
    const before = storedRatings(site.databaseFile).length;
    const submitted: string[] = [];
    await page.exposeFunction('ratingSubmitted', (id: string) => submitted.push(id));
    await page.evaluate(() =>
      document.addEventListener('civic-rating-submitted', (event) =>
        (window as unknown as { ratingSubmitted(id: string): void }).ratingSubmitted((event as Event & { rating: { id: string } }).rating.id),
      ),
    );

    await page.context().setOffline(true);
    for (let i = 0; i < 10; i += 1) await rateAndKeep(rating, LEVELS[i % 3]!);
    const queued = await queuedIds(page);
    assert.equal(queued.length, 10, 'ten ratings in the outbox');
    assert.equal(new Set(queued).size, 10, 'each with its own id');
    assert.equal(storedRatings(site.databaseFile).length, before, 'nothing reached the server while offline');
    assert.deepEqual(submitted, [], 'nothing counted as stored yet');

    await page.context().setOffline(false);
    await until('rows stored', () => storedRatings(site.databaseFile).length, (count) => count >= before + 10);
    await until('ratings still queued', () => queuedIds(page), (ids) => ids.length === 0);
    // Nothing more arrives once the outbox is empty: exactly ten rows, none twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = storedRatings(site.databaseFile);
    assert.equal(rows.length, before + 10, 'exactly ten new rows');
    const newIds = rows.slice(before).map((row) => row.id);
    assert.deepEqual([...newIds].sort(), [...queued].sort(), 'the ten ratings given, each once');
    assert.deepEqual(
      rows.slice(before).map((row) => row.score),
      queued.map((_, i) => (i % 3) + 1),
      'sent in the order they were given',
    );
    assert.deepEqual([...submitted].sort(), [...queued].sort(), 'the page heard of each once it was stored');
  });

  test('ratings waiting when the page is left are sent by the page loaded next', async (t) => {
    const page = await site.newPage(t);
    await page.goto(`${SITE}/etat-civil.html`, { waitUntil: 'networkidle' });
    const rating = page.locator('civic-satisfaction-rating');
    await rating.getByRole('radio').first().waitFor();
    const before = storedRatings(site.databaseFile).length;

    // The ratings' POSTs fail as on a dead network; the page itself still loads.
    const cutOff = (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.abort('internetdisconnected');
    await page.route('**/v1/orgs/*/ratings', cutOff);
    for (const level of ['Satisfait', 'Pas satisfait', 'Moyennement satisfait']) await rateAndKeep(rating, level);
    const queued = await queuedIds(page);
    assert.equal(queued.length, 3);

    // Leave the page while they wait, let the network back, and open the page again.
    await page.goto('about:blank');
    await page.unroute('**/v1/orgs/*/ratings', cutOff);
    assert.equal(storedRatings(site.databaseFile).length, before, 'nothing stored before the reload');
    await page.goto(`${SITE}/etat-civil.html`);
    await until('rows stored after the reload', () => storedRatings(site.databaseFile).length, (count) => count >= before + 3);
    await until('ratings still queued', () => queuedIds(page), (ids) => ids.length === 0);
    const rows = storedRatings(site.databaseFile);
    assert.equal(rows.length, before + 3);
    assert.deepEqual(rows.slice(before).map((row) => row.id), queued, 'each once, in order');
  });
});
