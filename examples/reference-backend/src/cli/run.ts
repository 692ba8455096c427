import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../config.js';
import { problemLines, readDefinitionFile } from '../consultation-file.js';
import { CSV_EXPORTS, EXPORT_FORMATS, exportConsultation, type CsvExport } from '../export/consultation-export.js';
import { newConsultationId } from '../routes/v1/admin/consultation-id.js';
import { openStorage, type Storage } from '../storage/index.js';

export const USAGE = `Usage: npm run consultation --workspace examples/reference-backend -- <command>

  create <file.json>      create a consultation from its definition; prints its id
  update <file.json>      replace the definition of the consultation with the file's id, while it has no response
  close <id>              close a consultation now
  export <id> [--format json|csv] [--what answers|questions|ideas]
                          write its export on the standard output (JSON by default), as
                          GET /v1/admin/consultations/:id/export does

It works on the database of the server: DATABASE_URL, as for the server (unset: <repository>/data/civic-pulse.db).
Exit status: 0 done, 1 refused (every problem is printed, with its path), 2 a mistake in the command.`;

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

class Refused extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

class Misused extends Error {}

/** Runs one command and answers its exit status; it never throws for what a person can type. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof Misused || isParseArgsError(error))) throw error;
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return MISUSED;
  }
  if (command.name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return DONE;
  }
  let storage: Storage | undefined;
  try {
    // The file is checked before the database is opened: a mistake in it needs no server.
    const definition = 'file' in command ? await definitionFrom(resolve(io.cwd, command.file)) : undefined;
    storage = await openStorage(io.database);
    io.stdout.write(await execute(storage, command, definition));
    return DONE;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr.write(`${error.lines.join('\n')}\n`);
    return REFUSED;
  } finally {
    await storage?.close();
  }
}

type Command =
  | { name: 'help' }
  | { name: 'create' | 'update'; file: string }
  | { name: 'close'; id: string }
  | { name: 'export'; id: string; format: 'json' }
  | { name: 'export'; id: string; format: 'csv'; what: CsvExport };

const COMMANDS = ['create', 'update', 'close', 'export'] as const;

function parseCommand(argv: readonly string[]): Command {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string' }, what: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [typed, argument, ...extra] = positionals;
  if (values.help || typed === undefined || typed === 'help') return { name: 'help' };
  if (!(COMMANDS as readonly string[]).includes(typed)) throw new Misused(`Unknown command "${typed}".`);
  const name = typed as (typeof COMMANDS)[number];
  if (argument === undefined) throw new Misused(`${name} needs ${name === 'create' || name === 'update' ? 'a file' : 'a consultation id'}.`);
  if (extra.length > 0) throw new Misused(`Unexpected argument "${extra[0]}".`);
  if (name !== 'export' && (values.format !== undefined || values.what !== undefined)) {
    throw new Misused(`--format and --what go with export only.`);
  }
  if (name === 'create' || name === 'update') return { name, file: argument };
  if (name === 'close') return { name, id: argument };
  const format = oneOf('--format', values.format ?? 'json', EXPORT_FORMATS);
  if (format === 'json') {
    if (values.what !== undefined) throw new Misused('--what goes with --format csv: the JSON export holds everything.');
    return { name, id: argument, format };
  }
  return { name, id: argument, format, what: oneOf('--what', values.what ?? 'answers', CSV_EXPORTS) };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Misused(`${option} must be ${allowed.join(' or ')}, not "${value}".`);
  return value as T;
}

const isParseArgsError = (error: unknown): boolean =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

async function definitionFrom(path: string) {
  const file = await readDefinitionFile(path);
  if ('problems' in file) {
    throw new Refused([`${path}: ${file.problems.length === 1 ? 'one problem' : `${file.problems.length} problems`}`, ...problemLines(file.problems).map((line) => `  ${line}`)]);
  }
  return file.definition;
}

/** What the command prints on the standard output when it succeeds. */
async function execute(storage: Storage, command: Command, definition: Awaited<ReturnType<typeof definitionFrom>> | undefined): Promise<string> {
  switch (command.name) {
    case 'create':
    case 'update': {
      if (!definition) throw new Error('a definition was read for create and update');
      if (!(await storage.orgs.find(definition.org))) {
        throw new Refused([`org: there is no organisation "${definition.org}" (the server creates ville-exemple at its first start).`]);
      }
      if (command.name === 'create') {
        const id = definition.id ?? newConsultationId(definition.title);
        if (!(await storage.consultations.create({ ...definition, id }))) {
          throw new Refused([`id: a consultation "${id}" exists already; update replaces it while it has no response.`]);
        }
        return `${id}\n`;
      }
      if (definition.id === undefined) throw new Refused(['id: update needs the id of the consultation in the file.']);
      const outcome = await storage.consultations.update({ ...definition, id: definition.id });
      if (outcome === 'unknown') throw unknownConsultation(definition.id);
      if (outcome === 'has-responses') throw new Refused([`${definition.id} has responses: its questions can no longer change.`]);
      return `${definition.id}\n`;
    }
    case 'close': {
      if (!(await storage.consultations.close(command.id, new Date()))) throw unknownConsultation(command.id);
      const closed = await storage.consultations.find(command.id);
      return `${command.id} closed at ${closed?.definition.closesAt}\n`;
    }
    case 'export': {
      const file = await exportConsultation(storage, command.id, command.format === 'json' ? command : { format: 'csv', what: command.what });
      if (!file) throw unknownConsultation(command.id);
      return file.format === 'json' ? `${JSON.stringify(file.body, null, 2)}\n` : file.body;
    }
    case 'help':
      return `${USAGE}\n`;
  }
}

const unknownConsultation = (id: string): Refused => new Refused([`There is no consultation "${id}".`]);
