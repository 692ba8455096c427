import { resolve } from 'node:path';
import type { FieldError } from '@civic-pulse/core';
import { readConfig, type DatabaseConfig } from '../config.js';
import { problemLines, type DefinitionFile } from '../consultation-file.js';
import { newConsultationId } from '../routes/v1/admin/consultation-id.js';
import { openStorage, type Storage } from '../storage/index.js';

// What `npm run consultation` and `npm run survey` share: exit statuses, refusals listed line by
// line, the usage on a mistake, a definition file checked before the database is opened.

export interface CliIo {
  database: DatabaseConfig;
  /** Where relative file names are taken from. */
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit statuses: what the command's caller (a script, a person) can branch on. */
const DONE = 0;
const REFUSED = 1;
const MISUSED = 2;

/** Exit 1: what the command was asked cannot be done; each line says why. */
export class Refused extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Exit 2: a mistake in the command itself; the usage follows. */
export class Misused extends Error {}

/** How every usage ends. */
export const USAGE_FOOTER = `It works on the database of the server: DATABASE_URL, as for the server (unset: <repository>/data/civic-pulse.db).
Exit status: 0 done, 1 refused (every problem is printed, with its path), 2 a mistake in the command.`;

/** A command that reads a definition names its file in `file`. */
export interface CommandSet<C extends { name: string; file?: string }, D> {
  usage: string;
  /** The command, `{ name: 'help' }` for the usage; throws Misused (or parseArgs' errors). */
  parse(argv: readonly string[]): C | { name: 'help' };
  readFile(path: string): Promise<DefinitionFile<D>>;
  /** What the command prints on the standard output when it succeeds; throws Refused otherwise. */
  execute(storage: Storage, command: C, definition: D | undefined): Promise<string>;
}

/** Runs one command and answers its exit status; it never throws for what a person can type. */
export async function runCommand<C extends { name: string; file?: string }, D>(set: CommandSet<C, D>, argv: readonly string[], io: CliIo): Promise<number> {
  let command: C | { name: 'help' };
  try {
    command = set.parse(argv);
  } catch (error) {
    if (!(error instanceof Misused || isParseArgsError(error))) throw error;
    io.stderr.write(`${(error as Error).message}\n\n${set.usage}\n`);
    return MISUSED;
  }
  if (command.name === 'help') {
    io.stdout.write(`${set.usage}\n`);
    return DONE;
  }
  const chosen = command as C;
  let storage: Storage | undefined;
  try {
    // The file is checked before the database is opened: a mistake in it needs no server.
    const definition = chosen.file === undefined ? undefined : await definitionFrom(set, resolve(io.cwd, chosen.file));
    storage = await openStorage(io.database);
    io.stdout.write(await set.execute(storage, chosen, definition));
    return DONE;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr.write(`${error.lines.join('\n')}\n`);
    return REFUSED;
  } finally {
    await storage?.close();
  }
}

async function definitionFrom<D>(set: CommandSet<{ name: string }, D>, path: string): Promise<D> {
  const file = await set.readFile(path);
  if ('problems' in file) throw new Refused(problemReport(path, file.problems));
  return file.definition;
}

const problemReport = (path: string, problems: readonly FieldError[]): string[] => [
  `${path}: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}`,
  ...problemLines(problems).map((line) => `  ${line}`),
];

/**
 * The first words of a command line: `help` (also for none, or --help), or one of `commands` with
 * its first argument (a file for create and update, else an id) and the words after it.
 */
export function commandWords<N extends string>(
  positionals: readonly string[],
  help: boolean | undefined,
  commands: readonly N[],
  idOf: string,
): { name: 'help' } | { name: N; argument: string; extra: string[] } {
  const [typed, argument, ...extra] = positionals;
  if (help || typed === undefined || typed === 'help') return { name: 'help' };
  if (!(commands as readonly string[]).includes(typed)) throw new Misused(`Unknown command "${typed}".`);
  const name = typed as N;
  if (argument === undefined) throw new Misused(`${name} needs ${name === 'create' || name === 'update' ? 'a file' : idOf}.`);
  return { name, argument, extra };
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Misused(`${option} must be ${allowed.join(' or ')}, not "${value}".`);
  return value as T;
}

const isParseArgsError = (error: unknown): boolean =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

/** Refused unless the definition's org exists (create and update of either command). */
export async function checkOrg(storage: Storage, org: string): Promise<void> {
  if (!(await storage.orgs.find(org))) {
    throw new Refused([`org: there is no organisation "${org}" (the server creates ville-exemple at its first start).`]);
  }
}

/** What create and close need of a consultation's or a survey's repository. */
interface DefinitionStore<S> {
  find(id: string): Promise<{ definition: { closesAt: string } } | undefined>;
  /** `false` when the id is taken. */
  create(definition: S): Promise<boolean>;
  close(id: string, now: Date): Promise<boolean>;
}

/**
 * create, after checkOrg: the definition under its id, or one made from its title; prints the id.
 * Refused when the id is taken, the message ending with `hint` (what to do instead).
 */
export async function createDefinition<D extends { id?: string; title: string }>(
  store: DefinitionStore<D & { id: string }>,
  definition: D,
  noun: string,
  hint: string,
): Promise<string> {
  const id = definition.id ?? newConsultationId(definition.title);
  if (!(await store.create({ ...definition, id }))) throw new Refused([`id: a ${noun} "${id}" exists already; ${hint}`]);
  return `${id}\n`;
}

/** The id that update replaces: the file's, which it must name. */
export function updatedId(definition: { id?: string }, noun: string): string {
  if (definition.id === undefined) throw new Refused([`id: update needs the id of the ${noun} in the file.`]);
  return definition.id;
}

/** close: now, unless it is already past; prints when it closed. */
export async function closeAndTell(store: DefinitionStore<never>, id: string, unknown: (id: string) => Refused): Promise<string> {
  if (!(await store.close(id, new Date()))) throw unknown(id);
  const closed = await store.find(id);
  return `${id} closed at ${closed?.definition.closesAt}\n`;
}

/**
 * The entry of `npm run <script>`: runs the command of the process's arguments on the database of
 * the server, and sets the exit status. A bad DATABASE_URL, a database that does not answer: the
 * message says it, a stack would not help.
 */
export async function main(script: string, run: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2), {
      database: readConfig().database,
      // npm runs a workspace's script in the workspace's folder; a file named on the command line is
      // meant from the folder the person typed it in, which npm passes as INIT_CWD.
      cwd: process.env.npm_lifecycle_event === script ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
