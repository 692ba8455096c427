import { createHash } from 'node:crypto';
import { SCALE_LEVELS, type Audit, type Channel, type Org, type Rating, type Scale, type Source } from '@civic-pulse/core';
import { fingerprintOf } from './idempotency.js';
import { DAY_MS, DEMO_ORG, mulberry32 } from './seed.js';
import type { Storage } from './storage/index.js';

// The demo barometers of the city site's badge. Ville d'Exemple gets made-up ratings and
// mystery-shopping audits from the first of January two years ago up to today, so that its barometer over the last twelve months (and
// each quarter and year) has a trend: the counter does best, phone and email worse, the mail has
// too few ratings to be shown, social media are audited but not rated; the second year is a little
// better than the first. Village d'Exemple gets a handful of each: its badge shows the
// not-enough-data state. Everything is drawn from a seeded generator: the same draws on a given day.

/** A second demo org, too small for its barometer to be shown. */
export const DEMO_VILLAGE: Omit<Org, 'allowedOrigins'> = {
  id: 'village-exemple',
  name: 'Village d’Exemple',
  services: [
    { id: 'accueil-mairie', name: 'Accueil de la mairie' },
    { id: 'agence-postale', name: 'Agence postale communale' },
  ],
};

interface ChannelProfile {
  /** Ratings a year. */
  ratings: number;
  /** Mean normalized rating (0..100) this year; last year's is `LAST_YEAR_DROP` lower. */
  satisfaction: number;
  scale: Scale;
  source: Source;
  /** Audits a quarter. */
  audits: number;
  /** What an audit of the channel evaluates, and how often each is met this year. */
  criteria: readonly string[];
  met: number;
  /** Contacts on weekdays only (the counter and the phone line are closed at the weekend). */
  weekdays: boolean;
}

const CITY: Record<Channel, ChannelProfile> = {
  counter: { ratings: 900, satisfaction: 82, scale: 'smileys-3', source: 'kiosk', audits: 8, criteria: ['waiting-time', 'courtesy', 'personalisation', 'answer-quality', 'transfer'], met: 0.86, weekdays: true },
  web: { ratings: 700, satisfaction: 74, scale: 'smileys-5', source: 'web', audits: 6, criteria: ['reachability', 'reactivity', 'answer-quality', 'personalisation'], met: 0.8, weekdays: false },
  phone: { ratings: 360, satisfaction: 63, scale: 'smileys-5', source: 'mobile', audits: 8, criteria: ['reachability', 'waiting-time', 'courtesy', 'personalisation', 'answer-quality', 'transfer'], met: 0.66, weekdays: true },
  email: { ratings: 200, satisfaction: 58, scale: 'smileys-5', source: 'web', audits: 8, criteria: ['reactivity', 'courtesy', 'personalisation', 'answer-quality', 'complaint-handling'], met: 0.6, weekdays: false },
  mail: { ratings: 12, satisfaction: 66, scale: 'smileys-5', source: 'web', audits: 5, criteria: ['reactivity', 'courtesy', 'answer-quality', 'complaint-handling'], met: 0.72, weekdays: true },
  social: { ratings: 0, satisfaction: 0, scale: 'smileys-5', source: 'mobile', audits: 3, criteria: ['reactivity', 'courtesy', 'answer-quality'], met: 0.64, weekdays: false },
};

const LAST_YEAR_DROP = 6;
/** From the first of January two years ago up to today: every year, quarter and twelve months shown has the one before. */
const YEARS_BACK = 2;

export interface DemoBarometerOutcome {
  ratings: number;
  audits: number;
}

/**
 * Seeds Ville d'Exemple's ratings and audits when it has none yet, and Village d'Exemple's (both
 * orgs must exist). Ratings go through the ratings' own writes (insertMany keeps rating_daily as
 * a rating submitted does), audits through the import (audit_daily). A restart adds nothing: the
 * ratings' ids and the audits' ids are the same at each start, and the ratings are only added
 * when the first of them is not there; an instance starting at the same moment loses the race on
 * the ids and adds nothing. Answers what was added.
 */
export async function seedDemoBarometers(storage: Storage, now = new Date()): Promise<DemoBarometerOutcome> {
  const city = await seedOrg(storage, DEMO_ORG.id, () => cityData(now));
  const village = await seedOrg(storage, DEMO_VILLAGE.id, () => villageData(now));
  return { ratings: city.ratings + village.ratings, audits: city.audits + village.audits };
}

const EVER = { from: '0000-01-01', to: '9999-12-31' };

interface DemoData {
  ratings: Rating[];
  audits: Audit[];
}

async function seedOrg(storage: Storage, org: string, makeData: () => DemoData): Promise<DemoBarometerOutcome> {
  // rating_daily too: the retention purge deletes the ratings but keeps their counts, and seeding
  // them again would count them twice.
  const counted = await storage.satisfaction.totals(org, EVER);
  const held = await storage.audits.summarize(org, EVER);
  // Drawn only when something is missing: a restart does not make thousands of ratings to drop them.
  if (counted.responses > 0 && held.audits > 0) return { ratings: 0, audits: 0 };
  const data = makeData();
  let ratings = 0;
  const first = data.ratings[0];
  if (first && counted.responses === 0 && !(await storage.ratings.findSubmission(first.id))) {
    // `false`: another instance stored them first.
    // Fingerprinted as the route does, so that a client sending one of them again gets its receipt.
    if (await storage.ratings.insertMany(org, data.ratings.map((rating) => ({ rating, bodyHash: fingerprintOf({ org, rating }) })))) ratings = data.ratings.length;
  }
  let audits = 0;
  if (held.audits === 0) {
    const outcome = await storage.audits.import(org, data.audits);
    if (outcome.ok) audits = outcome.imported;
  }
  return { ratings, audits };
}

