// What the CDN build holds, read from the built files themselves, so that tests and the benchmark
// follow the hashed chunk names of whatever build is there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** packages/widgets/dist/cdn, served by the backend at /cdn/. */
export const CDN_DIR = fileURLToPath(new URL('../../packages/widgets/dist/cdn/', import.meta.url));
export const LOADER = 'civic-pulse.js';

/**
 * The chunks the loader imports lazily, one per element, by tag: rollup names them
 * `[name]-[hash].js` after the element's module (`civic-satisfaction-rating-1a2B3c4D.js`). Read from
 * the loader rather than listed from the folder, where chunks of earlier `rollup -c` runs linger.
 */
export function lazyChunks() {
  const loader = readFileSync(`${CDN_DIR}${LOADER}`, 'utf8');
  const files = [...loader.matchAll(/import\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)].map((match) => match[1]);
  if (files.length === 0) throw new Error(`no lazy import() found in ${CDN_DIR}${LOADER}`);
  return new Map(files.map((file) => [file.replace(/-[A-Za-z0-9_-]{8}\.js$/, ''), file]));
}
