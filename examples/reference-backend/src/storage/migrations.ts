import { Migrator, PostgresAdapter, sql, SqliteAdapter, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';

// Migrations live in code, not in files read at run time, so the compiled server carries them
// wherever it is copied. Names sort in the order they apply; never edit one that has shipped.
// Column types stay within what SQLite and PostgreSQL both understand (text, integer).
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-orgs-and-ratings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('allowed_origins', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('services')
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id').onDelete('cascade'))
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('services_pk', ['org_id', 'id'])
        .execute();

      await db.schema
        .createTable('ratings')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('service', 'text', (column) => column.notNull())
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('scale', 'text', (column) => column.notNull())
        .addColumn('score', 'integer', (column) => column.notNull())
        .addColumn('normalized', 'integer', (column) => column.notNull())
        .addColumn('reasons', 'text', (column) => column.notNull())
        .addColumn('comment', 'text')
        .addColumn('kiosk_id', 'text')
        .addColumn('occurred_at', 'text', (column) => column.notNull())
        .addColumn('received_at', 'text', (column) => column.notNull())
        .addColumn('body_hash', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('ratings_org_occurred').on('ratings').columns(['org_id', 'occurred_at']).execute();

      await db.schema
        .createTable('rating_daily')
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('service', 'text', (column) => column.notNull())
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('count', 'integer', (column) => column.notNull())
        .addColumn('sum_normalized', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('rating_daily_pk', ['org_id', 'service', 'channel', 'day'])
        .execute();
    },
  },
  // The barometer reads a period of days for one org: without this index it would read every day
  // the org has ever had (the primary key puts service and channel before day).
  '0002-rating-daily-by-day': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('rating_daily_org_day').on('rating_daily').columns(['org_id', 'day']).execute();
    },
  },
  // A consultation keeps its definition as JSON (it is read whole, never queried inside); the dates
  // and the org are columns because the routes filter on them. `revision` changes with each PUT, so a
  // response validated against the previous definition is not counted against the new one.
  '0003-consultations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('consultations')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('definition', 'text', (column) => column.notNull())
        .addColumn('opens_at', 'text', (column) => column.notNull())
        .addColumn('closes_at', 'text', (column) => column.notNull())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .addColumn('responses', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();

      // The unique constraint is what makes "one answer per participant" hold under concurrency.
      await db.schema
        .createTable('consultation_responses')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('consultation_id', 'text', (column) => column.notNull().references('consultations.id'))
        .addColumn('participant', 'text', (column) => column.notNull())
        .addColumn('answers', 'text', (column) => column.notNull())
        .addColumn('received_at', 'text', (column) => column.notNull())
        .addColumn('body_hash', 'text', (column) => column.notNull())
        .addUniqueConstraint('consultation_responses_one_per_participant', ['consultation_id', 'participant'])
        .execute();

      await db.schema
        .createTable('consultation_tallies')
        .addColumn('consultation_id', 'text', (column) => column.notNull().references('consultations.id'))
        .addColumn('question_id', 'text', (column) => column.notNull())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('count', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('consultation_tallies_pk', ['consultation_id', 'question_id', 'key'])
        .execute();
    },
  },
  // Citizens' ideas. `supports` is kept on write, in the support's transaction; the primary key of
  // consultation_idea_supports is what makes "one support per participant" hold under concurrency.
  '0004-ideas': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('consultation_ideas')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('consultation_id', 'text', (column) => column.notNull().references('consultations.id'))
        .addColumn('participant', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('rejection_reason', 'text')
        .addColumn('supports', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('moderated_at', 'text')
        .addColumn('body_hash', 'text', (column) => column.notNull())
        .execute();
      // The public list (published, by supports) and a participant's own ideas (the per-participant limit).
      await db.schema.createIndex('consultation_ideas_by_status').on('consultation_ideas').columns(['consultation_id', 'status', 'supports']).execute();
      await db.schema.createIndex('consultation_ideas_by_participant').on('consultation_ideas').columns(['consultation_id', 'participant']).execute();

      await db.schema
        .createTable('consultation_idea_supports')
        .addColumn('idea_id', 'text', (column) => column.notNull().references('consultation_ideas.id'))
        .addColumn('participant', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('consultation_idea_supports_one_per_participant', ['idea_id', 'participant'])
        .execute();
    },
  },
  // Agents' surveys. An invitation is kept as the sha-256 of its token and a used flag, nothing
  // else: no time, no link to the response. A response row has no token, no participant, no time
  // finer than the day, and a random id (never the client's, which logs could link). On SQLite the
  // response table has no rowid, so rows are stored in the order of their random ids, not of arrival.
  '0005-surveys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('surveys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('definition', 'text', (column) => column.notNull())
        .addColumn('opens_at', 'text', (column) => column.notNull())
        .addColumn('closes_at', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('survey_invitations')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('survey_id', 'text', (column) => column.notNull().references('surveys.id'))
        .addColumn('used', 'integer', (column) => column.notNull())
        .execute();

      const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      await db.schema
        .createTable('survey_responses')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('survey_id', 'text', (column) => column.notNull().references('surveys.id'))
        .addColumn('answers', 'text', (column) => column.notNull())
        .addColumn('received_day', 'text', (column) => column.notNull())
        .$call((builder) => (isSqlite ? builder.modifyEnd(sql`without rowid`) : builder))
        .execute();
      await db.schema.createIndex('survey_responses_by_survey').on('survey_responses').columns(['survey_id', 'received_day']).execute();
    },
  },
  // Managers' read tokens (the sha-256 of each, as for invitations: a reader holds no link to a
  // response either). A survey now counts its responses and raises a revision with each PUT, as a
  // consultation does, so that a response checked against one definition is never stored under
  // another; the count of surveys that already had responses is taken from their rows.
  '0006-survey-readers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('survey_readers')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('survey_id', 'text', (column) => column.notNull().references('surveys.id'))
        .execute();
      await db.schema.alterTable('surveys').addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('surveys').addColumn('responses', 'integer', (column) => column.notNull().defaultTo(0)).execute();
      await sql`update surveys set responses = (select count(*) from survey_responses where survey_responses.survey_id = surveys.id)`.execute(db);
    },
  },
  // Mystery-shopping audits (issue 6). `key` is the audit firm's id when the audit has one, else a
  // sha-256 of its content (audits.ts): the primary key on (org, key) is what makes a second import
  // of the same file add nothing, even when two run at once. `content_hash` tells a true repeat from
  // another audit under a reused id. audit_daily is kept in the import's transaction, so the
  // barometer reads days × channels rows whatever the number of audits. An org's barometer
  // settings are JSON in `orgs.barometer` (weights are fractions, and the columns stay text and
  // integer); null means the defaults of @civic-pulse/core.
  '0007-audits': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audits')
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('content_hash', 'text', (column) => column.notNull())
        .addColumn('date', 'text', (column) => column.notNull())
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('service', 'text')
        .addColumn('criteria_met', 'integer', (column) => column.notNull())
        .addColumn('criteria_total', 'integer', (column) => column.notNull())
        .addColumn('criteria', 'text')
        .addColumn('imported_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('audits_pk', ['org_id', 'key'])
        .execute();

      await db.schema
        .createTable('audit_daily')
        .addColumn('org_id', 'text', (column) => column.notNull().references('orgs.id'))
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('audits', 'integer', (column) => column.notNull())
        .addColumn('criteria_met', 'integer', (column) => column.notNull())
        .addColumn('criteria_total', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('audit_daily_pk', ['org_id', 'day', 'channel'])
        .execute();

      await db.schema.alterTable('orgs').addColumn('barometer', 'text').execute();
    },
  },
  // Retention (issue 7): how many days an org keeps its ratings after receiving them, null for the
  // default (retention.ts). The purge deletes by org and reception time, hence the index.
  '0008-retention': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('orgs').addColumn('retention_days', 'integer').execute();
      await db.schema.createIndex('ratings_org_received').on('ratings').columns(['org_id', 'received_at']).execute();
    },
  },
};

