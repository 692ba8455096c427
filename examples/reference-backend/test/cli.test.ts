import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../src/cli/run.js';
import type { DatabaseConfig } from '../src/config.js';
import { cliInProcess, cliProcess as runProcess, givenCliDatabase, repoRoot, type CommandLine } from './cli-helpers.js';
import { aDefinition, aResponse, daysFromNow, respond } from './consultation-fixtures.js';
import { describeDatabase, sqlite, testDatabases } from './databases.js';
import { ADMIN, startApp, TOWN } from './helpers.js';

const CONSULTATION: CommandLine = { script: 'consultation', entry: 'src/cli.ts', runner: runCli };
const cliProcess = (database: DatabaseConfig, args: readonly string[], options?: Parameters<typeof runProcess>[3]) => runProcess(CONSULTATION, database, args, options);
const cli = (database: DatabaseConfig, args: readonly string[]) => cliInProcess(CONSULTATION, database, args);
const given = givenCliDatabase;

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('npm run consultation', () => {
      test('create: checks the file, stores it, prints its id', async (t) => {
        const { database, storage, file } = await given(t, db);
        const definition = aDefinition();

        const outcome = await cliProcess(database, ['create', await file(definition)]);

        assert.deepEqual(outcome, { code: 0, stdout: 'place-du-marche\n', stderr: '' });
        assert.deepEqual((await storage.consultations.find('place-du-marche'))?.definition, definition);
      });
    });
  });
}

