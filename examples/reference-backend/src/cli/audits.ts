import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { auditsFromCsv, auditsFromJson, conflictingAudits, MAX_AUDITS_PER_IMPORT, type AuditBatch } from '../audit-import.js';
import type { DefinitionFile } from '../consultation-file.js';
import type { Storage } from '../storage/index.js';
import { checkOrg, commandWords, Misused, Refused, runCommand, USAGE_FOOTER, type CliIo } from './command.js';

export const AUDITS_USAGE = `Usage: npm run audits --workspace examples/reference-backend -- <command>

  import <org> <file.csv|file.json>
                          import mystery-shopping audits into the org, as POST /v1/admin/orgs/:org/audits
                          does: a .csv file (header: date, channel, service, criteriaMet, criteriaTotal,
                          an optional id, one column per criterion), any other a JSON array of audits;
                          at most ${MAX_AUDITS_PER_IMPORT}. Prints { "imported": n, "duplicates": n }. A bad
                          line or audit imports nothing; importing the same file again adds nothing.

${USAGE_FOOTER}`;

/** Runs one audits command and answers its exit status; it never throws for what a person can type. */
export const runAuditsCli = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand<Command, Audits>({ usage: AUDITS_USAGE, parse: parseCommand, readFile: readAuditFile, execute }, argv, io);

type Command = { name: 'import'; org: string; file: string };
type Audits = Extract<AuditBatch, { audits: unknown }>;

function parseCommand(argv: readonly string[]): Command | { name: 'help' } {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const words = commandWords(positionals, values.help, ['import'] as const, 'an org id and a file');
  if (words.name === 'help') return words;
  const [file, ...rest] = words.extra;
  if (file === undefined) throw new Misused('import needs a file after the org id.');
  if (rest.length > 0) throw new Misused(`Unexpected argument "${rest[0]}".`);
  return { name: 'import', org: words.argument, file };
}

/** A file of audits, read as the route reads its body: CSV by its extension, JSON otherwise. */
async function readAuditFile(path: string): Promise<DefinitionFile<Audits>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { problems: [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }] };
  }
  let batch: AuditBatch;
  if (/\.csv$/i.test(path)) batch = auditsFromCsv(text);
  else {
    try {
      batch = auditsFromJson(JSON.parse(text));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return { problems: [{ path: '(file)', message: `not JSON: ${error.message} (a CSV file's name ends in .csv)` }] };
    }
  }
  return 'problems' in batch ? { problems: batch.problems } : { definition: batch };
}

async function execute(storage: Storage, command: Command, batch: Audits | undefined): Promise<string> {
  if (!batch) throw new Error('the file was read for import');
  await checkOrg(storage, command.org);
  const outcome = await storage.audits.import(command.org, batch.audits);
  if (!outcome.ok) {
    const error = conflictingAudits(outcome.conflicts, batch.where);
    throw new Refused([error.message, ...(error.fields ?? []).map(({ path, message }) => `  ${path}: ${message}`)]);
  }
  return `${JSON.stringify({ imported: outcome.imported, duplicates: outcome.duplicates })}\n`;
}
