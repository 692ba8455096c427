import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, test } from 'node:test';
import { runAuditsCli } from '../src/cli/audits.js';
import { cliInProcess, cliProcess, givenCliDatabase, repoRoot, type CommandLine } from './cli-helpers.js';
import { describeDatabase, sqlite, testDatabases } from './databases.js';
import { TOWN } from './helpers.js';

const AUDITS: CommandLine = { script: 'audits', entry: 'src/audits-cli.ts', runner: runAuditsCli };
const YEAR = { from: '2025-01-01', to: '2026-01-01' };

const CSV = [
  'sep=;',
  'id;date;channel;service;criteriaMet;criteriaTotal;courtesy;answer-quality',
  'MS-1;14/03/2025;phone;etat-civil;1;2;oui;non',
  'MS-2;2025-03-15;counter;etat-civil;2;2;oui;oui',
].join('\n');

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('npm run audits', () => {
      test('import a CSV, then the same again: the counts printed as the route answers them', async (t) => {
        const { database, storage, file } = await givenCliDatabase(t, db);
        const path = await file(CSV, 'audits.csv');
        assert.deepEqual(await cliInProcess(AUDITS, database, ['import', TOWN.id, path]), { code: 0, stdout: '{"imported":2,"duplicates":0}\n', stderr: '' });
        assert.deepEqual(await cliInProcess(AUDITS, database, ['import', TOWN.id, path]), { code: 0, stdout: '{"imported":0,"duplicates":2}\n', stderr: '' });
        assert.deepEqual((await storage.audits.summarize(TOWN.id, YEAR)).byChannel.phone, { audits: 1, criteriaMet: 1, criteriaTotal: 2 });
      });

      test('a JSON file; a bad line or audit refuses the whole file (exit 1, each problem on its line); an unknown org', async (t) => {
        const { database, storage, file } = await givenCliDatabase(t, db);
        const json = await file([{ date: '2025-05-01', channel: 'web', criteriaMet: 3, criteriaTotal: 3 }], 'audits.json');
        assert.deepEqual(await cliInProcess(AUDITS, database, ['import', TOWN.id, json]), { code: 0, stdout: '{"imported":1,"duplicates":0}\n', stderr: '' });

        const bad = await file(`${CSV}\nMS-3;2025-03-16;fax;etat-civil;2;2;oui;oui\nMS-4;2025-03-16;web;etat-civil;3;2;oui;oui\n`, 'bad.csv');
        const refused = await cliInProcess(AUDITS, database, ['import', TOWN.id, bad]);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /bad\.csv: 3 problems\n {2}line 5\.channel: .+\n {2}line 6\.criteriaMet: more criteria met than evaluated\n {2}line 6\.criteria: .+\n$/);
        assert.equal((await storage.audits.summarize(TOWN.id, YEAR)).audits, 1);

        const unknown = await cliInProcess(AUDITS, database, ['import', 'nowhere', json]);
        assert.equal(unknown.code, 1);
        assert.match(unknown.stderr, /no organisation "nowhere"/);
        const notJson = await cliInProcess(AUDITS, database, ['import', TOWN.id, await file('date;channel', 'audits.txt')]);
        assert.equal(notJson.code, 1);
        assert.match(notJson.stderr, /\(file\): not JSON/);
      });

      test('mistakes in the command: exit 2 with the usage', async (t) => {
        const { database } = await givenCliDatabase(t, db);
        for (const args of [['import', TOWN.id], ['export', TOWN.id, 'x.csv'], ['import', TOWN.id, 'a.csv', 'b.csv']]) {
          const outcome = await cliInProcess(AUDITS, database, args);
          assert.equal(outcome.code, 2, args.join(' '));
          assert.match(outcome.stderr, /Usage: npm run audits/);
        }
        assert.match((await cliInProcess(AUDITS, database, [])).stdout, /import <org> <file\.csv\|file\.json>/);
      });
    });
  });
}

describe('npm run audits (SQLite)', () => {
  test('through npm from the repository root, the file named from there', async (t) => {
    const { database, file } = await givenCliDatabase(t, sqlite);
    const path = await file(CSV, 'audits.csv');
    assert.deepEqual(await cliProcess(AUDITS, database, ['import', TOWN.id, relative(repoRoot, path)], { viaNpm: true, cwd: repoRoot }), {
      code: 0,
      stdout: '{"imported":2,"duplicates":0}\n',
      stderr: '',
    });
  });
});
