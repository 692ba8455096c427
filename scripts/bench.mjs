// `npm run bench`: the figures of the closing notes. Sizes of the CDN embed (what a page really
// downloads to show one rating, or the consultation poll; what the agents' survey and the barometer badge need), then ratings accepted per second by the built backend on
// SQLite, and whether every acknowledged rating is in the file. Prints, asserts nothing, writes no
// file; exits non-zero only when something could not be measured.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKEND_DIR, SERVER_JS, startBackend } from '../test/support/backend.mjs';
import { CDN_DIR, LOADER } from '../test/support/cdn.mjs';
import { BUDGETS, PAGES, beyondLoaderAndLit, compressedSizes, fileSizes, importGraph, isLitChunk, lazyChunk, outboxSizes, pageDownloads, total } from './bench/sizes.mjs';
import { LOAD, connectionSettings, durability, postRatings } from './bench/throughput.mjs';
import { number } from './bench/table.mjs';

const sizeRow = (label, size) => `  ${label.padEnd(48)}${number(size.raw).padStart(9)}${number(size.gzip).padStart(9)}${number(size.brotli).padStart(9)}`;
const verdict = (bytes, budget) => `${number(bytes)} B of ${number(budget)} B: ${bytes <= budget ? 'OK' : 'OVER'}`;

// Issue 5: the agents' survey, its chunk against 10 KB gzip beyond the loader and Lit.
const SURVEY_BUDGET = 10_000;
// Issue 6: the barometer badge, its chunk against 6 KB gzip beyond the loader and Lit.
const BADGE_BUDGET = 6_000;

/**
 * The survey's weight, read from the build (no demo page holds a survey with a token to open):
 * its own chunk; what an agent answering downloads beyond the loader and Lit (the chunk, the
 * SDK's shared chunk, the poll's styles and question controls it reuses, its own matrix); and
 * what a manager's view downloads instead (the results view for the controls).
 */
function surveySizes() {
  const file = lazyChunk('civic-agent-survey');
  return {
    chunk: { file, ...compressedSizes(readFileSync(`${CDN_DIR}${file}`)) },
    toAnswer: beyondLoaderAndLit(importGraph(file, (name) => name.startsWith('survey-questions-'))),
    managerView: beyondLoaderAndLit(importGraph(file, (name) => name.startsWith('survey-results-'))),
  };
}

/**
 * The barometer badge's weight, read from the build: its own chunk, and what a French page showing
 * only the badge downloads beyond the loader and Lit (the chunk and the SDK's shared chunks it
 * imports; the English messages are fetched by English pages only).
 */
function badgeSizes() {
  const file = lazyChunk('civic-barometer-badge');
  return { chunk: { file, ...compressedSizes(readFileSync(`${CDN_DIR}${file}`)) }, page: beyondLoaderAndLit(importGraph(file)) };
}

