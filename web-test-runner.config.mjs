// Element tests in Debian's Chromium: TypeScript through esbuild, core from its source, and msw's
// service worker served where msw expects it.
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.mjs';

const mswWorker = new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url);

const coreFromSource = {
  name: 'core-from-source',
  resolveImport: ({ source }) => (source === '@civic-pulse/core' ? '/packages/core/src/index.ts' : undefined),
};

const serveMswWorker = async (context, next) => {
  if (context.path !== '/mockServiceWorker.js') return next();
  context.type = 'text/javascript';
  context.body = await readFile(mswWorker);
};

export default {
  files: ['packages/widgets/src/**/*.test.ts', 'packages/core/src/**/*.browser.test.ts'],
  nodeResolve: { browser: true },
  plugins: [
    coreFromSource,
    a11ySnapshotPlugin(), // esbuild reads the tsconfig raw, without following `extends`: give it the file with the decorator options.
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
  ],
  middleware: [serveMswWorker],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS } })],
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 120_000,
};
