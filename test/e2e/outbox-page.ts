// What the outbox's fault tests (outbox-*.test.ts) share: the demo page with its inline rating, a
// person giving ratings through it, what the page and its outbox hold, and the check that the
// backend stored exactly the ratings given, each once.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { SITE, type Site } from './site.js';

/** The outbox of etat-civil.html's rating: named after its endpoint and org. */
const OUTBOX = `civic-pulse-outbox ${SITE} ville-exemple`;
export const KEPT = 'Votre avis est enregistré sur cet appareil et sera envoyé dès que la connexion reviendra.';
export const LEVELS = ['Pas satisfait', 'Moyennement satisfait', 'Satisfait'] as const;

interface Heard {
  given: string[];
  stored: string[];
  refused: string[];
}
type HeardWindow = Window & { civicHeard: Heard };

/**
 * etat-civil.html in a new context, its rating ready to be used. The page records, from the
 * element's events, the ids of the ratings given (`civic-rating-submit`), stored
 * (`civic-rating-submitted`) and refused (`civic-rating-error`), afresh at each load.
 */
export async function openRatingPage(site: Site, t: TestContext): Promise<{ page: Page; rating: Locator }> {
  const page = await site.newPage(t);
  // No named function inside: tsx would wrap it in a helper (`__name`) that the page does not have.
  await page.addInitScript(() => {
    const heard: Heard = { given: [], stored: [], refused: [] };
    (window as unknown as HeardWindow).civicHeard = heard;
    for (const [type, list] of [
      ['civic-rating-submit', heard.given],
      ['civic-rating-submitted', heard.stored],
      ['civic-rating-error', heard.refused],
    ] as const) {
      document.addEventListener(type, (event) => list.push((event as Event & { rating?: { id: string } }).rating?.id ?? 'none'));
    }
  });
  // networkidle: the outbox's chunk has come with the rating, before a test cuts the network.
  await page.goto(`${SITE}/etat-civil.html`, { waitUntil: 'networkidle' });
  const rating = page.locator('civic-satisfaction-rating');
  await rating.getByRole('radio').first().waitFor();
  return { page, rating };
}

/** Whether the page has fetched the outbox's chunk (the CDN's `submission-outbox-<hash>.js`). */
export function outboxCodeFetched(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/submission-outbox-[^/]+\.js$/.test(entry.name)));
}

/** What the page heard since it was loaded. */
export function heard(page: Page): Promise<Heard> {
  return page.evaluate(() => (window as unknown as HeardWindow).civicHeard);
}

/**
 * Gives one rating as a keyboard user does (Space on a level, Enter on the send button: a third of
 * the time of mouse clicks, for bursts of hundreds) and waits until the element has settled it:
 * thanked (`sent`, the server acknowledged it) or said it is kept on the device (`kept`), with what
 * its live region announces. Then clears it for the next person, as a kiosk does.
 */
export async function giveRating(rating: Locator, level: string): Promise<{ outcome: 'sent' | 'kept'; text: string }> {
  await rating.getByRole('radio', { name: level, exact: true }).press('Space');
  await rating.getByRole('button', { name: 'Envoyer mon avis' }).press('Enter');
  await rating.locator('[part="thanks"], [part="queued"]').waitFor({ timeout: 15_000 });
  return rating.evaluate((element: HTMLElement & { reset(): void }) => {
    const settled = element.shadowRoot!.querySelector('[part="thanks"], [part="queued"]')!;
    const outcome = settled.getAttribute('part') === 'thanks' ? ('sent' as const) : ('kept' as const);
    const text = element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
    element.reset();
    return { outcome, text };
  });
}

/** An entry waiting in the page's outbox, as stored. */
export interface QueuedEntry {
  key: string;
  kind: string;
  /** Marked before a first try, for the kinds whose server cannot tell a retry (survey responses). */
  tried: boolean;
  payload: Record<string, unknown>;
}

/** The entries waiting in the page's outbox, oldest first, read without changing it. */
export function queuedEntries(page: Page): Promise<QueuedEntry[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<QueuedEntry[]>((resolve, reject) => {
        const request = db.transaction('entries').objectStore('entries').getAll();
        request.onsuccess = () =>
          resolve((request.result as QueuedEntry[]).map(({ key, kind, tried, payload }) => ({ key, kind, tried: tried === true, payload })));
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, OUTBOX);
}

/** The ids of the ratings waiting in the page's outbox, oldest first. */
export async function queuedIds(page: Page): Promise<string[]> {
  return (await queuedEntries(page)).map((entry) => entry.payload.id as string);
}

/** Reads until `done` holds, every 100 ms; fails with the last value after `timeoutMs`. */
export async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The rows of `ratings`, and the ratings `rating_daily` counts (what the barometer reads), in the backend's database. */
export interface RatingCounts {
  rows: number;
  counted: number;
}

export async function ratingCounts(site: Site): Promise<RatingCounts> {
  const [ratings] = await site.query<{ n: number }>('select cast(count(*) as integer) as n from ratings');
  const [daily] = await site.query<{ n: number | null }>('select cast(sum(count) as integer) as n from rating_daily');
  return { rows: Number(ratings!.n), counted: Number(daily!.n ?? 0) };
}

/**
 * Waits until the page's outbox is empty and the backend holds as many new ratings as `given`,
 * then checks that they are exactly the ratings given: no more rows, each id once, counted once
 * in the daily totals, and received in the order they were given (the outbox sends oldest first).
 */
export async function assertStoredExactly(site: Site, page: Page, before: RatingCounts, given: readonly string[]): Promise<void> {
  await until('ratings still queued on the device', () => queuedIds(page), (ids) => ids.length === 0, 60_000);
  // The outbox removes an item once acknowledged, and an acknowledged rating is committed: nothing
  // is on its way any more, the rows are final.
  const after = await ratingCounts(site);
  assert.equal(after.rows - before.rows, given.length, `exactly ${given.length} new rows`);
  assert.equal(after.counted - before.counted, given.length, `the daily totals count ${given.length} more ratings, none twice`);
  const placeholders = given.map(() => '?').join(', ');
  const rows = await site.query<{ id: string; received_at: string }>(`select id, received_at from ratings where id in (${placeholders})`, ...given);
  const receivedAt = new Map(rows.map((row) => [row.id, row.received_at]));
  assert.equal(receivedAt.size, given.length, 'every rating given is stored');
  const outOfOrder = given.slice(1).filter((id, i) => receivedAt.get(id)! < receivedAt.get(given[i]!)!);
  assert.deepEqual(outOfOrder, [], 'received in the order they were given');
}
