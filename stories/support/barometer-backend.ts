// msw handlers for GET /v1/orgs/:org/barometer, so that the badge's stories run the element's real
// http adapter against barometers computed as the reference backend computes them: each demo org is
// a memory adapter (core's barometer arithmetic) holding two years of made-up ratings and audits up
// to now, so the default period (the last twelve months) and its trend have data. Plus failures.
import { delay, http, HttpResponse } from 'msw';
import { CHANNELS, createMemoryAdapter, type Audit, type Channel, type MemoryAdapter } from '@civic-pulse/core';
import { ENDPOINT } from './backend.js';
import { errorAnswer } from './consultation-backend.js';

/** The demo orgs, by the state their badge shows. */
export const ORGS = {
  /** Every channel audited and rated but social media (withheld) and post (too few ratings); up on last year. */
  full: 'ville-exemple',
  /** Ratings enough, three audits only: the score rests on satisfaction alone. */
  partial: 'communaute-du-val',
  /** A dozen ratings and two audits: not enough data yet. */
  notEnough: 'petite-commune',
} as const;

const BAROMETER_URL = `${ENDPOINT}/v1/orgs/:org/barometer`;
const DAY = 86_400_000;

/** The levels ratings cycle through (mean 3.4 of 5): the same barometer at every reload, with no randomness. */
const LEVELS = [5, 4, 3, 5, 2, 4, 1, 4, 3, 3];

/** How much of each a channel gets over two years; `better` lifts a share of this year's levels, for a trend. */
interface Plan {
  ratings: Partial<Record<Channel, number>>;
  audits: Partial<Record<Channel, number>>;
  better: number;
}

const PLANS: Record<string, Plan> = {
  [ORGS.full]: { ratings: { counter: 160, phone: 120, email: 70, web: 200, mail: 20 }, audits: { counter: 16, phone: 16, email: 12, web: 12, mail: 8, social: 6 }, better: 3 },
  [ORGS.partial]: { ratings: { counter: 90, web: 80 }, audits: { phone: 6 }, better: 0 },
  [ORGS.notEnough]: { ratings: { web: 24 }, audits: { counter: 4 }, better: 0 },
};

/**
 * Spreads a channel's records over the last two years: the even ones between 35 and 355 days ago
 * (inside the last twelve whole months, whatever today's date), the odd ones between 400 and 720
 * days ago (inside the twelve months before, the trend's reference).
 */
async function seed(adapter: MemoryAdapter, org: string, plan: Plan): Promise<void> {
  const now = Date.now();
  const when = (index: number, count: number) => {
    const step = Math.floor(index / 2) / Math.max(1, Math.ceil(count / 2));
    return new Date(now - ((index % 2 === 0 ? 35 : 400) + step * 320) * DAY);
  };
  for (const [offset, channel] of CHANNELS.entries()) {
    const ratings = plan.ratings[channel] ?? 0;
    for (let index = 0; index < ratings; index++) {
      const recent = index % 2 === 0;
      // One in `better` of this year's ratings a level higher.
      const lift = recent && plan.better > 0 && index % plan.better === 0 ? 1 : 0;
      const score = Math.min(5, LEVELS[(index + offset) % LEVELS.length]! + lift);
      const result = await adapter.submitRating({
        id: crypto.randomUUID(),
        service: 'etat-civil',
        channel,
        source: 'web',
        scale: 'smileys-5',
        score,
        occurredAt: when(index, ratings).toISOString(),
      });
      if (!result.ok) throw new Error(`The stories' barometer could not be seeded: ${result.error.message}`);
    }
    const audits: Audit[] = Array.from({ length: plan.audits[channel] ?? 0 }, (_, index) => ({
      id: `${org}-${channel}-${index}`,
      date: when(index, plan.audits[channel]!).toISOString().slice(0, 10),
      channel,
      criteriaMet: Math.min(8, 4 + ((index * 3 + offset) % 4) + (index % 2 === 0 && plan.better > 0 ? 1 : 0)),
      criteriaTotal: 8,
    }));
    if (audits.length > 0) adapter.addAudits(org, audits);
  }
}

/** The demo orgs' adapters, seeded once per page. */
let orgs: Promise<Map<string, MemoryAdapter>> | undefined;
const seeded = () =>
  (orgs ??= Promise.all(
    Object.entries(PLANS).map(async ([org, plan]) => {
      const adapter = createMemoryAdapter({ org });
      await seed(adapter, org, plan);
      return [org, adapter] as const;
    }),
  ).then((entries) => new Map(entries)));

/** The barometer route, answered as the reference backend does; another org is a 404. */
export const barometerHandlers = [
  http.get(BAROMETER_URL, async ({ request, params }) => {
    const org = String(params.org);
    const adapter = (await seeded()).get(org);
    if (!adapter) return errorAnswer({ kind: 'not-found', code: 'unknown-org', message: `There is no org "${org}".` });
    const result = await adapter.getBarometer(org, new URL(request.url).searchParams.get('period') ?? '');
    return result.ok ? HttpResponse.json(result.data) : errorAnswer(result.error);
  }),
];

/** A server that takes the request and never answers: the loading state. */
export const barometerNeverAnswers = () => http.get(BAROMETER_URL, () => delay('infinite'));

/** Whether the barometer route is reachable: Error stories cut it in a loader, their play function mends it before retrying. */
export const connection = { up: true };

/** While `connection.up` is false, every request fails as offline (the adapter's own retries too); then the backend answers. */
export const barometerWhenDown = () => http.get(BAROMETER_URL, () => (connection.up ? undefined : HttpResponse.error()));
