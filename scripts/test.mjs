// What `npm test` runs: the build, the node:test suites, the browser tests. Each runner's output
// streams live; the last line is `N passed, N failed` alone, the line CI reads. Exits non-zero
// when the build or a runner fails, a test fails, or nothing ran at all.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node 20's --test takes no globs: these folders are searched for *.test.ts instead. A folder
// that is missing or holds no tests yet (test/e2e) is fine; no test in any of them is not.
// `*.browser.test.ts` need a browser (IndexedDB): web-test-runner runs them, not node.
const NODE_TEST_DIRS = ['packages/core/src', 'examples/reference-backend/test', 'test/e2e'];
const WTR_CONFIG = 'web-test-runner.config.mjs';

/** Runs a command with its output on our terminal; `capture` also keeps stdout, to read counts. */
function run(command, args, { capture = false } = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, output: String(error) }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts') && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The last value of `# name N` in TAP output: the summary comes last. */
const tapCount = (tap, name) => Number([...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);

async function nodeTests() {
  const files = NODE_TEST_DIRS.flatMap(testFiles);
  if (files.length === 0) return { ok: true, passed: 0, failed: 0, note: `no *.test.ts in ${NODE_TEST_DIRS.join(', ')}` };
  // A second reporter writes TAP to a file, whose summary is read rather than the human output.
  // --test-timeout also bounds each file's process, so a file that leaves a handle open fails
  // instead of hanging CI (--test-force-exit would do it too, but cuts the TAP summary short).
  const dir = mkdtempSync(join(tmpdir(), 'civic-pulse-test-'));
  const tapFile = join(dir, 'node-test.tap');
  const { ok } = await run(process.execPath, [
    // Core is read from its source, so a change there is tested without rebuilding its dist.
    '--conditions=civic-pulse-source',
    '--import', 'tsx', '--test', '--test-timeout=300000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  // Skipped tests (PostgreSQL suites on a machine without it) are named in the output above; the
  // count here keeps them from going unnoticed.
  const skipped = tapCount(tap, 'skipped');
  return {
    ok,
    passed: tapCount(tap, 'pass'),
    failed: tapCount(tap, 'fail') + tapCount(tap, 'cancelled'),
    note: skipped > 0 ? `${skipped} SKIPPED (see "# SKIP" above)` : undefined,
  };
}

async function browserTests() {
  const { ok, output } = await run('npx', ['web-test-runner', '--config', WTR_CONFIG], { capture: true });
  // Each browser's progress line ends `| N passed, N failed[, N skipped]`; its last one is final.
  const last = new Map();
  for (const [, browser, passed, failed] of output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/^(\S+):.*\| (\d+) passed, (\d+) failed/gm)) {
    last.set(browser, { passed: Number(passed), failed: Number(failed) });
  }
  const counts = [...last.values()];
  return { ok, passed: counts.reduce((sum, c) => sum + c.passed, 0), failed: counts.reduce((sum, c) => sum + c.failed, 0) };
}

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const lines = [];
let passed = 0;
let failed = 0;

/** Runs one step and adds its counts; a step that fails or runs nothing adds one failure of its own. */
async function step(name, body) {
  const since = Date.now();
  const result = await body();
  let problem = '';
  if (!result.ok && result.failed === 0) problem = ': the runner itself failed';
  if (result.ok && result.passed + result.failed === 0) problem = ': no test ran';
  passed += result.passed;
  failed += result.failed + (problem ? 1 : 0);
  const note = result.note ? `, ${result.note}` : '';
  const counts = result.check ? (result.ok ? 'ok' : 'FAILED') : `${result.passed} passed, ${result.failed} failed${problem}`;
  lines.push(`${name}: ${counts}${note} (${seconds(since)})`);
  return result;
}

// The build counts as one check; when it fails the tests are not run, their failures would only repeat it.
const build = await step('build', async () => {
  const { ok } = await run('npm', ['run', 'build']);
  return { ok, check: true, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
});
if (build.ok) {
  await step('node:test', nodeTests);
  await step('web-test-runner', browserTests);
}

console.log(`\n── summary (${seconds(started)})\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