const inCodeProvider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. Two instances starting at once are kept apart by Kysely's
 * migration lock: on PostgreSQL a session advisory lock held around one transaction that reads the
 * applied migrations and runs the missing ones, so the second instance finds them applied; on
 * SQLite the BEGIN IMMEDIATE of that transaction does the same (see sqlite.ts).
 */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrationTableSchema = await postgresSchemaOf(db);
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await new Migrator({ db, provider: inCodeProvider, migrationTableSchema }).migrateToLatest();
    if (!error) return;
    if (attempt < INTROSPECTION_ATTEMPTS && vanishedDuringIntrospection(error, results)) continue;
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
}

const INTROSPECTION_ATTEMPTS = 3;

/**
 * Before taking its lock, Kysely's Migrator asks whether its tables exist. Our introspector reads
 * the current schema only (postgres-introspector.ts), so a schema that someone else drops meanwhile
 * no longer gets in the way; should our own schema vanish then (3F000, or 42P01 for a table), no
 * migration has run yet (no results), so trying again is safe.
 */
function vanishedDuringIntrospection(error: unknown, results: readonly unknown[] | undefined): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return (results === undefined || results.length === 0) && (code === '3F000' || code === '42P01');
}

/**
 * On PostgreSQL, the schema the tables go to (the first of search_path that exists). Kysely's
 * Migrator looks for its own tables in every schema of the database unless told which one: a
 * `kysely_migration` table of another schema (another app, another copy of this one) would make
 * it skip creating its own and then fail to read it.
 */
async function postgresSchemaOf(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL: no schema of search_path exists to create the tables in');
  return schema;
}
