import type { Audit } from './audit.js';
import type { AuditPart, Barometer, BarometerSettings, SatisfactionPart } from './barometer.js';
import { CHANNELS, type Channel } from './vocabulary.js';

/** Ratings of a period: how many, and the sum of their normalized 0..100 scores (as `rating_daily` keeps them). */
export interface SatisfactionTotals {
  responses: number;
  sumNormalized: number;
}

/** Audits of a period: how many, and the criteria met and evaluated, summed over all of them. */
export interface AuditTotals {
  audits: number;
  criteriaMet: number;
  criteriaTotal: number;
}

/** Totals of a period, overall and per channel; a channel with nothing may be absent. */
export type ByChannel<T> = T & { byChannel: Partial<Record<Channel, T>> };

export interface BarometerInput {
  org: string;
  period: string;
  from: string;
  to: string;
  satisfaction: ByChannel<SatisfactionTotals>;
  /** The previous period's, for the trend; only the overall totals are read. */
  previousSatisfaction: SatisfactionTotals;
  audits: ByChannel<AuditTotals>;
  previousAudits: AuditTotals;
  settings: BarometerSettings;
  /** The methodology's URL, passed through. */
  methodology: string;
}

/**
 * The barometer of a period, from its totals, as the methodology says (README, "Barometer
 * methodology"):
 *
 * - audit score = Σ criteria met / Σ criteria evaluated × 100, over the audits of the period (or of
 *   one channel); satisfaction score = the mean normalized rating;
 * - barometer score = the weighted mean of the two, the weights renormalized over the sides that
 *   have a score (a side whose weight is 0 counts for nothing even when it alone has a score);
 * - each score is withheld (null) below its minimum count: `settings.minimum.ratings` ratings,
 *   `settings.minimum.audits` audits, overall and per channel alike;
 * - trend = this period's barometer score minus the previous period's, computed the same way;
 *   null when either is.
 *
 * Every figure is computed unrounded and rounded to one decimal at the end only (half away from
 * zero): `trend.delta` is the difference of the unrounded scores, so it may differ by 0.1 from the
 * difference of the two rounded scores shown.
 *
 * `byChannel` lists every channel: `null` when the channel has no rating (or no audit) at all in
 * the period; `{ score: null, responses | audits: n }` when it has some, under the minimum. The two
 * are told apart because the element says different things: "not measured" and "not enough data
 * yet", as it does for the overall figures, which always carry their counts.
 */
export function barometerOf(input: BarometerInput): Barometer {
  const { settings } = input;
  checkWeights(settings.weights);
  const satisfaction = satisfactionScore(input.satisfaction, settings.minimum.ratings);
  const audit = auditScore(input.audits, settings.minimum.audits);
  const current = weighted(audit, satisfaction, settings.weights);
  const previous = weighted(
    auditScore(input.previousAudits, settings.minimum.audits),
    satisfactionScore(input.previousSatisfaction, settings.minimum.ratings),
    settings.weights,
  ).score;
  const byChannel = <T, P>(totals: Partial<Record<Channel, T>>, part: (totals: T) => P | null) =>
    Object.fromEntries(CHANNELS.map((channel) => [channel, totals[channel] === undefined ? null : part(totals[channel])])) as Record<Channel, P | null>;
  return {
    org: input.org,
    period: input.period,
    from: input.from,
    to: input.to,
    score: round(current.score),
    responses: input.satisfaction.responses,
    satisfaction: {
      ...satisfactionPart(input.satisfaction, settings.minimum.ratings),
      byChannel: byChannel(input.satisfaction.byChannel, (totals) => (totals.responses > 0 ? satisfactionPart(totals, settings.minimum.ratings) : null)),
    },
    audit: {
      ...auditPart(input.audits, settings.minimum.audits),
      byChannel: byChannel(input.audits.byChannel, (totals) => (totals.audits > 0 ? auditPart(totals, settings.minimum.audits) : null)),
    },
    trend: {
      previous: round(previous),
      delta: current.score === null || previous === null ? null : round(current.score - previous),
    },
    weights: { audit: settings.weights.audit, satisfaction: settings.weights.satisfaction, applied: current.applied },
    minimum: { ...settings.minimum },
    methodology: input.methodology,
  };
}

