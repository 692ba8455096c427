import { parseArgs } from 'node:util';
import { DEFAULT_RETENTION_DAYS, MINIMUM_RETENTION_DAYS, purgeExpiredRatings } from '../retention.js';
import type { Storage } from '../storage/index.js';
import { Misused, runCommand, USAGE_FOOTER, type CliIo } from './command.js';

export const PURGE_USAGE = `Usage: npm run purge --workspace examples/reference-backend

  Deletes the ratings of every org received more than the org's retention ago (PUT
  /v1/admin/orgs/:org/retention; ${DEFAULT_RETENTION_DAYS} days until set, never under ${MINIMUM_RETENTION_DAYS}), as the server does at
  start and every 24 hours; the daily aggregates, and so the barometer, are left as they are.
  Prints one line per org: { "org", "retentionDays", "before", "purged" }. Safe while servers run.

${USAGE_FOOTER}`;

/** Runs the purge and answers its exit status; it never throws for what a person can type. */
export const runPurgeCli = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand<Command, never>({ usage: PURGE_USAGE, parse: parseCommand, readFile: noFile, execute }, argv, io);

type Command = { name: 'purge' };

function parseCommand(argv: readonly string[]): Command | { name: 'help' } {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals[0] === 'help') return { name: 'help' };
  if (positionals.length > 0) throw new Misused(`Unexpected argument "${positionals[0]}".`);
  return { name: 'purge' };
}

async function noFile(): Promise<never> {
  throw new Error('the purge reads no file');
}

async function execute(storage: Storage): Promise<string> {
  const report = await purgeExpiredRatings(storage);
  return report.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
