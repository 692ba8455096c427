import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Audit } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown, TOWN } from './helpers.js';

const YEAR = { from: '2025-01-01', to: '2026-01-01' };

const anAudit = (overrides: Partial<Audit> = {}): Audit => ({
  date: '2025-03-14',
  channel: 'phone',
  service: 'etat-civil',
  criteriaMet: 3,
  criteriaTotal: 4,
  ...overrides,
});

function importJson(app: FastifyInstance, audits: unknown, org = TOWN.id) {
  return app.inject({ method: 'POST', url: `/v1/admin/orgs/${org}/audits`, headers: ADMIN, payload: audits as object });
}

function importCsv(app: FastifyInstance, csv: string, org = TOWN.id) {
  return app.inject({
    method: 'POST',
    url: `/v1/admin/orgs/${org}/audits`,
    headers: { ...ADMIN, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
}

const CSV = [
  'id;date;channel;service;criteriaMet;criteriaTotal;reachability;courtesy;answer-quality',
  'MS-001;2025-03-14;phone;etat-civil;2;3;oui;oui;non',
  'MS-002;15/03/2025;counter;urbanisme;3;3;1;1;1',
  '',
  'MS-003;2025-04-02;email;etat-civil;1;2;;vrai;faux',
].join('\r\n');

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/admin/orgs/:org/audits', () => {
      test('a JSON array: imported in one go, kept in the daily aggregate; the same file again adds nothing', async (t) => {
        const app = await startAppWithTown(t, db);
        const audits = [
          anAudit({ id: 'MS-1' }),
          anAudit({ id: 'MS-2', channel: 'counter', criteriaMet: 4, criteriaTotal: 5, criteria: { courtesy: true, reachability: true, 'waiting-time': true, 'answer-quality': true, transfer: false } }),
          anAudit({ channel: 'phone', date: '2025-03-15', criteriaMet: 1 }),
        ];

        const first = await importJson(app, audits);
        assert.equal(first.statusCode, 201, first.body);
        assert.deepEqual(first.json(), { imported: 3, duplicates: 0 });
        const again = await importJson(app, audits);
        assert.equal(again.statusCode, 200);
        assert.deepEqual(again.json(), { imported: 0, duplicates: 3 });

        assert.deepEqual(await app.storage.audits.summarize(TOWN.id, YEAR), {
          audits: 3,
          criteriaMet: 8,
          criteriaTotal: 13,
          byChannel: { counter: { audits: 1, criteriaMet: 4, criteriaTotal: 5 }, phone: { audits: 2, criteriaMet: 4, criteriaTotal: 8 } },
        });
        const row = await app.storage.db.selectFrom('audits').selectAll().where('key', '=', 'id:MS-2').executeTakeFirstOrThrow();
        assert.deepEqual(JSON.parse(row.criteria!), audits[1]!.criteria);
        assert.equal(row.imported_at, new Date().toISOString().slice(0, 10));
      });

      test('audits without an id are keyed on their content: two identical contacts stay two, and a re-import adds none', async (t) => {
        const app = await startAppWithTown(t, db);
        const twins = [anAudit(), anAudit(), anAudit({ criteriaMet: 4 })];
        assert.deepEqual((await importJson(app, twins)).json(), { imported: 3, duplicates: 0 });
        // The same audits in another order and with the criteria's keys reordered: the same keys.
        assert.deepEqual((await importJson(app, [twins[2], twins[0], twins[1], anAudit({ date: '2025-05-01' })])).json(), { imported: 1, duplicates: 3 });
        assert.equal((await app.storage.audits.summarize(TOWN.id, YEAR)).audits, 4);
      });

      test('one bad audit: 400 naming every problem by index and field, and nothing imported', async (t) => {
        const app = await startAppWithTown(t, db);
        const response = await importJson(app, [
          anAudit({ id: 'ok' }),
          anAudit({ criteriaMet: 5, criteriaTotal: 4 }),
          { ...anAudit(), channel: 'fax' },
          { ...anAudit(), criteriaMet: '3' },
        ]);
        const error = errorOf(response, 400);
        assert.equal(error.code, 'invalid-audits');
        assert.deepEqual(fieldPaths(error), ['1.criteriaMet', '2.channel', '3.criteriaMet']);
        assert.equal((await app.storage.audits.summarize(TOWN.id, YEAR)).audits, 0);
      });

      test('not an array, an unknown field: 400 with the path', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.deepEqual(fieldPaths(errorOf(await importJson(app, anAudit()), 400)), ['(body)']);
        assert.deepEqual(fieldPaths(errorOf(await importJson(app, [{ ...anAudit(), note: 'x' }]), 400)), ['0.note']);
      });

      test('a CSV: imported as parseAuditCsv reads it (French dates, oui/non, a blank row), then again as duplicates', async (t) => {
        const app = await startAppWithTown(t, db);
        const first = await importCsv(app, CSV);
        assert.equal(first.statusCode, 201, first.body);
        assert.deepEqual(first.json(), { imported: 3, duplicates: 0 });
        assert.deepEqual((await importCsv(app, CSV)).json(), { imported: 0, duplicates: 3 });
        const summary = await app.storage.audits.summarize(TOWN.id, YEAR);
        assert.deepEqual(summary.byChannel.counter, { audits: 1, criteriaMet: 3, criteriaTotal: 3 });
        const email = await app.storage.db.selectFrom('audits').select(['date', 'criteria']).where('key', '=', 'id:MS-003').executeTakeFirstOrThrow();
        assert.deepEqual([email.date, JSON.parse(email.criteria!)], ['2025-04-02', { courtesy: true, 'answer-quality': false }]);
        // The JSON of the same audits is the same import.
        const json = await importJson(app, [{ id: 'MS-002', date: '2025-03-15', channel: 'counter', service: 'urbanisme', criteriaMet: 3, criteriaTotal: 3, criteria: { reachability: true, courtesy: true, 'answer-quality': true } }]);
        assert.deepEqual(json.json(), { imported: 0, duplicates: 1 });
      });

      test('a CSV with bad lines: 400 naming each line (where its row starts) and field, nothing imported', async (t) => {
        const app = await startAppWithTown(t, db);
        const csv = [
          'date,channel,service,criteriaMet,criteriaTotal',
          '2025-03-14,phone,etat-civil,2,3',
          '2025-03-14,fax,etat-civil,2,3',
          '2025-13-14,phone,etat-civil,4,3',
        ].join('\n');
        const error = errorOf(await importCsv(app, csv), 400);
        assert.equal(error.code, 'invalid-audits');
        assert.ok(fieldPaths(error).includes('line 3.channel'), JSON.stringify(error.fields));
        assert.ok(fieldPaths(error).some((path) => path.startsWith('line 4.')), JSON.stringify(error.fields));
        assert.ok(fieldPaths(error).every((path) => path.startsWith('line 3') || path.startsWith('line 4')));
        assert.match(error.message, /nothing was imported/);
        assert.equal((await app.storage.audits.summarize(TOWN.id, YEAR)).audits, 0);

        const headerless = errorOf(await importCsv(app, 'date;channel\n2025-03-14;phone'), 400);
        assert.deepEqual(fieldPaths(headerless), ['line 1']);
      });

      test('an id given twice in a file with other figures: 400 naming the second; with the same figures, a duplicate', async (t) => {
        const app = await startAppWithTown(t, db);
        const twice = errorOf(await importJson(app, [anAudit({ id: 'MS-9' }), anAudit({ id: 'MS-9', criteriaMet: 1 })]), 400);
        assert.deepEqual(fieldPaths(twice), ['1.id']);
        const csv = 'id;date;channel;service;criteriaMet;criteriaTotal\nA;2025-03-14;phone;etat-civil;2;3\nA;2025-03-14;phone;etat-civil;1;3\n';
        assert.deepEqual(fieldPaths(errorOf(await importCsv(app, csv), 400)), ['line 3.id']);
        assert.deepEqual((await importJson(app, [anAudit({ id: 'MS-9' }), anAudit({ id: 'MS-9' })])).json(), { imported: 1, duplicates: 1 });
      });

      test('an id imported before with other figures: 422 naming it, and nothing of the file imported', async (t) => {
        const app = await startAppWithTown(t, db);
        await importJson(app, [anAudit({ id: 'MS-1' })]);
        const response = await importJson(app, [anAudit({ id: 'MS-new' }), anAudit({ id: 'MS-1', criteriaMet: 4 })]);
        const error = errorOf(response, 422);
        assert.equal(error.code, 'audit-conflict');
        assert.deepEqual(fieldPaths(error), ['1.id']);
        assert.equal((await app.storage.audits.summarize(TOWN.id, YEAR)).audits, 1);
      });

      test('the same file imported twice at once: each audit once, and the aggregate counts it once', async (t) => {
        const app = await startAppWithTown(t, db);
        const audits = Array.from({ length: 40 }, (_, index) => anAudit({ date: `2025-0${1 + (index % 9)}-1${index % 10}`, criteriaMet: index % 4 }));
        const answers = await Promise.all([importJson(app, audits), importJson(app, audits), importCsv(app, toCsv(audits))]);
        const receipts = answers.map((answer) => answer.json<{ imported: number; duplicates: number }>());
        assert.equal(receipts.reduce((sum, receipt) => sum + receipt.imported, 0), 40, JSON.stringify(receipts));
        assert.deepEqual(receipts.map((receipt) => receipt.imported + receipt.duplicates), [40, 40, 40]);
        const summary = await app.storage.audits.summarize(TOWN.id, YEAR);
        assert.equal(summary.audits, 40);
        assert.equal(summary.criteriaMet, audits.reduce((sum, audit) => sum + audit.criteriaMet, 0));
        const rows = await app.storage.db.selectFrom('audits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(rows.n), 40);
      });

      test('an unknown org: 404; no token: 401; a body of another type: 415', async (t) => {
        const app = await startAppWithTown(t, db);
        assert.equal(errorOf(await importJson(app, [anAudit()], 'nowhere'), 404).code, 'unknown-org');
        const anonymous = await app.inject({ method: 'POST', url: `/v1/admin/orgs/${TOWN.id}/audits`, payload: [anAudit()] });
        assert.equal(anonymous.statusCode, 401);
        const xml = await app.inject({ method: 'POST', url: `/v1/admin/orgs/${TOWN.id}/audits`, headers: { ...ADMIN, 'content-type': 'application/xml' }, payload: '<a/>' });
        assert.equal(xml.statusCode, 415);
      });

      test('a year of audits fits the body limit: 5,000 with their criteria', async (t) => {
        const app = await startAppWithTown(t, db);
        const criteria = { reachability: true, reactivity: true, courtesy: false, personalisation: true, 'answer-quality': true, transfer: false };
        const audits = Array.from({ length: 5_000 }, (_, index) =>
          anAudit({ id: `MS-${index}`, date: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`, criteriaMet: 4, criteriaTotal: 6, criteria }),
        );
        const response = await importJson(app, audits);
        assert.equal(response.statusCode, 201, response.body.slice(0, 300));
        assert.deepEqual(response.json(), { imported: 5_000, duplicates: 0 });
        assert.equal((await app.storage.audits.summarize(TOWN.id, YEAR)).criteriaTotal, 30_000);
      });
    });
  });
}

function toCsv(audits: readonly Audit[]): string {
  const lines = audits.map((audit) => [audit.date, audit.channel, audit.service ?? '', audit.criteriaMet, audit.criteriaTotal].join(';'));
  return ['date;channel;service;criteriaMet;criteriaTotal', ...lines].join('\n');
}
