// Ratings accepted per second by the running backend on SQLite, with autocannon, then a check
// that every acknowledged rating is in the file once the server has stopped.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';

export const LOAD = { connections: 10, duration: 10 };
/**
 * The kiosk id of the bench's ratings: the durability checks read only these rows, not the demo
 * ratings the server seeds into a fresh database (some thousands, for the barometer).
 */
export const BENCH_KIOSK = 'bench';
/** The query of the ids the bench wrote, on either engine. */
export const BENCH_RATINGS_SQL = `select id from ratings where kiosk_id = '${BENCH_KIOSK}'`;

/** A valid rating; a fresh id each time, since the id is the idempotency key. */
function aRating() {
  return {
    id: randomUUID(),
    service: 'etat-civil',
    channel: 'counter',
    source: 'kiosk',
    scale: 'smileys-5',
    score: 1 + Math.floor(Math.random() * 5),
    reasons: ['waiting-time'],
    kioskId: BENCH_KIOSK,
    occurredAt: new Date().toISOString(),
  };
}

/**
 * Posts ratings for LOAD.duration seconds. Keeps the ids sent and the ids acknowledged (2xx): at
 * the end of the run autocannon drops its connections with one request in flight on each, which
 * the server may well have stored; those are neither acknowledged nor lost.
 */
export async function postRatings(backendUrl) {
  const sent = new Set();
  const acknowledged = new Set();
  let answered = 0;
  const result = await autocannon({
    url: backendUrl,
    ...LOAD,
    requests: [
      {
        method: 'POST',
        path: '/v1/orgs/ville-exemple/ratings',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const rating = aRating();
          sent.add(rating.id);
          return { ...request, body: JSON.stringify(rating) };
        },
        onResponse: (status, body) => {
          answered += 1;
          if (status >= 200 && status < 300) acknowledged.add(JSON.parse(body).id);
        },
      },
    ],
  });
  if (result['2xx'] === 0) throw new Error(`no rating accepted: ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors`);
  return {
    requestsPerSecond: result.requests.average,
    acceptedPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    notOk: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sent,
    acknowledged,
    cutInFlight: sent.size - answered,
  };
}

/**
 * The bench's rows once the server has stopped, split into the acknowledged ones and the others
 * (which can only be requests cut in flight), with the acknowledged ids missing and the rows never
 * sent.
 */
export function splitStored(storedIds, { sent, acknowledged }) {
  const stored = new Set(storedIds);
  return {
    rows: stored.size,
    missing: [...acknowledged].filter((id) => !stored.has(id)).length,
    unacknowledged: [...stored].filter((id) => !acknowledged.has(id)).length,
    neverSent: [...stored].filter((id) => !sent.has(id)).length,
  };
}

/**
 * After the server stopped: splitStored() of the file's rows, and the journal mode, which the file
 * records (read by a plain connection that sets nothing).
 */
export function durability(databaseFile, load) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return { ...splitStored(db.prepare(BENCH_RATINGS_SQL).pluck().all(), load), journalMode: db.pragma('journal_mode', { simple: true }) };
  } finally {
    db.close();
  }
}

/**
 * synchronous and busy_timeout belong to each connection, not to the file: they are read from a
 * connection opened by the server's own code (dist/storage/sqlite.js), as the server opens its own.
 */
export async function connectionSettings(databaseFile, backendDir) {
  const { createSqliteDialect } = await import(`${backendDir}/dist/storage/sqlite.js`);
  const db = new Kysely({ dialect: createSqliteDialect(databaseFile) });
  try {
    const pragma = async (name) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0])[0];
    const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][await pragma('synchronous')];
    return { synchronous, busyTimeout: await pragma('busy_timeout') };
  } finally {
    await db.destroy();
  }
}
