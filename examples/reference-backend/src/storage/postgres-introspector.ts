import { sql, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

/**
 * What Kysely's Migrator asks of the database (does its table exist?), answered from the current
 * schema alone, straight from pg_catalog. Kysely's own Postgres introspector reads every table and
 * column of every schema, with a function call per column: when another schema is dropped or
 * changed at that moment (test runs, other apps on a shared server), it fails with 3F000, 42P01
 * or 42703 although nothing of ours is wrong. Our tables are in current_schema() (see
 * postgresSchemaOf in migrations.ts), so nothing else needs to be read. Columns are not listed:
 * the Migrator never looks at them.
 */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(this.db);
    return rows.flatMap(({ name }) => (name ? [{ name }] : []));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; isView: boolean }>`
      select n.nspname as schema, c.relname as name, c.relkind = 'v' as "isView"
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v')
      order by c.relname`.execute(this.db);
    return rows
      .filter(({ name }) => options.withInternalKyselyTables || !name.startsWith('kysely_'))
      .map(({ schema, name, isView }) => ({ schema, name, isView, columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
