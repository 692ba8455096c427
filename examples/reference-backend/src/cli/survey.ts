import { parseArgs } from 'node:util';
import type { SurveyDefinition } from '@civic-pulse/core';
import { readSurveyFile } from '../consultation-file.js';
import { invitationsToCsv } from '../export/invitations-csv.js';
import { surveyResults, surveyResultsToCsv } from '../export/survey-results.js';
import { MAX_INVITATIONS } from '../routes/v1/admin/surveys.js';
import type { Storage } from '../storage/index.js';
import { checkOrg, closeAndTell, commandWords, createDefinition, Misused, Refused, runCommand, updatedId, USAGE_FOOTER, type CliIo } from './command.js';

export const SURVEY_USAGE = `Usage: npm run survey --workspace examples/reference-backend -- <command>

  create <file.json>      create an agents' survey from its definition; prints its id
  update <file.json>      replace the definition of the survey with the file's id; once it has
                          responses, its sections, org and minimum group (downwards) are fixed
  close <id>              close a survey now: its results are then published
  invite <id> <count> [--csv]
                          make count invitation tokens (1 to ${MAX_INVITATIONS}), one per line (--csv: the CSV
                          of POST /v1/admin/surveys/:id/invitations?format=csv); shown this once
  reader <id>             make a manager's read token of the survey's results; shown this once
  results <id> [--csv]    write its results on the standard output (JSON by default), as
                          GET /v1/admin/surveys/:id/results does

${USAGE_FOOTER}`;

/** Runs one survey command and answers its exit status; it never throws for what a person can type. */
export const runSurveyCli = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand<Command, SurveyDefinition>({ usage: SURVEY_USAGE, parse: parseCommand, readFile: readSurveyFile, execute }, argv, io);

type Command =
  | { name: 'create' | 'update'; file: string }
  | { name: 'close' | 'reader'; id: string }
  | { name: 'invite'; id: string; count: number; csv: boolean }
  | { name: 'results'; id: string; csv: boolean };

const COMMANDS = ['create', 'update', 'close', 'invite', 'reader', 'results'] as const;

function parseCommand(argv: readonly string[]): Command | { name: 'help' } {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const words = commandWords(positionals, values.help, COMMANDS, 'a survey id');
  if (words.name === 'help') return words;
  const { name, argument, extra } = words;
  const expected = name === 'invite' ? 1 : 0;
  if (extra.length > expected) throw new Misused(`Unexpected argument "${extra[expected]}".`);
  const csv = values.csv ?? false;
  if (csv && name !== 'invite' && name !== 'results') throw new Misused('--csv goes with invite and results only.');
  if (name === 'create' || name === 'update') return { name, file: argument };
  if (name === 'close' || name === 'reader') return { name, id: argument };
  if (name === 'results') return { name, id: argument, csv };
  const count = Number(extra[0]);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INVITATIONS) {
    throw new Misused(`invite needs a count of 1 to ${MAX_INVITATIONS}${extra[0] === undefined ? '' : `, not "${extra[0]}"`}.`);
  }
  return { name, id: argument, count, csv };
}

/** What the command prints on the standard output when it succeeds. */
async function execute(storage: Storage, command: Command, definition: SurveyDefinition | undefined): Promise<string> {
  switch (command.name) {
    case 'create':
    case 'update': {
      if (!definition) throw new Error('a definition was read for create and update');
      await checkOrg(storage, definition.org);
      if (command.name === 'create') return createDefinition(storage.surveys, definition, 'survey', 'update replaces it.');
      const id = updatedId(definition, 'survey');
      const outcome = await storage.surveys.update({ ...definition, id });
      if (outcome === 'unknown') throw unknownSurvey(id);
      if (outcome !== 'updated') {
        throw new Refused([`${id} has responses:`, ...outcome.frozen.map(({ path, message }) => `  ${path}: ${message}`)]);
      }
      return `${id}\n`;
    }
    case 'close':
      return closeAndTell(storage.surveys, command.id, unknownSurvey);
    case 'invite': {
      await checkSurvey(storage, command.id);
      const tokens = await storage.surveys.invite(command.id, command.count);
      return command.csv ? invitationsToCsv(tokens) : tokens.map((token) => `${token}\n`).join('');
    }
    case 'reader':
      await checkSurvey(storage, command.id);
      return `${await storage.surveys.issueReader(command.id)}\n`;
    case 'results': {
      const results = await surveyResults(storage.surveys, command.id);
      if (!results) throw unknownSurvey(command.id);
      return command.csv ? surveyResultsToCsv(results) : `${JSON.stringify(results, null, 2)}\n`;
    }
  }
}

async function checkSurvey(storage: Storage, id: string): Promise<void> {
  if (!(await storage.surveys.find(id))) throw unknownSurvey(id);
}

const unknownSurvey = (id: string): Refused => new Refused([`There is no survey "${id}".`]);
