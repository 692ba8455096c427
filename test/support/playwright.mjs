// Debian's Chromium driven by playwright-core, for the end-to-end tests and the benchmark.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

// Playwright passes its own --headless (from its `headless` option, on by default); a second,
// different --headless=new next to it would leave the mode to whichever Chromium reads last.
// Its other defaults that CHROMIUM_ARGS repeats (--no-sandbox, --no-first-run…) are plain
// switches, harmless twice.
export const PLAYWRIGHT_CHROMIUM_ARGS = Object.freeze(CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')));

/** Launches Chromium, headless, quiet and offline except for localhost; rejects (never throws) when there is none. */
export async function launchChromium() {
  return chromium.launch({ executablePath: findChromium(), args: [...PLAYWRIGHT_CHROMIUM_ARGS] });
}
