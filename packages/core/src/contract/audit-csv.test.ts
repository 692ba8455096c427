import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Audit } from './audit.js';
import { parseAuditCsv, type AuditCsvProblem, type AuditCsvResult } from './audit-csv.js';

function audits(result: AuditCsvResult): Audit[] {
  if ('problems' in result) assert.fail(`expected audits, got ${JSON.stringify(result.problems)}`);
  return result.audits;
}

function problems(result: AuditCsvResult): AuditCsvProblem[] {
  if ('audits' in result) assert.fail(`expected problems, got ${result.audits.length} audits`);
  return result.problems;
}

const HEADER = 'date,channel,service,criteriaMet,criteriaTotal';

describe('parseAuditCsv', () => {
  test('the required columns alone: one audit per row, an empty service left out', () => {
    const text = `${HEADER}\n2026-03-15,phone,etat-civil,6,8\n2026-03-16,web,,3,4\n`;
    assert.deepEqual(audits(parseAuditCsv(text)), [
      { date: '2026-03-15', channel: 'phone', service: 'etat-civil', criteriaMet: 6, criteriaTotal: 8 },
      { date: '2026-03-16', channel: 'web', criteriaMet: 3, criteriaTotal: 4 },
    ]);
  });

  test('an id and criteria columns in any order; every yes and no spelling; empty is not evaluated', () => {
    const text = [
      'courtesy,id,criteriaTotal,reachability,date,criteriaMet,channel,service,answer-quality',
      'oui,A-1,3,non,2026-01-05,2,counter,urbanisme,1',
      'YES,A-2,2,No,2026-01-06,1,email,,',
      'true,A-3,2,FALSE,2026-01-07,1,mail,,',
      'Vrai,A-4,3,faux,2026-01-08,1,social,,0',
    ].join('\n');
    const read = audits(parseAuditCsv(text));
    assert.deepEqual(read[0], {
      id: 'A-1',
      date: '2026-01-05',
      channel: 'counter',
      service: 'urbanisme',
      criteriaMet: 2,
      criteriaTotal: 3,
      criteria: { courtesy: true, reachability: false, 'answer-quality': true },
    });
    assert.deepEqual(read[1]?.criteria, { courtesy: true, reachability: false });
    assert.deepEqual(read[2]?.criteria, { courtesy: true, reachability: false });
    assert.deepEqual(read[3]?.criteria, { courtesy: true, reachability: false, 'answer-quality': false });
  });

  test('a row with no criterion evaluated has no criteria', () => {
    const [audit] = audits(parseAuditCsv(`${HEADER},courtesy,reachability\n2026-02-01,phone,,1,2,,\n`));
    assert.equal(audit && 'criteria' in audit, false);
  });

  test('a file exported from French Excel: BOM, semicolons, CRLF, dd/mm/yyyy, VRAI/FAUX, quoted fields, trailing separators', () => {
    const text =
      '\uFEFFid;date;channel;service;criteriaMet;criteriaTotal;reachability;reactivity;courtesy;answer-quality;;\r\n' +
      'CM-2026-001;15/03/2026;phone;etat-civil;3;4;VRAI;VRAI;FAUX;VRAI;;\r\n' +
      '"Mairie, accueil; n°2";16/03/2026;counter;etat-civil;2;2;;;VRAI;VRAI;;\r\n' +
      '"CM ""bis""";29/02/2028;email;;0;1;FAUX;;;;;\r\n' +
      ';;;;;;;;;;;\r\n';
    assert.deepEqual(audits(parseAuditCsv(text)), [
      {
        id: 'CM-2026-001',
        date: '2026-03-15',
        channel: 'phone',
        service: 'etat-civil',
        criteriaMet: 3,
        criteriaTotal: 4,
        criteria: { reachability: true, reactivity: true, courtesy: false, 'answer-quality': true },
      },
      { id: 'Mairie, accueil; n°2', date: '2026-03-16', channel: 'counter', service: 'etat-civil', criteriaMet: 2, criteriaTotal: 2, criteria: { courtesy: true, 'answer-quality': true } },
      { id: 'CM "bis"', date: '2028-02-29', channel: 'email', criteriaMet: 0, criteriaTotal: 1, criteria: { reachability: false } },
    ]);
  });

  test("Excel's sep= line sets the separator and counts as a line", () => {
    const text = `sep=;\n${HEADER.replaceAll(',', ';')}\n2026-03-15;phone;;1;2\n2026-03-16;web;;9;2\n`;
    assert.deepEqual(problems(parseAuditCsv(text)), [{ line: 4, path: 'criteriaMet', message: 'more criteria met than evaluated' }]);
  });

  test('a comma file whose quoted fields hold semicolons, header names in any case, no final line break', () => {
    const text = `ID,Date,Channel,Service,CriteriaMet,CRITERIATOTAL\r\n"a;b;c",2026-03-15,Web,,1,1`;
    assert.deepEqual(audits(parseAuditCsv(text)), [{ id: 'a;b;c', date: '2026-03-15', channel: 'web', criteriaMet: 1, criteriaTotal: 1 }]);
  });

  test('every bad row is reported with its line and reason, and no audit is given', () => {
    const text = [
      `${HEADER},courtesy,reachability`,
      '2026-03-15,phone,,2,2,1,1', // 2: fine
      '2026-02-30,fax,,1,2,1,0', // 3: no such day, no such channel
      '2026-03-15,web,,two,2,1,0', // 4: not a number
      '2026-03-15,web,,3,2,1,1', // 5: more met than evaluated, and than the criteria met
      '2026-03-15,web,,1,3,1,0', // 6: three evaluated, two criteria listed
      '2026-03-15,web,,1,2,peut-être,0', // 7: not a yes or a no
      '2026-03-15,web,,1,2', // 8: too few fields
      '2026-03-15,web,Etat Civil,1,2,1,0', // 9: not a slug
      '2026-03-15,web,,0,0,,', // 10: nothing evaluated
      ',,,,,,', // blank: skipped
      '2026-03-15,web,,,2,,', // 12: met missing
    ].join('\r\n');
    const found = problems(parseAuditCsv(text));
    const at = (line: number) => found.filter((problem) => problem.line === line).map(({ path, message }) => `${path ?? ''}: ${message}`);
    assert.deepEqual(at(2), []);
    assert.deepEqual(at(3).map((problem) => problem.split(':')[0]).sort(), ['channel', 'date']);
    assert.deepEqual(at(4), ['criteriaMet: "two" is not a whole number']);
    assert.deepEqual(at(5).map((problem) => problem.split(':')[0]).sort(), ['criteria', 'criteriaMet']);
    assert.deepEqual(at(6), ['criteria: the criteria listed are not as many as criteriaTotal']);
    assert.match(at(7).join(), /^criteria\.courtesy: "peut-être" is none of 1\/0, oui\/non/);
    assert.deepEqual(at(8), [': 5 fields where the header names 7']);
    assert.deepEqual(at(9).map((problem) => problem.split(':')[0]), ['service']);
    assert.deepEqual(at(10).map((problem) => problem.split(':')[0]), ['criteriaTotal']);
    assert.deepEqual(at(11), []);
    assert.deepEqual(at(12), ['criteriaMet: missing: a whole number']);
  });

  test('a quoted line break: the next row is numbered by its line in the file', () => {
    const text = `id,${HEADER}\n"A\r\nB",2026-03-15,phone,,1,2\n"C",2026-13-01,phone,,1,2\n`;
    assert.deepEqual(
      problems(parseAuditCsv(text)).map(({ line, path }) => [line, path]),
      [[4, 'date']],
    );
    assert.equal(audits(parseAuditCsv(`id,${HEADER}\n"A\r\nB",2026-03-15,phone,,1,2\n`))[0]?.id, 'A\nB');
  });

  test('broken quotes: text after a closing quote, a quote never closed', () => {
    const text = `id,${HEADER}\n"A"x,2026-03-15,phone,,1,2\n2026,2026-03-15,phone,,1,2\n"B,2026-03-15,phone,,1,2\n2026-03-16,phone,,1,2\n`;
    assert.deepEqual(problems(parseAuditCsv(text)), [
      { line: 2, message: 'text after a closing quote, in field 1: a quote inside a quoted field is written ""' },
      { line: 4, message: 'a quoted field opened in field 1 is never closed' },
    ]);
  });

  test('a bad header: missing columns, a column twice, a name that is no criterion', () => {
    assert.deepEqual(problems(parseAuditCsv('date,channel,criteriaMet\n2026-03-15,phone,1\n')), [
      { line: 1, message: 'the header lacks the columns service, criteriaTotal' },
    ]);
    assert.deepEqual(problems(parseAuditCsv(`${HEADER},courtesy,Courtesy,Accueil réussi\n`)), [
      { line: 1, message: 'the column "Courtesy" comes twice' },
      { line: 1, message: 'the column "Accueil réussi" is none of date, channel, service, criteriaMet, criteriaTotal, id, nor a criterion (lower-case letters, digits and dashes)' },
    ]);
  });

  test('an empty file is a problem; a header alone, no audit', () => {
    assert.equal(problems(parseAuditCsv(''))[0]?.line, 1);
    assert.equal(problems(parseAuditCsv('\uFEFF\r\n'))[0]?.line, 1);
    assert.deepEqual(audits(parseAuditCsv(`${HEADER}\r\n`)), []);
  });
});
