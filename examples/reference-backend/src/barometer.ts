import { barometerOf, type Barometer, type BarometerPeriod, type BarometerSettings } from '@civic-pulse/core';
import type { Storage } from './storage/index.js';

/** Where `methodology` points unless CIVIC_METHODOLOGY_URL names the collectivité's own page. */
export { BAROMETER_METHODOLOGY_URL } from '@civic-pulse/core';

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
