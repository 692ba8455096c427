import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN, which takes the write
 * lock only at the first write: two processes on one file may then both read, and the later writer
 * fails with SQLITE_BUSY at once, busy_timeout or not. BEGIN IMMEDIATE takes the lock up front,
 * so a second writer waits its turn (kysely-org/kysely#1152 has no built-in option).
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite rolls back schema changes like any others, but Kysely's adapter says it cannot, so its
 * Migrator would run migrations outside a transaction and without a lock. Saying it can makes each
 * run one BEGIN IMMEDIATE transaction: a migration that fails leaves nothing half done, and a
 * second process starting on the same file waits, then finds the migrations applied.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateTransactionDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateTransactionDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

export function createSqliteDialect(file: string): SqliteDialect {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  // FULL syncs the WAL at every commit: an acknowledged vote survives a power cut, not only a crash.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new ImmediateTransactionDialect({ database });
}
