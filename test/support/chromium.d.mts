/** The Chromium to launch: `CHROME_PATH`, else the first usual install path that exists; throws how to install one. */
export function findChromium(): string;
/** Quiet, offline launch flags for Debian's Chromium. */
export const CHROMIUM_ARGS: readonly string[];
