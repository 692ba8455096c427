import type pg from 'pg';

/** CIVIC_TEST_POSTGRES_URL, else postgres://root@127.0.0.1:5432/test. */
export const POSTGRES_URL: string;

/** Why PostgreSQL cannot be used at `baseUrl` (it does not answer), naming the variable to set; `undefined` when it can. */
export function postgresProblem(baseUrl?: string): Promise<string | undefined>;

export interface TemporarySchema {
  schema: string;
  /** The server's URL with `options=-c search_path=<schema>`, for DATABASE_URL. */
  url: string;
  /** Connected, its search_path set to the schema; closed by `drop()`. */
  client: pg.Client;
  drop(): Promise<void>;
}

/** A fresh schema named `<prefix>_<random>` on the server; rejects, naming the variable to set, when it does not answer. */
export function createSchema(options?: { prefix?: string; baseUrl?: string }): Promise<TemporarySchema>;
