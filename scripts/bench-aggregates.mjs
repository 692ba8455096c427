// `npm run bench:aggregates`: what the barometer's satisfaction read costs at 1k, 100k and 1M
// ratings, on SQLite and on PostgreSQL. The read is the storage layer's own
// (satisfaction.summarize over rating_daily, from the built backend); the same figures computed
// from the ratings table are timed beside it, to show what the aggregate saves. Prints, asserts
// only that both reads count every rating; exits non-zero when something could not be measured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onEachEngine } from './bench/engines.mjs';
import { SERVICES, seedRatings } from './bench/seed-ratings.mjs';
import { number, printTable } from './bench/table.mjs';

const BACKEND_DIST = fileURLToPath(new URL('../examples/reference-backend/dist/', import.meta.url));
const SIZES = [1_000, 100_000, 1_000_000];
const ORG = 'bench-ville';
const YEAR = { from: '2025-01-01', to: '2026-01-01' };
// Medians over several runs after a warm-up; the read from raw ratings is slow at 1M, so fewer.
const RUNS = { aggregate: 51, raw: 5 };

function buildIfMissing() {
  if (existsSync(join(BACKEND_DIST, 'storage', 'index.js'))) return;
  console.log('the backend is not built: npm run build');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
}

async function medianMs(runs, read) {
  await read();
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await read();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The same figures as summarize, computed from every rating of the period: what the aggregate avoids. */
function readFromRatings(db) {
  return db
    .selectFrom('ratings')
    .select((eb) => ['channel', 'service', eb.fn.countAll().as('responses'), eb.fn.sum('normalized').as('total')])
    .where('org_id', '=', ORG)
    .where('occurred_at', '>=', `${YEAR.from}T00:00:00.000Z`)
    .where('occurred_at', '<', `${YEAR.to}T00:00:00.000Z`)
    .groupBy(['channel', 'service'])
    .execute();
}

async function measure(engine, database) {
  const { openStorage } = await import(join(BACKEND_DIST, 'storage', 'index.js'));
  const storage = await openStorage(database);
  const rows = [];
  try {
    await storage.orgs.create({ id: ORG, name: 'Bench', allowedOrigins: [], services: SERVICES.map((id) => ({ id, name: id })) });
    let seeded = 0;
    for (const size of SIZES) {
      const start = performance.now();
      await seedRatings(storage.db, engine, ORG, seeded, size);
      const seedSeconds = (performance.now() - start) / 1000;
      seeded = size;

      const summary = await storage.satisfaction.summarize(ORG, YEAR);
      const raw = await readFromRatings(storage.db);
      const rawCount = raw.reduce((sum, row) => sum + Number(row.responses), 0);
      if (summary.responses !== size || rawCount !== size) throw new Error(`${engine}: counted ${summary.responses} and ${rawCount} of ${size}`);
      const daily = await storage.db.selectFrom('rating_daily').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();

      const row = {
        engine,
        size,
        dailyRows: Number(daily.n),
        seedSeconds,
        aggregateMs: await medianMs(RUNS.aggregate, () => storage.satisfaction.summarize(ORG, YEAR)),
        rawMs: await medianMs(RUNS.raw, () => readFromRatings(storage.db)),
      };
      console.log(`  ${engine} ${number(size)}: seeded in ${number(seedSeconds, 1)} s; read ${number(row.aggregateMs, 2)} ms from the aggregate, ${number(row.rawMs, 1)} ms from the ratings`);
      rows.push(row);
    }
  } finally {
    await storage.close();
  }
  return rows;
}

async function main() {
  buildIfMissing();
  console.log(`Civic Pulse aggregate bench: Node ${process.version}, ${availableParallelism()} cores`);
  console.log(`satisfaction.summarize(org, ${YEAR.from}..${YEAR.to}): count and mean per channel and per service, median of ${RUNS.aggregate} runs\n`);
  const rows = await onEachEngine('civic-pulse-bench-aggregates-', measure);

  const table = [
    ['engine', 'ratings', 'daily rows', 'seed s', 'aggregate read ms', `from ratings ms (median of ${RUNS.raw})`],
    ...rows.map((row) => [
      row.engine,
      number(row.size),
      number(row.dailyRows),
      number(row.seedSeconds, 1),
      number(row.aggregateMs, 2),
      number(row.rawMs, 1),
    ]),
  ];
  console.log('\nSummary');
  printTable(table);
}

main().catch((error) => {
  console.error(`bench:aggregates: could not measure: ${error.stack ?? error}`);
  process.exitCode = 1;
});
