// One config, three outputs (STYLE.md, "Build"):
// - the npm builds of @civic-pulse/core and @civic-pulse/widgets: ESM, one file per module,
//   declarations, every dependency external so the user's bundler dedupes Lit and zod;
// - the CDN build: the one-tag embed, everything bundled and minified, a small loader that
//   lazy-loads one chunk per element.
import { fileURLToPath } from 'node:url';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
const corePackage = `${packagesDir}core/`;
const LIT_MODULE = /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//;
const isExternal = (id) => /^(node:|lit|@lit\/|@lit-labs\/|@civic-pulse\/|zod($|\/)|idb$|tslib$|uqr$)/.test(id);

// Inside the CDN bundle, core is compiled from its source like the rest, not taken from its dist,
// and is as free of side effects as its package.json says, so the loader keeps none of its schemas.
const coreFromSource = {
  name: 'core-from-source',
  resolveId: (id) =>
    id === '@civic-pulse/core' ? { id: `${corePackage}src/index.ts`, moduleSideEffects: false } : null,
  transform: (_code, id) => (id.startsWith(`${corePackage}src/`) ? { code: null, moduleSideEffects: false } : null),
};

const npmBuild = (pkg, input) => ({
  input,
  external: isExternal,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
    sourcemap: true,
  },
  plugins: [typescript({ tsconfig: `packages/${pkg}/tsconfig.json`, outputToFilesystem: true })],
});

export default [
  npmBuild('core', {
    index: 'packages/core/src/index.ts',
    // The adapter contract suite, published for third-party adapters; it runs under node:test.
    'testing/adapter-contract': 'packages/core/src/testing/adapter-contract.ts',
  }),
  npmBuild('widgets', {
    index: 'packages/widgets/src/index.ts',
    'satisfaction-rating/civic-satisfaction-rating': 'packages/widgets/src/satisfaction-rating/civic-satisfaction-rating.ts',
    'consultation-poll/civic-consultation-poll': 'packages/widgets/src/consultation-poll/civic-consultation-poll.ts',
    'agent-survey/civic-agent-survey': 'packages/widgets/src/agent-survey/civic-agent-survey.ts',
    'barometer-badge/civic-barometer-badge': 'packages/widgets/src/barometer-badge/civic-barometer-badge.ts',
    'provider/civic-pulse-provider': 'packages/widgets/src/provider/civic-pulse-provider.ts',
  }),
  {
    input: { 'civic-pulse': 'packages/widgets/src/embed.ts' },
    // zod is parsed on the way (core's index names it) then dropped; its own quirks are not ours to fix.
    onwarn(warning, warn) {
      const ids = [warning.id, ...(warning.ids ?? [])].filter(Boolean);
      if (ids.length > 0 && ids.every((id) => id.includes('/node_modules/zod/'))) return;
      warn(warning);
    },
    output: {
      dir: 'packages/widgets/dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      // Lit in a chunk of its own: every element shares it, a browser caches it once, and each
      // element's own weight reads apart from it (the budgets are "beyond the loader and Lit").
      manualChunks: (id) => (LIT_MODULE.test(id) ? 'lit' : undefined),
      sourcemap: true,
    },
    plugins: [
      coreFromSource,
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      // This tsconfig takes core's source into the program, so it is bundled from source too.
      typescript({ tsconfig: 'packages/widgets/tsconfig.cdn.json', filterRoot: packagesDir }),
      // Terser leaves the insides of html`` and css`` alone: Lit's own plugin minifies them.
      minifyHtmlLiterals({ failOnError: true }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
];
