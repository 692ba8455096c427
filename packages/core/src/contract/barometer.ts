import type { Channel } from './vocabulary.js';

// The citizen-experience barometer of an org over a period: mystery-shopping audits of each contact
// channel and live satisfaction, each scored 0..100, weighted into one score. Every figure is
// withheld (null) below its minimum count rather than shown on too little data. The methodology is
// in the README (#barometer-methodology) and `methodology` links to it.

/** How an org weighs its two sources, and how much data a figure needs before it is shown. */
export interface BarometerSettings {
  /** Relative weights; renormalized when one side has no score. Default 50/50. */
  weights: { audit: number; satisfaction: number };
  /** A score (overall, per channel) is shown from this many ratings or audits. Default 30 and 5. */
  minimum: { ratings: number; audits: number };
}

/**
 * Where `methodology` points unless a backend says otherwise: the "Barometer methodology" section of
 * the repository's README, which says how each figure is computed. The project has no published home
 * yet, so this is the repository's expected address; a deployment points to its own page.
 */
export const BAROMETER_METHODOLOGY_URL = 'https://github.com/civic-pulse/civic-pulse/blob/main/README.md#barometer-methodology';

export const DEFAULT_BAROMETER_SETTINGS: BarometerSettings = {
  weights: { audit: 0.5, satisfaction: 0.5 },
  minimum: { ratings: 30, audits: 5 },
};

/** A score with the count it rests on; the score is null when the count is under the minimum. */
export interface SatisfactionPart {
  score: number | null;
  responses: number;
}

export interface AuditPart {
  score: number | null;
  audits: number;
}

export interface Barometer {
  org: string;
  /** `2026`, `2026-Q3` or `last-12-months`, as asked. */
  period: string;
  /** The UTC days covered: `from` included, `to` excluded (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The weighted score, 0..100, one decimal; null when neither part has a score. */
  score: number | null;
  /** Ratings counted in the period. */
  responses: number;
  /**
   * `byChannel` lists every channel: `null` when the channel has no rating in the period (not
   * measured); `{ score: null, responses: n }` when it has some, fewer than the minimum (not enough
   * data yet), the way the overall figure reads.
   */
  satisfaction: SatisfactionPart & { byChannel: Record<Channel, SatisfactionPart | null> };
  /** `byChannel` as in `satisfaction`: `null` with no audit of the channel, a null score under the minimum. */
  audit: AuditPart & { byChannel: Record<Channel, AuditPart | null> };
  /** The score of the previous period of the same length, and the difference; null when either is withheld. */
  trend: { previous: number | null; delta: number | null };
  /** The weights given, and those applied once a side without a score is left out. */
  weights: { audit: number; satisfaction: number; applied: { audit: number; satisfaction: number } };
  minimum: BarometerSettings['minimum'];
  /** A URL of the methodology: how each figure is computed. */
  methodology: string;
}