function buildIfMissing() {
  if (existsSync(SERVER_JS) && existsSync(`${CDN_DIR}${LOADER}`)) return;
  console.log('dist is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
}

async function main() {
  buildIfMissing();
  const dir = mkdtempSync(join(tmpdir(), 'civic-pulse-bench-'));
  const databaseFile = join(dir, 'bench.db');
  let backend;
  try {
    backend = await startBackend({ databaseFile, adminToken: 'bench-admin-token' });
    console.log(`Civic Pulse bench: Node ${process.version}, ${availableParallelism()} cores, backend ${SERVER_JS} on ${backend.url}\n`);

    const { loader, ratingChunk, pollChunk } = fileSizes();
    const downloads = await pageDownloads(backend.url, PAGES.rating);
    const all = total(downloads);
    const pollDownloads = await pageDownloads(backend.url, PAGES.poll);
    // Three readings of the poll's weight beyond the loader and Lit: its own chunk (the element),
    // what a person answering downloads (plus the question controls and the SDK's shared chunk),
    // and the whole page (plus the ideas, which this consultation takes).
    const beyondLoaderAndLit = pollDownloads.filter(({ file }) => file !== LOADER && !isLitChunk(file));
    const pollToAnswer = total(beyondLoaderAndLit.filter(({ file }) => !file.startsWith('civic-consultation-ideas-')));
    const pollOwn = total(beyondLoaderAndLit);
    console.log(`Sizes in bytes (gzip level 9, brotli quality 11; budgets with 1 KB = 1000 B)\n  ${''.padEnd(48)}      raw     gzip   brotli`);
    console.log(sizeRow(`loader ${loader.file}`, loader));
    console.log(sizeRow(`rating chunk ${ratingChunk.file}`, ratingChunk));
    console.log('  /cdn/ files /etat-civil.html downloaded in Chromium to show one rating:');
    for (const file of downloads) console.log(sizeRow(`  ${file.file}`, file));
    console.log(sizeRow(`  all ${downloads.length} files`, all));
    console.log(`  budget, loader ≤ 3 KB gzip:     ${verdict(loader.gzip, BUDGETS.loader)}`);
    console.log(`  budget, all of it ≤ 20 KB gzip: ${verdict(all.gzip, BUDGETS.page)}`);
    const outbox = outboxSizes();
    const outboxAdded = total(outbox);
    console.log('  the outbox, added once the rating comes into view (not part of showing the rating):');
    for (const file of outbox) console.log(sizeRow(`  ${file.file}`, file));
    console.log(sizeRow(`  outbox added, ${outbox.length} file${outbox.length === 1 ? '' : 's'}`, outboxAdded));
    console.log(sizeRow(`poll chunk ${pollChunk.file}`, pollChunk));
    console.log('  /cdn/ files /place-du-marche.html downloaded in Chromium to show the poll:');
    for (const file of pollDownloads) console.log(sizeRow(`  ${file.file}`, file));
    console.log(sizeRow('  to answer: all but the loader, Lit and the ideas', pollToAnswer));
    console.log(sizeRow('  the whole page but the loader and Lit', pollOwn));
    console.log(`  budget, poll chunk ≤ 8 KB gzip: ${verdict(pollChunk.gzip, BUDGETS.poll)}`);
    console.log(`  the same budget read as everything the page needs beyond loader and Lit: ${verdict(pollToAnswer.gzip, BUDGETS.poll)} to answer, ${verdict(pollOwn.gzip, BUDGETS.poll)} with the ideas\n`);

    const survey = surveySizes();
    const surveyToAnswer = total(survey.toAnswer);
    const surveyManager = total(survey.managerView);
    console.log(sizeRow(`survey chunk ${survey.chunk.file}`, survey.chunk));
    console.log('  /cdn/ files an agent answering downloads beyond the loader and Lit (from the build\'s imports):');
    for (const file of survey.toAnswer) console.log(sizeRow(`  ${file.file}`, file));
    console.log(sizeRow('  to answer: all of these', surveyToAnswer));
    console.log(sizeRow('  manager\'s view: chunk, shared, results view', surveyManager));
    console.log(`  budget, survey chunk ≤ 10 KB gzip: ${verdict(survey.chunk.gzip, SURVEY_BUDGET)}`);
    console.log(`  the same budget read as everything answering needs beyond loader and Lit: ${verdict(surveyToAnswer.gzip, SURVEY_BUDGET)}\n`);

    const badge = badgeSizes();
    const badgePage = total(badge.page);
    console.log(sizeRow(`badge chunk ${badge.chunk.file}`, badge.chunk));
    console.log('  /cdn/ files a French page showing only the badge downloads beyond the loader and Lit (from the build\'s imports):');
    for (const file of badge.page) console.log(sizeRow(`  ${file.file}`, file));
    console.log(sizeRow('  all of these', badgePage));
    console.log(`  budget, badge chunk ≤ 6 KB gzip: ${verdict(badge.chunk.gzip, BADGE_BUDGET)}`);
    console.log(`  the same budget read as everything the badge's page needs beyond loader and Lit: ${verdict(badgePage.gzip, BADGE_BUDGET)}\n`);

    console.log(`Throughput: POST /v1/orgs/ville-exemple/ratings, ${LOAD.connections} connections, ${LOAD.duration} s, a fresh id per request`);
    const load = await postRatings(backend.url);
    console.log(`  ${number(load.requestsPerSecond)} requests/s, ${number(load.acceptedPerSecond)} accepted/s, latency p50 ${load.p50} ms, p99 ${load.p99} ms`);
    console.log(`  2xx ${number(load.ok)}, non-2xx ${number(load.notOk)}, connection errors ${load.errors} (timeouts ${load.timeouts})`);
    const exit = await backend.stop('SIGTERM');
    backend = undefined;
    const stored = durability(databaseFile, load);
    const settings = await connectionSettings(databaseFile, BACKEND_DIR);
    console.log(`  server stopped on SIGTERM, exit ${exit}; rows in the file: ${number(stored.rows)} = ${number(load.ok - stored.missing)} of the ${number(load.ok)} acknowledged (2xx) + ${stored.unacknowledged} of the ${load.cutInFlight} requests in flight when autocannon stopped`);
    console.log(`  acknowledged but missing: ${stored.missing}; rows never sent: ${stored.neverSent}`);
    console.log(`  SQLite: journal_mode=${stored.journalMode} (in the file), synchronous=${settings.synchronous}, busy_timeout=${settings.busyTimeout} ms (the server's connection)\n`);

    const rows = [
      ['loader, gzip / brotli', `${number(loader.gzip)} / ${number(loader.brotli)} B`, loader.gzip <= BUDGETS.loader ? 'OK ≤ 3 KB' : 'OVER 3 KB'],
      ['rating chunk, gzip / brotli', `${number(ratingChunk.gzip)} / ${number(ratingChunk.brotli)} B`, ''],
      [`page total (${downloads.length} files), gzip / brotli`, `${number(all.gzip)} / ${number(all.brotli)} B`, all.gzip <= BUDGETS.page ? 'OK ≤ 20 KB' : 'OVER 20 KB'],
      ['outbox added on first use, gzip / brotli', `${number(outboxAdded.gzip)} / ${number(outboxAdded.brotli)} B`, ''],
      ['poll chunk, gzip / brotli', `${number(pollChunk.gzip)} / ${number(pollChunk.brotli)} B`, pollChunk.gzip <= BUDGETS.poll ? 'OK ≤ 8 KB' : 'OVER 8 KB'],
      ['poll to answer, beyond loader and Lit', `${number(pollToAnswer.gzip)} / ${number(pollToAnswer.brotli)} B`, pollToAnswer.gzip <= BUDGETS.poll ? 'OK ≤ 8 KB' : 'over 8 KB'],
      ['poll page with ideas, beyond loader and Lit', `${number(pollOwn.gzip)} / ${number(pollOwn.brotli)} B`, pollOwn.gzip <= BUDGETS.poll ? 'OK ≤ 8 KB' : 'over 8 KB'],
      ['survey chunk, gzip / brotli', `${number(survey.chunk.gzip)} / ${number(survey.chunk.brotli)} B`, survey.chunk.gzip <= SURVEY_BUDGET ? 'OK ≤ 10 KB' : 'OVER 10 KB'],
      ['survey to answer, beyond loader and Lit', `${number(surveyToAnswer.gzip)} / ${number(surveyToAnswer.brotli)} B`, surveyToAnswer.gzip <= SURVEY_BUDGET ? 'OK ≤ 10 KB' : 'over 10 KB'],
      ['badge chunk, gzip / brotli', `${number(badge.chunk.gzip)} / ${number(badge.chunk.brotli)} B`, badge.chunk.gzip <= BADGE_BUDGET ? 'OK ≤ 6 KB' : 'OVER 6 KB'],
      ['badge page, beyond loader and Lit', `${number(badgePage.gzip)} / ${number(badgePage.brotli)} B`, badgePage.gzip <= BADGE_BUDGET ? 'OK ≤ 6 KB' : 'over 6 KB'],
      ['ratings accepted per second', number(load.acceptedPerSecond), ''],
      ['latency p50 / p99', `${load.p50} / ${load.p99} ms`, ''],
      ['2xx / non-2xx', `${number(load.ok)} / ${number(load.notOk)}`, ''],
      ['rows after SIGTERM', number(stored.rows), stored.missing === 0 ? `every 2xx stored, + ${stored.unacknowledged} cut in flight` : `${stored.missing} acknowledged MISSING`],
    ];
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    console.log('Summary');
    for (const [name, value, note] of rows) console.log(`  ${name.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${note}`);
  } finally {
    await backend?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench: could not measure: ${error.stack ?? error}`);
  process.exitCode = 1;
});
