// Bulk ratings for the aggregate benchmark, made by the database itself (a recursive CTE on
// SQLite, generate_series on PostgreSQL): a million rows in seconds, where a million requests would
// take an hour. The daily aggregate is then rebuilt from the ratings with the same GROUP BY the
// writes maintain incrementally, so the figures read are those of the rows stored.
import { sql } from 'kysely';

export const SERVICES = ['etat-civil', 'urbanisme', 'piscine', 'dechets'];
const CHANNELS = ['counter', 'phone', 'email', 'web', 'mail', 'social'];

// (better-sqlite3 binds a JS number as REAL: the cast keeps i an integer, and i / 365 a division
// of integers.) Rating i occurs on day i % 365 of 2025 at second i % 86400, for service (i / 365) % 4 and
// channel (i / 1460) % 6: every day, service and channel appear, as in a year of real use, and the
// year holds 365 × 4 × 6 = 8,760 daily rows once there are enough ratings. Score 1..5 on
// smileys-5, normalized 0..100.
const SQLITE_INSERT = (orgId, from, to) => sql`
  with recursive seq(i) as (select cast(${from} as integer) union all select i + 1 from seq where i < ${to - 1})
  insert into ratings (id, org_id, service, channel, source, scale, score, normalized, reasons, comment, kiosk_id,
                       occurred_at, received_at, body_hash)
  select printf('bench-%09d', i), ${orgId},
         json_extract(${JSON.stringify(SERVICES)}, '$[' || ((i / 365) % 4) || ']'),
         json_extract(${JSON.stringify(CHANNELS)}, '$[' || ((i / 1460) % 6) || ']'),
         'web', 'smileys-5', 1 + i % 5, (i % 5) * 25, '[]', null, null,
         strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i % 365) || ' days', '+' || (i % 86400) || ' seconds'),
         '2026-01-01T00:00:00.000Z', 'bench'
  from seq`;

const POSTGRES_INSERT = (orgId, from, to) => sql`
  insert into ratings (id, org_id, service, channel, source, scale, score, normalized, reasons, comment, kiosk_id,
                       occurred_at, received_at, body_hash)
  select 'bench-' || lpad(i::text, 9, '0'), ${orgId},
         (${SERVICES}::text[])[(i / 365) % 4 + 1],
         (${CHANNELS}::text[])[(i / 1460) % 6 + 1],
         'web', 'smileys-5', 1 + i % 5, (i % 5) * 25, '[]', null, null,
         to_char(timestamp '2025-01-01' + (i % 365) * interval '1 day' + (i % 86400) * interval '1 second',
                 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         '2026-01-01T00:00:00.000Z', 'bench'
  from generate_series(${from}::int, ${to - 1}::int) as i`;

/** Adds ratings number `from` to `to - 1` of the org, then brings its daily aggregate in line. */
export async function seedRatings(db, engine, orgId, from, to) {
  const insert = engine === 'sqlite' ? SQLITE_INSERT : POSTGRES_INSERT;
  await db.transaction().execute(async (trx) => {
    await insert(orgId, from, to).execute(trx);
    await trx.deleteFrom('rating_daily').where('org_id', '=', orgId).execute();
    await sql`
      insert into rating_daily (org_id, service, channel, day, count, sum_normalized)
      select org_id, service, channel, substr(occurred_at, 1, 10), count(*), sum(normalized)
      from ratings where org_id = ${orgId}
      group by org_id, service, channel, substr(occurred_at, 1, 10)`.execute(trx);
  });
  // What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) would have done by then: the
  // rows the rebuild replaced are reclaimed, and the planner knows the table sizes.
  await (engine === 'sqlite' ? sql`analyze` : sql`vacuum analyze`).execute(db);
}
