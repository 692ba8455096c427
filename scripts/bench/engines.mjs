// Where a bench measures: SQLite in a file of a temporary folder, PostgreSQL in a schema of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema } from '../../test/support/postgres-schema.mjs';

/**
 * Runs `measure(engine, database)` on each of `engines`, with a DatabaseConfig of a fresh database
 * (a file under a temporary folder named from `prefix`, a schema), both removed afterwards; answers
 * the rows of all, in that order.
 */
export async function onEachEngine(prefix, measure, engines = ['sqlite', 'postgres']) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const rows = [];
  try {
    if (engines.includes('sqlite')) rows.push(...(await measure('sqlite', { kind: 'sqlite', file: join(dir, 'bench.db') })));
    if (engines.includes('postgres')) {
      const postgres = await createSchema();
      try {
        rows.push(...(await measure('postgres', { kind: 'postgres', url: postgres.url })));
      } finally {
        await postgres.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
