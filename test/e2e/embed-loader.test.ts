// What the one-tag embed costs a visitor: only the code of the elements on the page, only requests
// to the page's own origin, nothing kept on the device before they act, and after a rating only
// the outbox's database, emptied once the server has acknowledged it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LOADER, lazyChunks } from '../support/cdn.mjs';
import { SITE, ratingSentBy, thanksOf, useSite } from './site.js';

const site = useSite();

/** Whatever a page could keep on the visitor's device. */
async function deviceStorage(page: Page) {
  const inPage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cacheStorage: await caches.keys(),
  }));
  // HttpOnly cookies are invisible to document.cookie; the context sees every cookie.
  return { ...inPage, cookies: (await page.context().cookies()).map((cookie) => cookie.name) };
}

const NOTHING_STORED = { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], cacheStorage: [], cookies: [] };

/** The submissions waiting in each IndexedDB database of the page, read without changing them. */
function queuedItems(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const counts: Record<string, number> = {};
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      counts[name!] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(db.objectStoreNames[0]!).objectStore(db.objectStoreNames[0]!).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
    }
    return counts;
  });
}

describe('the CDN loader on a page with one rating', { timeout: 60_000 }, () => {
  test('downloads the rating only, asks nothing of any other origin, and stores nothing', async (t) => {
    const chunks = lazyChunks();
    const ratingChunk = chunks.get('civic-satisfaction-rating');
    const providerChunk = chunks.get('civic-pulse-provider');
    assert.ok(ratingChunk && providerChunk, `the loader should offer both chunks: ${[...chunks.values()].join(', ')}`);

    const page = await site.newPage(t);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    // networkidle: any chunk the loader wanted would be asked for by now, so an absence means something.
    await page.goto(`${SITE}/etat-civil.html`, { waitUntil: 'networkidle' });
    const rating = page.locator('civic-satisfaction-rating');
    await rating.getByRole('radio').first().waitFor();

    const cdnFiles = requested.filter((url) => url.startsWith(`${SITE}/cdn/`)).map((url) => url.slice(`${SITE}/cdn/`.length));
    assert.ok(cdnFiles.includes(LOADER), `requested: ${cdnFiles.join(', ')}`);
    assert.ok(cdnFiles.includes(ratingChunk), `requested: ${cdnFiles.join(', ')}`);
    assert.ok(!cdnFiles.includes(providerChunk), `the provider's chunk was requested: ${cdnFiles.join(', ')}`);
    // A French page does not download the English catalog (rollup names its chunk after en.ts).
    assert.ok(!cdnFiles.some((file) => file.startsWith('en-')), `the English catalog was requested: ${cdnFiles.join(', ')}`);
    assert.deepEqual(requested.filter((url) => new URL(url).origin !== SITE), [], 'no request to another origin');
    assert.deepEqual(await deviceStorage(page), NOTHING_STORED, 'before the visitor acts');

    // After a rating, only the outbox's database, with nothing left in it once the server has
    // acknowledged the rating (the README says so); and still no request to anyone else.
    await rating.getByRole('radio', { name: 'Pas satisfait' }).click();
    await ratingSentBy(page, () => rating.getByRole('button', { name: 'Envoyer mon avis' }).click());
    await thanksOf(rating);
    assert.deepEqual(requested.filter((url) => new URL(url).origin !== SITE), [], 'no request to another origin');
    const outbox = `civic-pulse-outbox ${SITE} ville-exemple`;
    assert.deepEqual(await deviceStorage(page), { ...NOTHING_STORED, indexedDB: [outbox] }, 'after sending');
    assert.deepEqual(await queuedItems(page), { [outbox]: 0 }, 'the acknowledged rating is no longer queued');
  });
});
