import { parseArgs } from 'node:util';
import type { ConsultationDefinition } from '@civic-pulse/core';
import { readDefinitionFile } from '../consultation-file.js';
import { CSV_EXPORTS, EXPORT_FORMATS, exportConsultation, type CsvExport } from '../export/consultation-export.js';
import type { Storage } from '../storage/index.js';
import { checkOrg, closeAndTell, commandWords, createDefinition, Misused, oneOf, Refused, runCommand, updatedId, USAGE_FOOTER, type CliIo } from './command.js';

export const USAGE = `Usage: npm run consultation --workspace examples/reference-backend -- <command>

  create <file.json>      create a consultation from its definition; prints its id
  update <file.json>      replace the definition of the consultation with the file's id, while it has no response
  close <id>              close a consultation now
  export <id> [--format json|csv] [--what answers|questions|ideas]
                          write its export on the standard output (JSON by default), as
                          GET /v1/admin/consultations/:id/export does

${USAGE_FOOTER}`;

/** Runs one command and answers its exit status; it never throws for what a person can type. */
export const runCli = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand<Command, ConsultationDefinition>({ usage: USAGE, parse: parseCommand, readFile: readDefinitionFile, execute }, argv, io);

type Command =
  | { name: 'create' | 'update'; file: string }
  | { name: 'close'; id: string }
  | { name: 'export'; id: string; format: 'json' }
  | { name: 'export'; id: string; format: 'csv'; what: CsvExport };

const COMMANDS = ['create', 'update', 'close', 'export'] as const;

function parseCommand(argv: readonly string[]): Command | { name: 'help' } {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string' }, what: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const words = commandWords(positionals, values.help, COMMANDS, 'a consultation id');
  if (words.name === 'help') return words;
  const { name, argument, extra } = words;
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

/** What the command prints on the standard output when it succeeds. */
async function execute(storage: Storage, command: Command, definition: ConsultationDefinition | undefined): Promise<string> {
  switch (command.name) {
    case 'create':
    case 'update': {
      if (!definition) throw new Error('a definition was read for create and update');
      await checkOrg(storage, definition.org);
      if (command.name === 'create') {
        return createDefinition(storage.consultations, definition, 'consultation', 'update replaces it while it has no response.');
      }
      const id = updatedId(definition, 'consultation');
      const outcome = await storage.consultations.update({ ...definition, id });
      if (outcome === 'unknown') throw unknownConsultation(id);
      if (outcome === 'has-responses') throw new Refused([`${id} has responses: its questions can no longer change.`]);
      return `${id}\n`;
    }
    case 'close':
      return closeAndTell(storage.consultations, command.id, unknownConsultation);
    case 'export': {
      const file = await exportConsultation(storage, command.id, command.format === 'json' ? command : { format: 'csv', what: command.what });
      if (!file) throw unknownConsultation(command.id);
      return file.format === 'json' ? `${JSON.stringify(file.body, null, 2)}\n` : file.body;
    }
  }
}

const unknownConsultation = (id: string): Refused => new Refused([`There is no consultation "${id}".`]);
