import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, test } from 'node:test';
import type { SurveyResults } from '@civic-pulse/core';
import { runSurveyCli } from '../src/cli/survey.js';
import type { DatabaseConfig } from '../src/config.js';
import { cliInProcess, cliProcess as runProcess, givenCliDatabase, repoRoot, type CommandLine } from './cli-helpers.js';
import { daysFromNow } from './consultation-fixtures.js';
import { describeDatabase, sqlite, testDatabases } from './databases.js';
import { ADMIN, startApp } from './helpers.js';
import { answerSurvey, aSurvey } from './survey-fixtures.js';

const SURVEY: CommandLine = { script: 'survey', entry: 'src/survey-cli.ts', runner: runSurveyCli };
const cliProcess = (database: DatabaseConfig, args: readonly string[], options?: Parameters<typeof runProcess>[3]) => runProcess(SURVEY, database, args, options);
const cli = (database: DatabaseConfig, args: readonly string[]) => cliInProcess(SURVEY, database, args);

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('npm run survey', () => {
      test('create, invite, reader, close and results: what an admin does from the command line', async (t) => {
        const { database, storage, file } = await givenCliDatabase(t, db);
        const survey = aSurvey();

        assert.deepEqual(await cli(database, ['create', await file(survey)]), { code: 0, stdout: 'qualite-de-vie\n', stderr: '' });
        assert.deepEqual((await storage.surveys.find('qualite-de-vie'))?.definition, survey);

        const invited = await cli(database, ['invite', 'qualite-de-vie', '3']);
        const tokens = invited.stdout.trimEnd().split('\n');
        assert.equal(invited.code, 0);
        assert.equal(tokens.length, 3);
        for (const token of tokens) assert.equal(await storage.surveys.invitation('qualite-de-vie', token), 'unused');

        const reader = await cli(database, ['reader', 'qualite-de-vie']);
        assert.equal(reader.code, 0);
        assert.equal(await storage.surveys.isReader('qualite-de-vie', reader.stdout.trim()), true);

        const open = JSON.parse((await cli(database, ['results', 'qualite-de-vie'])).stdout) as SurveyResults;
        assert.deepEqual({ published: open.published, invited: open.invited, received: open.received }, { published: false, invited: 3, received: 0 });

        const closed = await cli(database, ['close', 'qualite-de-vie']);
        const closesAt = (await storage.surveys.find('qualite-de-vie'))?.definition.closesAt;
        assert.deepEqual(closed, { code: 0, stdout: `qualite-de-vie closed at ${closesAt}\n`, stderr: '' });
        assert.equal((JSON.parse((await cli(database, ['results', 'qualite-de-vie'])).stdout) as SurveyResults).published, true);
      });
    });
  });
}

