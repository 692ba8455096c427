/** packages/widgets/dist/cdn, with a trailing slash. */
export const CDN_DIR: string;
/** The loader's file name, `civic-pulse.js`. */
export const LOADER: string;
/** The loader's lazy chunks by element tag, e.g. `civic-satisfaction-rating` → `civic-satisfaction-rating-1a2B3c4D.js`. */
export function lazyChunks(): Map<string, string>;
