// `npm run bench:barometer --workspace examples/reference-backend [-- --sizes 1000,1000000 --engines sqlite,postgres]`:
// the time of GET /v1/orgs/:org/barometer, the whole HTTP route through app.inject (query
// parsing, the four aggregate reads, core's barometerOf, the JSON and its ETag), at 1k and 1M
// ratings with a year of audits, on SQLite and PostgreSQL. p50 and p99 over 200 requests after a
// warm-up, and the same for a conditional request answered 304. Run from the sources (tsx), so it
// needs no build. Prints; exits non-zero when something could not be measured.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { onEachEngine } from './bench/engines.mjs';
import { SERVICES, seedRatings } from './bench/seed-ratings.mjs';
import { number, printTable } from './bench/table.mjs';

const { buildApp } = await import('../examples/reference-backend/src/app.ts');

const ORG = 'bench-ville';
const PERIOD = '2025';
const ADMIN_TOKEN = 'bench-admin-token';
const REQUESTS = 200;
const WARM_UP = 20;
const CHANNELS = ['counter', 'phone', 'email', 'web', 'mail', 'social'];

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,1000000' }, engines: { type: 'string', default: 'sqlite,postgres' } } });
const SIZES = values.sizes.split(',').map(Number);
const ENGINES = values.engines.split(',');

/** ~8 audits per channel per quarter of 2025 (192), as a mid-sized city commissions. */
function aYearOfAudits() {
  const audits = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    for (const [c, channel] of CHANNELS.entries()) {
      for (let n = 0; n < 8; n++) {
        const date = new Date(Date.UTC(2025, quarter * 3, 1 + n * 10)).toISOString().slice(0, 10);
        audits.push({ id: `bench-${quarter}-${channel}-${n}`, date, channel, service: SERVICES[n % SERVICES.length], criteriaMet: (n + c) % 7, criteriaTotal: 6 + (n % 2) });
      }
    }
  }
  return audits.map((audit) => ({ ...audit, criteriaMet: Math.min(audit.criteriaMet, audit.criteriaTotal) }));
}

function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p99: at(99) };
}

async function timeRequests(app, headers = {}) {
  const request = () => app.inject({ method: 'GET', url: `/v1/orgs/${ORG}/barometer?period=${PERIOD}`, headers });
  for (let i = 0; i < WARM_UP; i++) await request();
  const times = [];
  let last;
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    last = await request();
    times.push(performance.now() - start);
  }
  return { ...percentiles(times), last };
}

async function measure(engine, database) {
  const app = buildApp({ database, adminToken: ADMIN_TOKEN });
  await app.ready();
  const rows = [];
  try {
    await app.storage.orgs.create({ id: ORG, name: 'Bench', allowedOrigins: [], services: SERVICES.map((id) => ({ id, name: id })) });
    const imported = await app.inject({ method: 'POST', url: `/v1/admin/orgs/${ORG}/audits`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: aYearOfAudits() });
    if (imported.statusCode !== 201) throw new Error(`${engine}: the audits were not imported: ${imported.body}`);
    let seeded = 0;
    for (const size of SIZES) {
      const start = performance.now();
      await seedRatings(app.storage.db, engine, ORG, seeded, size);
      const seedSeconds = (performance.now() - start) / 1000;
      seeded = size;

      const full = await timeRequests(app);
      const body = full.last.json();
      if (full.last.statusCode !== 200 || body.responses !== size || body.audit.audits !== 192 || body.score === null) {
        throw new Error(`${engine} ${size}: unexpected answer ${full.last.statusCode} ${full.last.body.slice(0, 200)}`);
      }
      const conditional = await timeRequests(app, { 'if-none-match': full.last.headers.etag });
      if (conditional.last.statusCode !== 304) throw new Error(`${engine} ${size}: If-None-Match answered ${conditional.last.statusCode}`);
      const row = { engine, size, seedSeconds, full, conditional };
      console.log(
        `  ${engine} ${number(size)} ratings (seeded in ${number(seedSeconds, 1)} s): 200 p50 ${number(full.p50, 2)} ms, p99 ${number(full.p99, 2)} ms; ` +
          `304 p50 ${number(conditional.p50, 2)} ms, p99 ${number(conditional.p99, 2)} ms`,
      );
      rows.push(row);
    }
  } finally {
    await app.close();
  }
  return rows;
}

async function main() {
  console.log(`Civic Pulse barometer bench: Node ${process.version}, ${availableParallelism()} cores`);
  console.log(`GET /v1/orgs/${ORG}/barometer?period=${PERIOD} through app.inject, 192 audits, ${REQUESTS} requests after ${WARM_UP} of warm-up\n`);
  const rows = await onEachEngine('civic-pulse-bench-barometer-', measure, ENGINES);

  const table = [
    ['engine', 'ratings', 'seed s', '200 p50 ms', '200 p99 ms', '304 p50 ms', '304 p99 ms'],
    ...rows.map((row) => [
      row.engine,
      number(row.size),
      number(row.seedSeconds, 1),
      number(row.full.p50, 2),
      number(row.full.p99, 2),
      number(row.conditional.p50, 2),
      number(row.conditional.p99, 2),
    ]),
  ];
  console.log('\nSummary');
  printTable(table);
}

main().catch((error) => {
  console.error(`bench:barometer: could not measure: ${error.stack ?? error}`);
  process.exitCode = 1;
});
