import { barometerOf, type Barometer, type BarometerPeriod, type BarometerSettings } from '@civic-pulse/core';
import type { Storage } from './storage/index.js';

/**
 * Where `methodology` points by default: the "Barometer methodology" section of the repository's
 * README, which says how each figure is computed. The project has no published home yet, so this is
 * the repository's expected address; a deployment sets CIVIC_METHODOLOGY_URL to its own page.
 */
export const BAROMETER_METHODOLOGY_URL = 'https://github.com/civic-pulse/civic-pulse/blob/main/README.md#barometer-methodology';

/**
 * The barometer of an org over a period, from the aggregates alone (`rating_daily`, `audit_daily`):
 * four reads of at most days × channels rows each, whatever the number of ratings and audits. The
 * arithmetic and the withholding are core's (barometerOf), the same as the memory adapter's.
 */
export async function readBarometer(
  storage: Storage,
  org: string,
  settings: BarometerSettings,
  period: BarometerPeriod,
  methodology: string,
): Promise<Barometer> {
  const [satisfaction, previousSatisfaction, audits, previousAudits] = await Promise.all([
    storage.satisfaction.totals(org, period),
    storage.satisfaction.totals(org, period.previous),
    storage.audits.summarize(org, period),
    storage.audits.summarize(org, period.previous),
  ]);
  return barometerOf({
    org,
    period: period.period,
    from: period.from,
    to: period.to,
    satisfaction,
    previousSatisfaction,
    audits,
    previousAudits,
    settings,
    methodology,
  });
}
