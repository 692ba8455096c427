import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_BAROMETER_SETTINGS, type BarometerSettings } from './barometer.js';
import { auditTotalsOf, barometerOf, satisfactionTotalsOf, type AuditTotals, type BarometerInput, type ByChannel, type SatisfactionTotals } from './barometer-score.js';
import { CHANNELS, type Channel } from './vocabulary.js';

const NONE_RATED: ByChannel<SatisfactionTotals> = { responses: 0, sumNormalized: 0, byChannel: {} };
const NONE_AUDITED: ByChannel<AuditTotals> = { audits: 0, criteriaMet: 0, criteriaTotal: 0, byChannel: {} };

/** `count` ratings of one channel whose mean is `mean`. */
const rated = (channel: Channel, count: number, mean: number): ByChannel<SatisfactionTotals> =>
  ({ responses: count, sumNormalized: count * mean, byChannel: { [channel]: { responses: count, sumNormalized: count * mean } } });

/** `count` audits of one channel, each with `met` of `total` criteria. */
const audited = (channel: Channel, count: number, met: number, total: number): ByChannel<AuditTotals> =>
  auditTotalsOf(Array.from({ length: count }, () => ({ channel, criteriaMet: met, criteriaTotal: total })));

function input(overrides: Partial<BarometerInput> = {}): BarometerInput {
  return {
    org: 'ville-test',
    period: '2026',
    from: '2026-01-01',
    to: '2027-01-01',
    satisfaction: NONE_RATED,
    previousSatisfaction: NONE_RATED,
    audits: NONE_AUDITED,
    previousAudits: NONE_AUDITED,
    settings: DEFAULT_BAROMETER_SETTINGS,
    methodology: 'https://example.org/methodology',
    ...overrides,
  };
}

const withWeights = (audit: number, satisfaction: number): BarometerSettings => ({ ...DEFAULT_BAROMETER_SETTINGS, weights: { audit, satisfaction } });