describe('npm run consultation (SQLite)', () => {
  const db = sqlite;

  test('create: a file that does not hold together is refused with every problem and its path, exit 1', async (t) => {
    const { database, storage, file } = await given(t, db);
    const definition = {
      ...aDefinition({ opensAt: daysFromNow(5), closesAt: daysFromNow(1), title: '' }),
      questions: [
        { id: 'q1', type: 'single', label: 'Sans options', required: true },
        { id: 'q1', type: 'text', label: 'Sans longueur', required: false },
        { id: 'q3', type: 'yesno', label: 'Inconnue', required: 'oui' },
      ],
      colour: 'bleu',
    };
    const path = await file(definition);

    const outcome = await cliProcess(database, ['create', path]);

    assert.equal(outcome.code, 1);
    assert.equal(outcome.stdout, '');
    const lines = outcome.stderr.trimEnd().split('\n');
    assert.equal(lines[0], `${path}: 7 problems`);
    assert.deepEqual(lines.slice(1).map((line) => line.trim().split(':')[0]).sort(), [
      'closesAt',
      'colour',
      'questions.0.options',
      'questions.1.id',
      'questions.1.maxLength',
      'questions.2.required',
      'title',
    ]);
    assert.equal(await storage.consultations.find('place-du-marche'), undefined);
  });

  test('create: a file that is not JSON, an unknown org, a taken id: exit 1, saying which', async (t) => {
    const { database, dir, file } = await given(t, db);
    const cases: [string, RegExp][] = [
      [await file('{ "id": ', 'broken.json'), /^.*broken\.json: one problem\n {2}\(file\): not JSON/],
      [await file(aDefinition({ org: 'ailleurs' }), 'elsewhere.json'), /^org: there is no organisation "ailleurs"/],
      [join(dir, 'absent.json'), /\(file\): cannot be read/],
    ];
    for (const [path, message] of cases) {
      const outcome = await cli(database, ['create', path]);
      assert.equal(outcome.code, 1, path);
      assert.match(outcome.stderr, message);
    }
    assert.equal((await cli(database, ['create', await file(aDefinition())])).code, 0);
    const taken = await cli(database, ['create', await file(aDefinition())]);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /^id: a consultation "place-du-marche" exists already/);
  });

  test('create without an id makes one from the title; update replaces the definition until the first response', async (t) => {
    const { database, storage, file } = await given(t, db);
    const { id: _id, ...withoutId } = aDefinition();

    const created = await cli(database, ['create', await file(withoutId)]);
    assert.equal(created.code, 0);
    const id = created.stdout.trim();
    assert.match(id, /^reamenagement-de-la-place-du-marche-[0-9a-f]{6}$/);

    const updated = await cli(database, ['update', await file(aDefinition({ id, title: 'Nouveau titre' }))]);
    assert.deepEqual(updated, { code: 0, stdout: `${id}\n`, stderr: '' });
    assert.equal((await storage.consultations.find(id))?.definition.title, 'Nouveau titre');
    const unknown = await cli(database, ['update', await file(aDefinition({ id: 'nulle-part' }))]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no consultation "nulle-part"/);
  });

  test('a file named from where npm was typed, not from the workspace', async (t) => {
    const { database, file } = await given(t, db);
    const path = await file(aDefinition());
    const outcome = await cliProcess(database, ['create', relative(repoRoot, path)], { viaNpm: true, cwd: repoRoot });
    assert.deepEqual(outcome, { code: 0, stdout: 'place-du-marche\n', stderr: '' });
  });

  test('close: closes now and says when; an unknown id is exit 1', async (t) => {
    const { database, storage, file } = await given(t, db);
    await cli(database, ['create', await file(aDefinition())]);

    const outcome = await cli(database, ['close', 'place-du-marche']);

    assert.equal(outcome.code, 0);
    const closesAt = (await storage.consultations.find('place-du-marche'))?.definition.closesAt;
    assert.equal(outcome.stdout, `place-du-marche closed at ${closesAt}\n`);
    assert.ok(Date.parse(closesAt ?? '') <= Date.now());
    const unknown = await cli(database, ['close', 'nulle-part']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no consultation "nulle-part"/);
  });

  test('export: the same files as the admin route, on the standard output', async (t) => {
    const database = await db.create(t);
    const app = await startApp(t, db, { database });
    await app.inject({ method: 'POST', url: '/v1/admin/orgs', headers: ADMIN, payload: TOWN });
    await app.inject({ method: 'POST', url: '/v1/admin/consultations', headers: ADMIN, payload: aDefinition() });
    for (const text of ['=1+1', 'Très bien']) {
      assert.equal((await respond(app, 'place-du-marche', aResponse({ 'q-single': 'bancs', 'q-yesno': false, 'q-scale': 1, 'q-ranking': ['a', 'b', 'c'], 'q-text': text }))).statusCode, 201);
    }
    const route = (query: string) => app.inject({ method: 'GET', url: `/v1/admin/consultations/place-du-marche/export${query}`, headers: ADMIN });

    const csv = await cliProcess(database, ['export', 'place-du-marche', '--format', 'csv']);
    const questions = await cli(database, ['export', 'place-du-marche', '--format', 'csv', '--what', 'questions']);
    const json = await cli(database, ['export', 'place-du-marche']);

    assert.deepEqual(csv, { code: 0, stdout: (await route('?format=csv')).body, stderr: '' });
    assert.ok(csv.stdout.startsWith('\uFEFFq-single,'));
    assert.equal(questions.stdout, (await route('?format=csv&what=questions')).body);
    assert.deepEqual(JSON.parse(json.stdout), (await route('')).json());
  });

  test('a database that does not answer: exit 1 with the reason, no stack', async () => {
    const outcome = await cliProcess({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/civic' }, ['close', 'place-du-marche']);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stderr, /^connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
  });

  test('mistakes in the command: exit 2 with the usage; no argument or --help: the usage, exit 0', async (t) => {
    const { database } = await given(t, db);
    const mistakes: [string[], RegExp][] = [
      [['delete', 'x'], /Unknown command "delete"/],
      [['create'], /create needs a file/],
      [['export', 'x', '--format', 'xlsx'], /--format must be json or csv, not "xlsx"/],
      [['export', 'x', '--what', 'questions'], /--what goes with --format csv/],
      [['close', 'x', '--format', 'csv'], /--format and --what go with export only/],
      [['close', 'x', '--colour'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of mistakes) {
      const outcome = await cli(database, args);
      assert.equal(outcome.code, 2, args.join(' '));
      assert.match(outcome.stderr, message);
      assert.match(outcome.stderr, /Usage: npm run consultation/);
    }
    const inChild = await cliProcess(database, ['export', 'x', '--format', 'xlsx']);
    assert.equal(inChild.code, 2);
    assert.match(inChild.stderr, /--format must be json or csv/);
    for (const args of [[], ['--help']]) {
      const outcome = await cli(database, args);
      assert.equal(outcome.code, 0);
      assert.match(outcome.stdout, /^Usage: npm run consultation/);
    }
  });
});
