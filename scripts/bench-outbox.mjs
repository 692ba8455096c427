// `npm run bench:outbox`: issue 7's figures for the outbox. Its added size (the chunks a page with a
// rating loads for it, gzip), and the time a page takes to flush 1,000 ratings queued offline, on
// SQLite and on PostgreSQL: the built backend, Chromium, the demo page and the CDN bundle's own
// element, through which each rating is given (level, send) while the browser is offline; then the
// network comes back, and the clock runs until the page has heard every rating acknowledged and
// the backend's database holds them all. Prints; asserts only that exactly 1,000 rows arrived;
// exits non-zero when something could not be measured.
import Database from 'better-sqlite3';
import pg from 'pg';
import { assertBuilt, startBackend } from '../test/support/backend.mjs';
import { launchChromium } from '../test/support/playwright.mjs';
import { onEachEngine } from './bench/engines.mjs';
import { outboxSizes, total } from './bench/sizes.mjs';
import { number, printTable } from './bench/table.mjs';

// BENCH_OUTBOX_RATINGS=20 makes a quick check of the script itself; the figures are for 1,000.
const RATINGS = Number(process.env.BENCH_OUTBOX_RATINGS || 1_000);
if (!Number.isInteger(RATINGS) || RATINGS < 1) throw new Error(`BENCH_OUTBOX_RATINGS must be a whole number from 1, got "${process.env.BENCH_OUTBOX_RATINGS}"`);
const FLUSH_TIMEOUT_MS = 300_000;
// The endpoint etat-civil.html names (`npm start`'s).
const PAGE_ENDPOINT = 'http://localhost:8787';

/** Counts the rows of `ratings` in the database, beside the running server. */
async function rowCounter(database) {
  if (database.kind === 'sqlite') {
    return {
      count: async () => {
        const db = new Database(database.file, { readonly: true, fileMustExist: true });
        try {
          return db.prepare('select count(*) as n from ratings').get().n;
        } finally {
          db.close();
        }
      },
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    count: async () => Number((await client.query('select count(*) as n from ratings')).rows[0].n),
    close: () => client.end(),
  };
}

/**
 * In the page: gives `count` ratings through the element, each as a click on a level and on the
 * send button, waiting each time until the element says the rating is kept on the device, then
 * clearing it for the next. Resolves with the milliseconds it took.
 */
function queueThroughTheElement(count) {
  return new Promise((resolve, reject) => {
    const element = document.querySelector('civic-satisfaction-rating');
    const root = element.shadowRoot;
    const started = performance.now();
    const settledAs = async (part) => {
      for (let waited = 0; !root.querySelector(`[part="${part}"]`); waited += 1) {
        if (waited > 10_000) throw new Error(`no [part="${part}"] after the send: ${root.querySelector('[role="status"]')?.textContent}`);
        await new Promise((next) => setTimeout(next, 0));
      }
    };
    (async () => {
      for (let i = 0; i < count; i += 1) {
        const levels = root.querySelectorAll('input[type="radio"]');
        levels[i % levels.length].click();
        await element.updateComplete;
        root.querySelector('[part~="submit"]').click();
        await settledAs('queued');
        element.reset();
        await element.updateComplete;
      }
      return performance.now() - started;
    })().then(resolve, reject);
  });
}

/**
 * In the page: starts a clock at the `online` event that stops when `count` ratings have been
 * acknowledged (`civic-rating-submitted`); `window.civicFlushed` resolves with its milliseconds.
 */
function startAcknowledgementClock(count) {
  window.civicFlushed = new Promise((resolve) => {
    let online;
    let acknowledged = 0;
    window.addEventListener('online', () => (online = performance.now()), { once: true });
    document.addEventListener('civic-rating-submitted', () => {
      acknowledged += 1;
      if (acknowledged === count) resolve(performance.now() - online);
    });
  });
}

async function measureFlush(engine, database, outboxFiles) {
  const backend = await startBackend({
    adminToken: 'bench-admin-token',
    ...(database.kind === 'sqlite' ? { databaseFile: database.file } : { databaseUrl: database.url }),
  });
  const browser = await launchChromium();
  const rows = await rowCounter(database);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page's endpoint becomes the backend's own origin, where the page is loaded from: the
    // browser then talks to the backend directly, with nothing in between to slow the flush.
    await page.route(`${backend.url}/etat-civil.html`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replaceAll(PAGE_ENDPOINT, backend.url) });
    });
    await page.goto(`${backend.url}/etat-civil.html`, { waitUntil: 'networkidle' });
    await page.locator('civic-satisfaction-rating').getByRole('radio').first().waitFor({ timeout: 10_000 });
    // Picking a level loads the outbox's chunks: fetched here, before the network goes (offline,
    // the element would fall back to sending directly, and fail).
    const outboxLoaded = Promise.all(outboxFiles.map((file) => page.waitForResponse((response) => response.url().endsWith(`/cdn/${file}`))));
    await page.locator('civic-satisfaction-rating').getByRole('radio').first().click();
    await outboxLoaded;
    const before = await rows.count();

    await context.setOffline(true);
    const queueMs = await page.evaluate(queueThroughTheElement, RATINGS);
    if ((await rows.count()) !== before) throw new Error('ratings reached the backend while offline');
    await page.evaluate(startAcknowledgementClock, RATINGS);
    const acknowledged = page.evaluate(() => window.civicFlushed);

    const online = performance.now();
    await context.setOffline(false);
    let timer;
    const flushMs = await Promise.race([
      acknowledged,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`not all acknowledged within ${FLUSH_TIMEOUT_MS} ms`)), FLUSH_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    let stored = await rows.count();
    while (stored < before + RATINGS && performance.now() - online < FLUSH_TIMEOUT_MS) {
      await new Promise((next) => setTimeout(next, 20));
      stored = await rows.count();
    }
    const storedMs = performance.now() - online;
    if (stored - before !== RATINGS) throw new Error(`${stored - before} rows arrived for ${RATINGS} ratings`);
    return [{ engine, queueMs, flushMs, storedMs, rows: stored - before }];
  } finally {
    await rows.close();
    await browser.close();
    await backend.stop();
  }
}

async function main() {
  assertBuilt();
  const outbox = outboxSizes();
  const added = total(outbox);
  console.log('The outbox, added to a page with a rating once the rating comes into view (bytes; gzip level 9, brotli quality 11)');
  printTable([
    ['file', 'raw', 'gzip', 'brotli'],
    ...outbox.map((file) => [file.file, number(file.raw), number(file.gzip), number(file.brotli)]),
    ['all of it', number(added.raw), number(added.gzip), number(added.brotli)],
  ]);

  console.log(`\nFlush: ${number(RATINGS)} ratings given offline through the demo page's element, then online (Chromium, built backend)`);
  const files = outbox.map(({ file }) => file);
  const results = await onEachEngine('civic-pulse-bench-outbox-', (engine, database) => measureFlush(engine, database, files));
  printTable([
    ['engine', 'queued offline in', 'all acknowledged after online', 'all rows stored', 'ratings/s', 'rows'],
    ...results.map(({ engine, queueMs, flushMs, storedMs, rows }) => [
      engine,
      `${number(queueMs / 1000, 1)} s`,
      `${number(flushMs / 1000, 2)} s`,
      `${number(storedMs / 1000, 2)} s`,
      number((RATINGS * 1000) / flushMs),
      number(rows),
    ]),
  ]);
}

main().catch((error) => {
  console.error(`bench:outbox: could not measure: ${error.stack ?? error}`);
  process.exitCode = 1;
});
