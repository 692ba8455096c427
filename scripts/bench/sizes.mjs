// Sizes of the CDN embed: the loader and the rating chunk from disk, and what a browser really
// downloads from /cdn/ to show one rating on the demo page.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CDN_DIR, LOADER, lazyChunks } from '../../test/support/cdn.mjs';
import { launchChromium } from '../../test/support/playwright.mjs';

/** Budgets of issue 2, gzip, with 1 KB = 1000 B (the stricter reading). */
export const BUDGETS = { loader: 3_000, page: 20_000 };

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
  const ratingChunk = lazyChunks().get('civic-satisfaction-rating');
  if (!ratingChunk) throw new Error(`the loader ${LOADER} imports no civic-satisfaction-rating chunk`);
  return {
    loader: { file: LOADER, ...compressedSizes(readFileSync(`${CDN_DIR}${LOADER}`)) },
    ratingChunk: { file: ratingChunk, ...compressedSizes(readFileSync(`${CDN_DIR}${ratingChunk}`)) },
  };
}

/**
 * Opens the demo page in Chromium and keeps every /cdn/ answer's body until the rating shows its
 * levels and the network is idle. The page is served straight by the backend: showing the rating
 * calls no API, so the endpoint etat-civil.html names does not matter here.
 */
export async function pageDownloads(backendUrl) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bodies = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/cdn/')) bodies.push(response.body().then((body) => ({ file: url.pathname.slice('/cdn/'.length), body })));
    });
    await page.goto(`${backendUrl}/etat-civil.html`, { waitUntil: 'networkidle' });
    await page.locator('civic-satisfaction-rating').getByRole('radio').first().waitFor({ timeout: 10_000 });
    const files = (await Promise.all(bodies)).map(({ file, body }) => ({ file, ...compressedSizes(body) }));
    if (files.length === 0) throw new Error('the page downloaded nothing from /cdn/');
    return files;
  } finally {
    await browser.close();
  }
}
