import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the data lives: one SQLite file (embedded, zero setup) or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServerConfig {
  host: string;
  port: number;
  logLevel: string;
  database: DatabaseConfig;
  /** `undefined` when CIVIC_ADMIN_TOKEN is unset: the server then makes one for this run. */
  adminToken: string | undefined;
  /** CIVIC_METHODOLOGY_URL: where the barometer's `methodology` points; unset, the repository README's section (BAROMETER_METHODOLOGY_URL). */
  methodologyUrl: string | undefined;
  repoRoot: string;
}

export const DEFAULT_PORT = 8787;

/** Reads the environment (DESIGN.md, "Configuration of the reference backend"); throws on nonsense. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, repoRoot = findRepoRoot()): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort(env.PORT),
    logLevel: env.LOG_LEVEL || 'info',
    database: parseDatabaseUrl(env.DATABASE_URL, repoRoot),
    adminToken: env.CIVIC_ADMIN_TOKEN || undefined,
    methodologyUrl: parseUrl('CIVIC_METHODOLOGY_URL', env.CIVIC_METHODOLOGY_URL),
    repoRoot,
  };
}

function parseUrl(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got "${value}"`);
  return port;
}

/**
 * unset → `<repo>/data/civic-pulse.db`; `postgres://…` → PostgreSQL; `file:/path/x.db` or a path →
 * that SQLite file, a relative path taken from the current directory like any command-line path.
 */
export function parseDatabaseUrl(value: string | undefined, repoRoot: string): DatabaseConfig {
  if (!value) return { kind: 'sqlite', file: join(repoRoot, 'data', 'civic-pulse.db') };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  if (value.startsWith('file://')) return { kind: 'sqlite', file: fileURLToPath(value) };
  const path = value.startsWith('file:') ? value.slice('file:'.length) : value;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) throw new Error(`DATABASE_URL: unsupported scheme in "${value}"`);
  return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(path) };
}

/**
 * The monorepo root: the nearest ancestor of this file whose package.json declares workspaces.
 * `npm start` runs the server from the workspace folder, yet the data and the demo site belong to
 * the repository, whichever folder the command started in.
 */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with "workspaces" above ${from}`);
  }
}
