import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { CliIo } from '../src/cli/command.js';
import type { DatabaseConfig } from '../src/config.js';
import { databaseUrl, type TestDatabase } from './databases.js';
import { makeTempDir, openTestStorage, TOWN } from './helpers.js';

export const backendDir = join(import.meta.dirname, '..');
export const repoRoot = join(backendDir, '..', '..');
const run = promisify(execFile);

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command line of the backend: its npm script, its entry file, and its runner for this process. */
export interface CommandLine {
  script: 'consultation' | 'survey' | 'audits' | 'purge';
  entry: string;
  runner: (argv: readonly string[], io: CliIo) => Promise<number>;
}

/** Runs the entry in a child process, as `npm run <script>` does; never throws for a non-zero exit. */
export async function cliProcess(
  line: CommandLine,
  database: DatabaseConfig,
  args: readonly string[],
  { viaNpm = false, cwd = backendDir } = {},
): Promise<Outcome> {
  const { CIVIC_ADMIN_TOKEN: _token, INIT_CWD: _initCwd, npm_lifecycle_event: _event, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_URL: databaseUrl(database) };
  const [file, argv] = viaNpm
    ? ['npm', ['run', '--silent', line.script, '--workspace', 'examples/reference-backend', '--', ...args]]
    : [process.execPath, ['--conditions=civic-pulse-source', '--import', 'tsx', line.entry, ...args]];
  try {
    const { stdout, stderr } = await run(file, argv, { cwd, env, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: unknown; stdout: string; stderr: string };
    if (typeof code !== 'number') throw error;
    return { code, stdout, stderr };
  }
}

/** The same in this process (a child process costs seconds): its exit status and what it printed. */
export async function cliInProcess(line: CommandLine, database: DatabaseConfig, args: readonly string[]): Promise<Outcome> {
  const printed = { stdout: '', stderr: '' };
  const code = await line.runner(args, {
    database,
    cwd: backendDir,
    stdout: { write: (text: string) => (printed.stdout += text) },
    stderr: { write: (text: string) => (printed.stderr += text) },
  });
  return { code, ...printed };
}

/** A database with TOWN in it, and a folder for definition files. */
export async function givenCliDatabase(t: TestContext, db: TestDatabase) {
  const database = await db.create(t);
  const storage = await openTestStorage(t, db, database);
  await storage.orgs.create(TOWN);
  const dir = await makeTempDir(t);
  const file = async (content: unknown, name = 'definition.json') => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  return { database, storage, dir, file };
}
