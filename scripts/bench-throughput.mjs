// `npm run bench:throughput`: ratings accepted per second by the built backend (dist/server.js, as
// `npm start` runs it) on SQLite, on PostgreSQL with one instance, and on PostgreSQL with two
// instances behind a round-robin proxy. The load is scripts/bench/throughput.mjs's, shared with
// `npm run bench`: autocannon posting valid ratings, a fresh id each. After each run the servers
// are stopped and the stored rows are checked against the acknowledged (2xx) ids. Prints; exits
// non-zero when something could not be measured or an acknowledged rating is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_JS, startBackend } from '../test/support/backend.mjs';
import { createSchema } from '../test/support/postgres-schema.mjs';
import { startRoundRobinProxy } from './bench/round-robin-proxy.mjs';
import { BENCH_RATINGS_SQL, LOAD, durability, postRatings, splitStored } from './bench/throughput.mjs';
import { number, printTable } from './bench/table.mjs';

const ADMIN_TOKEN = 'bench-admin-token';

function buildIfMissing() {
  if (existsSync(SERVER_JS)) return;
  console.log('dist is missing: npm run build');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
}

/** The same check as durability() on SQLite, on the rows of a PostgreSQL schema. */
async function postgresDurability(url, load) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return splitStored((await client.query(BENCH_RATINGS_SQL)).rows.map((row) => row.id), load);
  } finally {
    await client.end();
  }
}

/** Starts `count` servers on one database; `startBackend` wants a file, DATABASE_URL in env overrides it. */
function startServers(count, databaseUrl, databaseFile) {
  return Promise.all(
    Array.from({ length: count }, () => startBackend({ databaseFile, adminToken: ADMIN_TOKEN, env: { DATABASE_URL: databaseUrl } })),
  );
}

async function run(label, start, check) {
  console.log(`${label}: ${LOAD.connections} connections, ${LOAD.duration} s`);
  const { servers, url, close } = await start();
  let load;
  try {
    load = await postRatings(url);
  } finally {
    await close?.();
    for (const server of servers) await server.stop('SIGTERM');
  }
  const stored = await check(load);
  const result = { label, ...load, ...stored };
  console.log(`  ${number(load.requestsPerSecond)} requests/s, p50 ${load.p50} ms, p99 ${load.p99} ms; 2xx ${number(load.ok)}, non-2xx ${number(load.notOk)}, errors ${load.errors}`);
  console.log(`  rows ${number(stored.rows)} = ${number(load.ok - stored.missing)} acknowledged + ${stored.unacknowledged} cut in flight; acknowledged but missing: ${stored.missing}; never sent: ${stored.neverSent}\n`);
  return result;
}

async function main() {
  buildIfMissing();
  console.log(`Civic Pulse throughput bench: Node ${process.version}, ${availableParallelism()} cores; POST /v1/orgs/ville-exemple/ratings\n`);
  const dir = mkdtempSync(join(tmpdir(), 'civic-pulse-bench-throughput-'));
  const results = [];
  try {
    const file = join(dir, 'bench.db');
    results.push(
      await run(
        'SQLite, one instance',
        async () => {
          const servers = await startServers(1, `file:${file}`, file);
          return { servers, url: servers[0].url };
        },
        (load) => durability(file, load),
      ),
    );
    for (const instances of [1, 2]) {
      const schema = await createSchema();
      try {
        results.push(
          await run(
            instances === 1 ? 'PostgreSQL, one instance' : 'PostgreSQL, two instances behind a round-robin proxy',
            async () => {
              const servers = await startServers(instances, schema.url, file);
              if (instances === 1) return { servers, url: servers[0].url };
              const proxy = await startRoundRobinProxy(servers.map((server) => server.url));
              return { servers, url: proxy.url, close: proxy.close };
            },
            (load) => postgresDurability(schema.url, load),
          ),
        );
      } finally {
        await schema.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('Summary');
  const table = [
    ['setup', 'requests/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'rows', 'acknowledged missing'],
    ...results.map((r) => [r.label, number(r.requestsPerSecond), String(r.p50), String(r.p99), number(r.ok), number(r.notOk), number(r.rows), String(r.missing)]),
  ];
  printTable(table);
  if (results.some((result) => result.missing > 0)) {
    console.error('bench:throughput: an acknowledged rating is missing');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench:throughput: could not measure: ${error.stack ?? error}`);
  process.exitCode = 1;
});