/** Totals of audits, overall and per channel: what a backend without aggregates (the memory adapter) reads. */
export function auditTotalsOf(audits: readonly Pick<Audit, 'channel' | 'criteriaMet' | 'criteriaTotal'>[]): ByChannel<AuditTotals> {
  const totals: ByChannel<AuditTotals> = { audits: 0, criteriaMet: 0, criteriaTotal: 0, byChannel: {} };
  for (const { channel, criteriaMet, criteriaTotal } of audits) {
    const own = (totals.byChannel[channel] ??= { audits: 0, criteriaMet: 0, criteriaTotal: 0 });
    for (const sums of [totals, own]) {
      sums.audits += 1;
      sums.criteriaMet += criteriaMet;
      sums.criteriaTotal += criteriaTotal;
    }
  }
  return totals;
}

/** Totals of ratings already normalized (0..100), overall and per channel. */
export function satisfactionTotalsOf(ratings: readonly { channel: Channel; normalized: number }[]): ByChannel<SatisfactionTotals> {
  const totals: ByChannel<SatisfactionTotals> = { responses: 0, sumNormalized: 0, byChannel: {} };
  for (const { channel, normalized } of ratings) {
    const own = (totals.byChannel[channel] ??= { responses: 0, sumNormalized: 0 });
    for (const sums of [totals, own]) {
      sums.responses += 1;
      sums.sumNormalized += normalized;
    }
  }
  return totals;
}

/** The unrounded mean normalized rating, or null under the minimum (or with no rating at all). */
function satisfactionScore({ responses, sumNormalized }: SatisfactionTotals, minimum: number): number | null {
  return responses > 0 && responses >= minimum ? sumNormalized / responses : null;
}

/** The unrounded share of criteria met, × 100, or null under the minimum. */
function auditScore({ audits, criteriaMet, criteriaTotal }: AuditTotals, minimum: number): number | null {
  // Multiplied first: 289 × 100 / 400 is exactly 72.25, 289 / 400 × 100 is not.
  return audits > 0 && audits >= minimum && criteriaTotal > 0 ? (criteriaMet * 100) / criteriaTotal : null;
}

function satisfactionPart(totals: SatisfactionTotals, minimum: number): SatisfactionPart {
  return { score: round(satisfactionScore(totals, minimum)), responses: totals.responses };
}

function auditPart(totals: AuditTotals, minimum: number): AuditPart {
  return { score: round(auditScore(totals, minimum)), audits: totals.audits };
}

/** The weighted mean over the sides that have a score and a weight, and the weights it applied (summing to 1, or both 0). */
function weighted(audit: number | null, satisfaction: number | null, weights: BarometerSettings['weights']) {
  const a = audit === null ? 0 : weights.audit;
  const s = satisfaction === null ? 0 : weights.satisfaction;
  if (a + s === 0) return { score: null, applied: { audit: 0, satisfaction: 0 } };
  return {
    score: ((audit ?? 0) * a + (satisfaction ?? 0) * s) / (a + s),
    applied: { audit: a / (a + s), satisfaction: s / (a + s) },
  };
}

function checkWeights({ audit, satisfaction }: BarometerSettings['weights']): void {
  const fine = (weight: number) => Number.isFinite(weight) && weight >= 0;
  if (!fine(audit) || !fine(satisfaction) || audit + satisfaction === 0) {
    throw new RangeError(`Barometer weights must be finite, not negative, and not both 0 (got audit ${audit}, satisfaction ${satisfaction}).`);
  }
}

/**
 * One decimal, half away from zero. The value is nudged by a few ulps first, so that a half that
 * floating point computed a hair low (722.4999999999999) rounds as the exact half it stands for.
 */
function round(value: number | null): number | null {
  if (value === null) return null;
  const tenths = Math.round(Math.abs(value) * 10 * (1 + 4 * Number.EPSILON));
  return tenths === 0 ? 0 : (Math.sign(value) * tenths) / 10;
}
