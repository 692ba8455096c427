// Sizes of the CDN embed: the loader and each element's chunk from disk, and what a browser really
// downloads from /cdn/ to show one rating, or the consultation poll, on the demo pages.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CDN_DIR, LOADER, lazyChunks } from '../../test/support/cdn.mjs';
import { launchChromium } from '../../test/support/playwright.mjs';

/**
 * Budgets, gzip, with 1 KB = 1000 B (the stricter reading): issue 2's loader and rating page, and
 * issue 4's poll, counted as everything its page downloads beyond the loader and Lit.
 */
export const BUDGETS = { loader: 3_000, page: 20_000, poll: 8_000 };

/** Lit's own chunk (rollup.config.mjs puts lit, lit-html, lit-element and reactive-element there). */
export const isLitChunk = (file) => /^lit-[A-Za-z0-9_-]{8}\.js$/.test(file);

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file's bytes. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** Sums sizes file by file: each file travels, and is compressed, on its own. */
export function total(sizes) {
  return sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

export function fileSizes() {
  const chunkSizes = (tag) => {
    const file = lazyChunk(tag);
    return { file, ...compressedSizes(readFileSync(`${CDN_DIR}${file}`)) };
  };
  return {
    loader: { file: LOADER, ...compressedSizes(readFileSync(`${CDN_DIR}${LOADER}`)) },
    ratingChunk: chunkSizes('civic-satisfaction-rating'),
    pollChunk: chunkSizes('civic-consultation-poll'),
  };
}

/**
 * A CDN file and the files it imports, statically, and through the dynamic imports whose file
 * `follow` accepts, each once: read from the built code, as the browser would fetch them.
 */
export function importGraph(file, follow = () => false, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, dynamic, name] of readFileSync(`${CDN_DIR}${file}`, 'utf8').matchAll(/(import\(\s*)?["']\.\/([^"']+\.js)["']/g)) {
    if (!dynamic || follow(name)) importGraph(name, follow, seen);
  }
  return seen;
}

/** The chunk the loader fetches for `tag`. */
export function lazyChunk(tag) {
  const file = lazyChunks().get(tag);
  if (!file) throw new Error(`the loader ${LOADER} imports no ${tag} chunk`);
  return file;
}

/** The sizes of `files` but the loader and Lit, file by file. */
export const beyondLoaderAndLit = (files) =>
  [...files].filter((name) => name !== LOADER && !isLitChunk(name)).map((name) => ({ file: name, ...compressedSizes(readFileSync(`${CDN_DIR}${name}`)) }));

/**
 * What the outbox adds to a page with a rating (issue 7), file by file: the chunks that the
 * outbox's lazy imports bring (`submission-outbox-…`, with the core outbox and idb in it) and
 * that showing the rating did not already bring. Fetched once the rating comes into view (so that
 * a rating given after the connection went is kept), or at start when an earlier page left items
 * waiting: not part of what showing the rating costs.
 */
export function outboxSizes() {
  const rating = lazyChunk('civic-satisfaction-rating');
  const shown = importGraph(rating);
  const withOutbox = importGraph(rating, (name) => name.startsWith('submission-outbox-'));
  const added = [...withOutbox].filter((name) => !shown.has(name));
  if (added.length === 0) throw new Error(`${rating} lazy-imports no submission-outbox chunk`);
  return added.map((file) => ({ file, ...compressedSizes(readFileSync(`${CDN_DIR}${file}`)) }));
}

/** The demo pages measured, and what shows that each one's element is ready. */
export const PAGES = {
  rating: { path: '/etat-civil.html', ready: (page) => page.locator('civic-satisfaction-rating').getByRole('radio').first() },
  poll: { path: '/place-du-marche.html', ready: (page) => page.locator('civic-consultation-poll').getByRole('heading').first() },
};

// The origin the demo pages name as their endpoint (`npm start`'s); the bench's backend listens on
// a port of its own, so the browser's requests to this origin are answered by it.
const SITE = 'http://localhost:8787';

/**
 * Opens a demo page in Chromium and keeps every /cdn/ answer's body until its element is ready
 * and the network is idle. Page, bundle and API all come from the backend, whose seed holds the
 * consultation the poll page names.
 */
export async function pageDownloads(backendUrl, { path, ready } = PAGES.rating) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(`${SITE}/**`, async (route) => {
      const { pathname, search } = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${backendUrl}${pathname}${search}` }) });
    });
    const bodies = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/cdn/')) bodies.push(response.body().then((body) => ({ file: url.pathname.slice('/cdn/'.length), body })));
    });
    await page.goto(`${SITE}${path}`, { waitUntil: 'networkidle' });
    await ready(page).waitFor({ timeout: 10_000 });
    const files = (await Promise.all(bodies)).map(({ file, body }) => ({ file, ...compressedSizes(body) }));
    if (files.length === 0) throw new Error(`${path} downloaded nothing from /cdn/`);
    return files;
  } finally {
    await browser.close();
  }
}
