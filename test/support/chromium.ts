// TypeScript tests import this; the implementation lives once, in chromium.mjs, for the .mjs configs.
export { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
