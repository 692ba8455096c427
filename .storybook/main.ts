import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const require = createRequire(import.meta.url);
const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  // Otherwise every build and dev start tries to reach Storybook's servers, which CI cannot.
  core: { disableTelemetry: true },
  // msw's worker straight from the installed msw: its version always matches the library's,
  // with no generated copy in the repository to keep in sync.
  staticDirs: [{ from: require.resolve('msw/mockServiceWorker.js'), to: '/mockServiceWorker.js' }],
  viteFinal: (vite) =>
    mergeConfig(vite, {
      // Stories run on core's source, so they need no build first and see a change at once.
      resolve: { alias: { '@civic-pulse/core': fromRoot('packages/core/src/index.ts') } },
      // Storybook's web-components renderer imports this one lit module, which the dev server would
      // otherwise serve raw beside the pre-bundled lit: a second lit-html ("Multiple versions of Lit").
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      // Vite 8 compiles TypeScript with Oxc, not esbuild (`esbuild.tsconfigRaw` is ignored). Oxc
      // takes these from the nearest tsconfig.json when one extends tsconfig.base.json; stated here
      // so that no file can slip through with standard decorators, which Chromium rejects, or with
      // [[Define]] class fields, which shadow Lit's reactive accessors. Together the three mean
      // `experimentalDecorators: true, useDefineForClassFields: false`.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
    }),
};

export default config;