describe('npm run survey (SQLite)', () => {
  const db = sqlite;

  test('results and invitations as the admin routes give them, CSV included, through npm from the repository root', async (t) => {
    const { database, file } = await givenCliDatabase(t, db);
    const app = await startApp(t, db, { database });
    const path = await file(aSurvey());
    assert.deepEqual(await cliProcess(database, ['create', relative(repoRoot, path)], { viaNpm: true, cwd: repoRoot }), {
      code: 0,
      stdout: 'qualite-de-vie\n',
      stderr: '',
    });
    const invited = await cliProcess(database, ['invite', 'qualite-de-vie', '2', '--csv']);
    assert.equal(invited.code, 0);
    const tokens = invited.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(tokens[0], 'token');
    assert.equal((await answerSurvey(app, 'qualite-de-vie', tokens[1]!)).statusCode, 201);
    await cli(database, ['close', 'qualite-de-vie']);
    const route = (query: string) => app.inject({ method: 'GET', url: `/v1/admin/surveys/qualite-de-vie/results${query}`, headers: ADMIN });

    const csv = await cli(database, ['results', 'qualite-de-vie', '--csv']);
    const json = await cli(database, ['results', 'qualite-de-vie']);

    assert.deepEqual(csv, { code: 0, stdout: (await route('?format=csv')).body, stderr: '' });
    assert.match(csv.stdout, /^\uFEFFbreakdown,group,question,/);
    assert.deepEqual(JSON.parse(json.stdout), (await route('')).json());
  });

  test('create: a file that does not hold together is refused with every problem and its path, exit 1', async (t) => {
    const { database, storage, file } = await givenCliDatabase(t, db);
    const survey = { ...aSurvey({ opensAt: daysFromNow(5), closesAt: daysFromNow(1), title: '' }), colour: 'bleu' };
    survey.sections[2]!.showIf = { question: 'nulle-part', equals: true };
    survey.sections[1]!.questions[1]!.max = -4;
    const path = await file(survey);

    const outcome = await cli(database, ['create', path]);

    assert.equal(outcome.code, 1);
    assert.equal(outcome.stdout, '');
    const lines = outcome.stderr.trimEnd().split('\n');
    assert.equal(lines[0], `${path}: 5 problems`);
    assert.deepEqual(lines.slice(1).map((line) => line.trim().split(':')[0]).sort(), [
      'closesAt',
      'colour',
      'sections.1.questions.1.max',
      'sections.2.showIf.question',
      'title',
    ]);
    assert.equal(await storage.surveys.find('qualite-de-vie'), undefined);
    const broken = await cli(database, ['create', await file('{ "sections": ', 'broken.json')]);
    assert.match(broken.stderr, /broken\.json: one problem\n {2}\(file\): not JSON/);
    const elsewhere = await cli(database, ['create', await file(aSurvey({ org: 'ailleurs' }), 'elsewhere.json')]);
    assert.match(elsewhere.stderr, /^org: there is no organisation "ailleurs"/);
    assert.equal((await cli(database, ['create', await file(aSurvey())])).code, 0);
    const taken = await cli(database, ['create', await file(aSurvey())]);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /^id: a survey "qualite-de-vie" exists already/);
  });

  test('update: the title may change; once answered, new questions are refused naming what is fixed, exit 1', async (t) => {
    const { database, storage, file } = await givenCliDatabase(t, db);
    await cli(database, ['create', await file(aSurvey())]);
    assert.deepEqual(await cli(database, ['update', await file(aSurvey({ title: 'Autre titre' }))]), { code: 0, stdout: 'qualite-de-vie\n', stderr: '' });
    const [token] = await storage.surveys.invite('qualite-de-vie', 1);
    const found = await storage.surveys.find('qualite-de-vie');
    assert.equal(await storage.surveys.respond({ id: 'qualite-de-vie', revision: found!.revision }, token!, { id: crypto.randomUUID(), answers: {} }), 'stored');
    const changed = aSurvey();
    changed.sections.pop();

    const refused = await cli(database, ['update', await file(changed)]);

    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^qualite-de-vie has responses:\n {2}sections: the sections and their questions cannot change/);
    assert.equal((await storage.surveys.find('qualite-de-vie'))?.definition.sections.length, 3);
    const unknown = await cli(database, ['update', await file(aSurvey({ id: 'nulle-part' }))]);
    assert.match(unknown.stderr, /There is no survey "nulle-part"/);
    for (const args of [['close', 'nulle-part'], ['invite', 'nulle-part', '2'], ['reader', 'nulle-part'], ['results', 'nulle-part']]) {
      const outcome = await cli(database, args);
      assert.equal(outcome.code, 1, args.join(' '));
      assert.equal(outcome.stderr, 'There is no survey "nulle-part".\n');
    }
  });

  test('mistakes in the command: exit 2 with the usage; no argument or --help: the usage, exit 0', async (t) => {
    const { database } = await givenCliDatabase(t, db);
    const mistakes: [string[], RegExp][] = [
      [['delete', 'x'], /Unknown command "delete"/],
      [['create'], /create needs a file/],
      [['invite', 'x'], /invite needs a count of 1 to 1000/],
      [['invite', 'x', '0'], /invite needs a count of 1 to 1000, not "0"/],
      [['invite', 'x', 'dix'], /not "dix"/],
      [['reader', 'x', 'y'], /Unexpected argument "y"/],
      [['close', 'x', '--csv'], /--csv goes with invite and results only/],
      [['results', 'x', '--format', 'csv'], /Unknown option '--format'/],
    ];
    for (const [args, message] of mistakes) {
      const outcome = await cli(database, args);
      assert.equal(outcome.code, 2, args.join(' '));
      assert.match(outcome.stderr, message);
      assert.match(outcome.stderr, /Usage: npm run survey/);
    }
    for (const args of [[], ['--help']]) {
      const outcome = await cli(database, args);
      assert.equal(outcome.code, 0);
      assert.match(outcome.stdout, /^Usage: npm run survey/);
    }
  });
});
