import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { barometerPeriod } from './barometer-period.js';

const now = new Date('2026-11-29T11:59:57Z');

describe('barometerPeriod', () => {
  test('a year: the calendar year, compared with the year before', () => {
    assert.deepEqual(barometerPeriod('2026', now), {
      period: '2026',
      from: '2026-01-01',
      to: '2027-01-01',
      previous: { from: '2025-01-01', to: '2026-01-01' },
    });
  });

  test('a quarter: its three months, compared with the quarter before', () => {
    assert.deepEqual(barometerPeriod('2026-Q3', now), {
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-10-01',
      previous: { from: '2026-04-01', to: '2026-07-01' },
    });
    assert.deepEqual(barometerPeriod('2026-Q4', now), {
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2027-01-01',
      previous: { from: '2026-07-01', to: '2026-10-01' },
    });
  });

  test("Q1's previous period is last year's Q4", () => {
    assert.deepEqual(barometerPeriod('2026-Q1', now), {
      period: '2026-Q1',
      from: '2026-01-01',
      to: '2026-04-01',
      previous: { from: '2025-10-01', to: '2026-01-01' },
    });
  });

  test('last-12-months: the twelve whole months before the current one, compared with the twelve before', () => {
    assert.deepEqual(barometerPeriod('last-12-months', now), {
      period: 'last-12-months',
      from: '2025-11-01',
      to: '2026-11-01',
      previous: { from: '2024-11-01', to: '2025-11-01' },
    });
  });

  test('last-12-months in January ends with December and crosses two year boundaries', () => {
    assert.deepEqual(barometerPeriod('last-12-months', new Date('2027-01-01T00:00:00Z')), {
      period: 'last-12-months',
      from: '2026-01-01',
      to: '2027-01-01',
      previous: { from: '2025-01-01', to: '2026-01-01' },
    });
    // The last millisecond of a year is still in it (UTC, whatever the machine's time zone).
    assert.equal(barometerPeriod('last-12-months', new Date('2026-12-31T23:59:59.999Z'))?.to, '2026-12-01');
  });

  test('leap years: Q1 and February hold their 29th day, the periods still chain', () => {
    const q1 = barometerPeriod('2024-Q1', now);
    assert.equal(q1?.to, '2024-04-01');
    assert.equal(q1?.previous.from, '2023-10-01');
    // On the 29th of February, the window is still the twelve whole months before March.
    assert.deepEqual(barometerPeriod('last-12-months', new Date('2028-02-29T12:00:00Z')), {
      period: 'last-12-months',
      from: '2027-02-01',
      to: '2028-02-01',
      previous: { from: '2026-02-01', to: '2027-02-01' },
    });
    const leap = barometerPeriod('2024', now);
    assert.deepEqual([leap?.from, leap?.to, leap?.previous.from], ['2024-01-01', '2025-01-01', '2023-01-01']);
  });

  test('from 2000 to next year', () => {
    assert.equal(barometerPeriod('2000', now)?.previous.from, '1999-01-01');
    assert.equal(barometerPeriod('2027', now)?.to, '2028-01-01');
    assert.equal(barometerPeriod('2027-Q4', now)?.from, '2027-10-01');
    assert.equal(barometerPeriod('1999', now), undefined);
    assert.equal(barometerPeriod('1999-Q4', now), undefined);
    assert.equal(barometerPeriod('2028', now), undefined);
    assert.equal(barometerPeriod('2028-Q1', now), undefined);
  });

  test('anything else is refused', () => {
    for (const text of ['2026-Q5', '2026-Q0', '2026-q3', '26', '2026-13', '2026-01', '2026-01-01', ' 2026', '2026 ', '+2026', '02026', 'last-12-month', 'LAST-12-MONTHS', '', '2026-Q', 'Q3-2026']) {
      assert.equal(barometerPeriod(text, now), undefined, text);
    }
  });
});