function cityData(now: Date): DemoData {
  const random = mulberry32(2026);
  const start = Date.UTC(now.getUTCFullYear() - YEARS_BACK, 0, 1);
  const days = Math.floor((now.getTime() - start) / DAY_MS);
  const yearAgo = now.getTime() - 365 * DAY_MS;
  const ratings: Rating[] = [];
  for (const [channel, profile] of Object.entries(CITY) as [Channel, ChannelProfile][]) {
    const count = Math.round((profile.ratings * days) / 365);
    for (let index = 0; index < count; index++) {
      const occurred = contactTime(random, start, days, profile.weekdays);
      const mean = profile.satisfaction - (occurred < yearAgo ? LAST_YEAR_DROP : 0);
      ratings.push(demoRating(DEMO_ORG.id, ratings.length, random, channel, profile, mean, occurred, DEMO_ORG.services.map((service) => service.id)));
    }
  }

  const audits: Audit[] = [];
  for (let quarter = new Date(start); quarter.getTime() <= now.getTime(); quarter = new Date(Date.UTC(quarter.getUTCFullYear(), quarter.getUTCMonth() + 3, 1))) {
    const quarterStart = quarter.getTime();
    const quarterDays = Math.min(Math.round((Date.UTC(quarter.getUTCFullYear(), quarter.getUTCMonth() + 3, 1) - quarterStart) / DAY_MS), Math.floor((now.getTime() - quarterStart) / DAY_MS));
    if (quarterDays < 1) break;
    for (const [channel, profile] of Object.entries(CITY) as [Channel, ChannelProfile][]) {
      // The quarter under way has had only its share of the audits so far.
      const count = Math.round((profile.audits * quarterDays) / 91);
      for (let index = 0; index < count; index++) {
        const date = new Date(contactTime(random, quarterStart, quarterDays, true));
        const met = profile.met - (date.getTime() < yearAgo ? LAST_YEAR_DROP / 100 : 0);
        audits.push(demoAudit(`VE-${date.toISOString().slice(0, 7)}-${channel}-${index + 1}`, random, date, channel, profile.criteria, met, DEMO_ORG.services));
      }
    }
  }
  return { ratings, audits };
}

/** A few ratings and two audits in the four whole months before this one (within last-12-months): under every minimum. */
function villageData(now: Date): DemoData {
  const random = mulberry32(1790);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1);
  const days = Math.round((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - start) / DAY_MS);
  const services = DEMO_VILLAGE.services.map((service) => service.id);
  const ratings = Array.from({ length: 9 }, (_, index) =>
    demoRating(DEMO_VILLAGE.id, index, random, index % 3 === 0 ? 'phone' : 'counter', CITY.counter, 78, contactTime(random, start, days, true), services),
  );
  const audits = [0, 1].map((index) =>
    demoAudit(`VI-${index + 1}`, random, new Date(contactTime(random, start, days, true)), index === 0 ? 'counter' : 'phone', CITY.phone.criteria, 0.7, DEMO_VILLAGE.services),
  );
  return { ratings, audits };
}

function demoRating(org: string, index: number, random: () => number, channel: Channel, profile: ChannelProfile, mean: number, occurred: number, services: readonly string[]): Rating {
  const levels = SCALE_LEVELS[profile.scale];
  // A binomial score over the scale's steps has the mean asked for, and a realistic spread.
  let score = 1;
  for (let step = 1; step < levels; step++) if (random() < mean / 100) score++;
  const reasons = score < levels && random() < 0.6 ? [REASONS_BY_CHANNEL[channel][Math.floor(random() * REASONS_BY_CHANNEL[channel].length)]!] : [];
  return {
    id: demoUuid(`${org} rating ${index}`),
    service: services[Math.floor(random() * services.length)]!,
    channel,
    source: profile.source,
    scale: profile.scale,
    score,
    ...(reasons.length > 0 ? { reasons } : {}),
    ...(profile.source === 'kiosk' ? { kioskId: 'accueil-hotel-de-ville' } : {}),
    occurredAt: new Date(occurred).toISOString(),
  };
}

const REASONS_BY_CHANNEL: Record<Channel, readonly NonNullable<Rating['reasons']>[number][]> = {
  counter: ['waiting-time', 'waiting-time', 'opening-hours', 'welcome', 'accessibility'],
  web: ['information-quality', 'information-quality', 'accessibility', 'other'],
  phone: ['waiting-time', 'waiting-time', 'opening-hours', 'information-quality'],
  email: ['waiting-time', 'information-quality', 'other'],
  mail: ['waiting-time', 'information-quality'],
  social: ['information-quality', 'other'],
};

function demoAudit(id: string, random: () => number, date: Date, channel: Channel, criteriaNames: readonly string[], met: number, services: Org['services']): Audit {
  const criteria = Object.fromEntries(criteriaNames.map((name) => [name, random() < met]));
  return {
    id,
    date: date.toISOString().slice(0, 10),
    channel,
    service: services[Math.floor(random() * services.length)]!.id,
    criteriaMet: Object.values(criteria).filter(Boolean).length,
    criteriaTotal: criteriaNames.length,
    criteria,
  };
}

/** A time in opening hours (08:30 to 17:30 UTC, close enough for a demo) of one of `days` days from `start`. */
function contactTime(random: () => number, start: number, days: number, weekdays: boolean): number {
  for (;;) {
    const day = start + Math.floor(random() * days) * DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekdays && (weekday === 0 || weekday === 6)) continue;
    return day + Math.floor((8.5 + random() * 9) * 60 * 60 * 1000);
  }
}

/** The same UUID at every start for the same name (v4's layout, its bits from a hash). */
function demoUuid(name: string): string {
  const hex = createHash('sha256').update(`civic-pulse demo ${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
