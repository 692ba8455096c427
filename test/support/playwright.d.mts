import type { Browser } from 'playwright-core';

/** CHROMIUM_ARGS without the --headless that Playwright adds itself. */
export const PLAYWRIGHT_CHROMIUM_ARGS: readonly string[];

/** Launches Debian's Chromium, headless, quiet and offline except for localhost. */
export function launchChromium(): Promise<Browser>;