describe('barometerOf', () => {
  test('no data at all: every score null, counts 0, every channel listed as null', () => {
    const barometer = barometerOf(input());
    assert.equal(barometer.score, null);
    assert.equal(barometer.responses, 0);
    assert.deepEqual(barometer.satisfaction, { score: null, responses: 0, byChannel: Object.fromEntries(CHANNELS.map((c) => [c, null])) });
    assert.deepEqual(barometer.audit, { score: null, audits: 0, byChannel: Object.fromEntries(CHANNELS.map((c) => [c, null])) });
    assert.deepEqual(barometer.trend, { previous: null, delta: null });
    assert.deepEqual(barometer.weights, { audit: 0.5, satisfaction: 0.5, applied: { audit: 0, satisfaction: 0 } });
    assert.deepEqual(barometer.minimum, { ratings: 30, audits: 5 });
    assert.equal(barometer.methodology, 'https://example.org/methodology');
    assert.deepEqual([barometer.org, barometer.period, barometer.from, barometer.to], ['ville-test', '2026', '2026-01-01', '2027-01-01']);
  });

  test('both sides: the 50/50 mean of the audit score (criteria met of evaluated) and the mean rating', () => {
    const barometer = barometerOf(input({ satisfaction: rated('web', 40, 80), audits: audited('phone', 5, 6, 8) }));
    assert.equal(barometer.audit.score, 75);
    assert.equal(barometer.satisfaction.score, 80);
    assert.equal(barometer.score, 77.5);
    assert.equal(barometer.responses, 40);
    assert.deepEqual(barometer.weights.applied, { audit: 0.5, satisfaction: 0.5 });
  });

  test('the overall audit score is Σ met / Σ evaluated, not the mean of each audit’s share', () => {
    // The mean of each audit's share would be 63; the criteria, 20 of 28, make 71.4.
    const audits = auditTotalsOf([
      { channel: 'phone', criteriaMet: 1, criteriaTotal: 2 },
      { channel: 'phone', criteriaMet: 9, criteriaTotal: 10 },
      { channel: 'email', criteriaMet: 0, criteriaTotal: 4 },
      { channel: 'email', criteriaMet: 4, criteriaTotal: 4 },
      { channel: 'web', criteriaMet: 6, criteriaTotal: 8 },
    ]);
    const barometer = barometerOf(input({ audits }));
    assert.equal(barometer.audit.audits, 5);
    assert.equal(barometer.audit.score, 71.4);
    // Each channel has fewer than 5 audits: counted, withheld.
    assert.deepEqual(barometer.audit.byChannel.phone, { score: null, audits: 2 });
    assert.deepEqual(barometer.audit.byChannel.web, { score: null, audits: 1 });
    assert.equal(barometer.audit.byChannel.counter, null);
  });

  test('no audits: the score is the satisfaction score alone, weights renormalized', () => {
    const barometer = barometerOf(input({ satisfaction: rated('counter', 30, 64) }));
    assert.equal(barometer.audit.score, null);
    assert.equal(barometer.score, 64);
    assert.deepEqual(barometer.weights, { audit: 0.5, satisfaction: 0.5, applied: { audit: 0, satisfaction: 1 } });
  });

  test('no ratings: the score is the audit score alone', () => {
    const barometer = barometerOf(input({ audits: audited('mail', 7, 3, 4) }));
    assert.equal(barometer.satisfaction.score, null);
    assert.equal(barometer.responses, 0);
    assert.equal(barometer.score, 75);
    assert.deepEqual(barometer.weights.applied, { audit: 1, satisfaction: 0 });
  });

  test('a side under its minimum counts as no score: its count is told, the other side carries the score', () => {
    const barometer = barometerOf(input({ satisfaction: rated('web', 29, 90), audits: audited('web', 5, 1, 2) }));
    assert.deepEqual({ score: barometer.satisfaction.score, responses: barometer.satisfaction.responses }, { score: null, responses: 29 });
    assert.equal(barometer.score, 50);
    assert.deepEqual(barometer.weights.applied, { audit: 1, satisfaction: 0 });
  });

  test('both sides under their minimum: score null, the counts still given', () => {
    const barometer = barometerOf(input({ satisfaction: rated('web', 12, 90), audits: audited('phone', 4, 8, 8) }));
    assert.equal(barometer.score, null);
    assert.deepEqual([barometer.responses, barometer.satisfaction.responses, barometer.audit.audits], [12, 12, 4]);
    assert.deepEqual(barometer.satisfaction.byChannel.web, { score: null, responses: 12 });
    assert.deepEqual(barometer.audit.byChannel.phone, { score: null, audits: 4 });
  });

  test('exactly at the minimum the score is shown, overall and per channel', () => {
    const barometer = barometerOf(input({ satisfaction: rated('web', 30, 70), audits: audited('phone', 5, 4, 5) }));
    assert.deepEqual(barometer.satisfaction.byChannel.web, { score: 70, responses: 30 });
    assert.deepEqual(barometer.audit.byChannel.phone, { score: 80, audits: 5 });
    assert.equal(barometer.score, 75);
  });

  test('per channel: a channel under the minimum is withheld while the overall score, over every channel, is shown', () => {
    const satisfaction: ByChannel<SatisfactionTotals> = {
      responses: 45,
      sumNormalized: 40 * 75 + 5 * 15,
      byChannel: { counter: { responses: 40, sumNormalized: 40 * 75 }, phone: { responses: 5, sumNormalized: 5 * 15 } },
    };
    const barometer = barometerOf(input({ satisfaction }));
    assert.equal(barometer.satisfaction.score, 68.3); // 3075 / 45 = 68.33…
    assert.deepEqual(barometer.satisfaction.byChannel.counter, { score: 75, responses: 40 });
    assert.deepEqual(barometer.satisfaction.byChannel.phone, { score: null, responses: 5 });
    for (const channel of ['email', 'web', 'mail', 'social'] as const) assert.equal(barometer.satisfaction.byChannel[channel], null, channel);
  });

  test('a channel given with zero counts reads as no data, like a missing one', () => {
    const satisfaction = { ...rated('web', 30, 50), byChannel: { web: { responses: 30, sumNormalized: 1500 }, social: { responses: 0, sumNormalized: 0 } } };
    assert.equal(barometerOf(input({ satisfaction })).satisfaction.byChannel.social, null);
  });

  test('weights 70/30', () => {
    const barometer = barometerOf(input({ settings: withWeights(70, 30), satisfaction: rated('web', 30, 60), audits: audited('web', 5, 9, 10) }));
    assert.equal(barometer.score, 81); // 0.7 × 90 + 0.3 × 60
    assert.deepEqual(barometer.weights, { audit: 70, satisfaction: 30, applied: { audit: 0.7, satisfaction: 0.3 } });
  });

  test('weights 0/100: the audits are shown but do not count; alone, they make no score', () => {
    const both = barometerOf(input({ settings: withWeights(0, 100), satisfaction: rated('web', 30, 60), audits: audited('web', 5, 9, 10) }));
    assert.equal(both.score, 60);
    assert.equal(both.audit.score, 90);
    assert.deepEqual(both.weights.applied, { audit: 0, satisfaction: 1 });
    const auditsOnly = barometerOf(input({ settings: withWeights(0, 100), audits: audited('web', 5, 9, 10) }));
    assert.equal(auditsOnly.score, null);
    assert.equal(auditsOnly.audit.score, 90);
    assert.deepEqual(auditsOnly.weights.applied, { audit: 0, satisfaction: 0 });
  });

  test('weights that cannot weigh are refused', () => {
    for (const weights of [[0, 0], [-1, 2], [Number.NaN, 1], [Number.POSITIVE_INFINITY, 1]] as [number, number][]) {
      assert.throws(() => barometerOf(input({ settings: withWeights(...weights) })), RangeError, weights.join('/'));
    }
  });

  test('other minimums from the settings', () => {
    const settings: BarometerSettings = { ...DEFAULT_BAROMETER_SETTINGS, minimum: { ratings: 2, audits: 1 } };
    const barometer = barometerOf(input({ settings, satisfaction: rated('web', 2, 50), audits: audited('phone', 1, 1, 4) }));
    assert.equal(barometer.score, 37.5);
    assert.deepEqual(barometer.minimum, { ratings: 2, audits: 1 });
  });

  test('trend: the difference with the previous period', () => {
    const barometer = barometerOf(
      input({
        satisfaction: rated('web', 30, 80),
        audits: audited('web', 5, 7, 10),
        previousSatisfaction: { responses: 50, sumNormalized: 50 * 70 },
        previousAudits: { audits: 6, criteriaMet: 30, criteriaTotal: 60 },
      }),
    );
    assert.equal(barometer.score, 75);
    assert.deepEqual(barometer.trend, { previous: 60, delta: 15 });
  });

  test('trend with a previous period under its minimums, or a current one: null', () => {
    const previousWithheld = barometerOf(
      input({ satisfaction: rated('web', 30, 80), previousSatisfaction: { responses: 29, sumNormalized: 29 * 70 }, previousAudits: { audits: 4, criteriaMet: 4, criteriaTotal: 4 } }),
    );
    assert.equal(previousWithheld.score, 80);
    assert.deepEqual(previousWithheld.trend, { previous: null, delta: null });
    const currentWithheld = barometerOf(input({ satisfaction: rated('web', 3, 80), previousSatisfaction: { responses: 30, sumNormalized: 30 * 70 } }));
    assert.deepEqual(currentWithheld.trend, { previous: 70, delta: null });
  });

  test('trend: the previous score is weighted over the sides it had, on its own', () => {
    // Previous: satisfaction alone (no audits then), 70; now both, 50/50 of 90 and 80.
    const barometer = barometerOf(
      input({ satisfaction: rated('web', 30, 80), audits: audited('web', 5, 9, 10), previousSatisfaction: { responses: 30, sumNormalized: 2100 } }),
    );
    assert.deepEqual(barometer.trend, { previous: 70, delta: 15 });
  });

  test('rounded to one decimal at the end only', () => {
    const barometer = barometerOf(
      input({
        satisfaction: { responses: 100, sumNormalized: 7204, byChannel: {} }, // 72.04 → shown 72.0
        previousSatisfaction: { responses: 100, sumNormalized: 6996 }, // 69.96 → shown 70.0
      }),
    );
    assert.equal(barometer.score, 72);
    assert.equal(barometer.trend.previous, 70);
    // 72.04 − 69.96 = 2.08 → 2.1, where the rounded scores would say 2.0.
    assert.equal(barometer.trend.delta, 2.1);
  });

  test('the weighted score is taken from the unrounded parts', () => {
    // Audits 10 of 15, 66.666… (shown 66.7); ratings 6656 / 100, 66.56 (shown 66.6). The mean of the
    // unrounded parts is 66.613… → 66.6; the mean of the shown parts would be 66.65 → 66.7.
    const barometer = barometerOf(
      input({ satisfaction: { responses: 100, sumNormalized: 6656, byChannel: {} }, audits: { audits: 5, criteriaMet: 10, criteriaTotal: 15, byChannel: {} } }),
    );
    assert.deepEqual([barometer.audit.score, barometer.satisfaction.score, barometer.score], [66.7, 66.6, 66.6]);
  });

  test('halves round away from zero, also when floating point computes them a hair low', () => {
    // 289 of 400 criteria: 72.25, which 289 / 400 × 100 would make 72.24999999999999.
    const audits = { audits: 5, criteriaMet: 289, criteriaTotal: 400, byChannel: { phone: { audits: 5, criteriaMet: 289, criteriaTotal: 400 } } };
    assert.equal(barometerOf(input({ audits })).audit.score, 72.3);
    // A mean of 40.15 (floating point holds it as 40.149999…), and a negative half.
    const satisfaction = { responses: 30, sumNormalized: 30 * 40.15, byChannel: {} };
    const barometer = barometerOf(input({ satisfaction, previousSatisfaction: { responses: 30, sumNormalized: 30 * 40.2 } }));
    assert.equal(barometer.satisfaction.score, 40.2);
    assert.equal(barometer.trend.delta, -0.1); // −0.05, away from zero
  });

  test('a delta that rounds to nothing is 0, not −0', () => {
    const barometer = barometerOf(input({ satisfaction: rated('web', 30, 70), previousSatisfaction: { responses: 30, sumNormalized: 30 * 70.01 } }));
    assert.ok(Object.is(barometer.trend.delta, 0));
  });
});

describe('auditTotalsOf and satisfactionTotalsOf', () => {
  test('sum overall and per channel', () => {
    assert.deepEqual(
      auditTotalsOf([
        { channel: 'phone', criteriaMet: 3, criteriaTotal: 4 },
        { channel: 'phone', criteriaMet: 1, criteriaTotal: 4 },
        { channel: 'web', criteriaMet: 5, criteriaTotal: 6 },
      ]),
      { audits: 3, criteriaMet: 9, criteriaTotal: 14, byChannel: { phone: { audits: 2, criteriaMet: 4, criteriaTotal: 8 }, web: { audits: 1, criteriaMet: 5, criteriaTotal: 6 } } },
    );
    assert.deepEqual(
      satisfactionTotalsOf([
        { channel: 'counter', normalized: 100 },
        { channel: 'counter', normalized: 50 },
        { channel: 'social', normalized: 0 },
      ]),
      { responses: 3, sumNormalized: 150, byChannel: { counter: { responses: 2, sumNormalized: 150 }, social: { responses: 1, sumNormalized: 0 } } },
    );
    assert.deepEqual(auditTotalsOf([]), NONE_AUDITED);
  });
});
