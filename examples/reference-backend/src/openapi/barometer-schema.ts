import { CHANNELS } from '@civic-pulse/core';

// Barometer (packages/core/src/contract/barometer.ts) is a TypeScript type the server produces,
// not a zod schema it checks input with: its JSON Schema is written here, once, for its route.

const SCORE = { type: ['number', 'null'], minimum: 0, maximum: 100, description: '0..100, one decimal; null when withheld (under the minimum count)' };
const DAY = { type: 'string', format: 'date' };
const COUNTED = (count: 'responses' | 'audits') => ({
  type: 'object',
  properties: { score: SCORE, [count]: { type: 'integer', minimum: 0 } },
  required: ['score', count],
});
const BY_CHANNEL = (count: 'responses' | 'audits') => ({
  type: 'object',
  description: `Every channel: null when it has no ${count === 'responses' ? 'rating' : 'audit'} in the period (not measured), a null score under the minimum (not enough data yet)`,
  properties: Object.fromEntries(CHANNELS.map((channel) => [channel, { oneOf: [COUNTED(count), { type: 'null' }] }])),
  required: [...CHANNELS],
});
const WEIGHTS = {
  type: 'object',
  properties: { audit: { type: 'number', minimum: 0 }, satisfaction: { type: 'number', minimum: 0 } },
  required: ['audit', 'satisfaction'],
};

export const BAROMETER_SCHEMA = {
  type: 'object',
  description: 'Barometer: audits and satisfaction of an org over a period, weighted into one score; see `methodology`',
  properties: {
    org: { type: 'string' },
    period: { type: 'string', description: 'As asked: 2026, 2026-Q3 or last-12-months' },
    from: { ...DAY, description: 'First day (UTC), included' },
    to: { ...DAY, description: 'Last day (UTC), excluded' },
    score: SCORE,
    responses: { type: 'integer', minimum: 0, description: 'Ratings counted in the period' },
    satisfaction: { ...COUNTED('responses'), properties: { ...COUNTED('responses').properties, byChannel: BY_CHANNEL('responses') } },
    audit: { ...COUNTED('audits'), properties: { ...COUNTED('audits').properties, byChannel: BY_CHANNEL('audits') } },
    trend: {
      type: 'object',
      description: 'The previous period of the same length: its score, and this score minus it (null when either is withheld)',
      properties: { previous: SCORE, delta: { type: ['number', 'null'] } },
      required: ['previous', 'delta'],
    },
    weights: { ...WEIGHTS, description: 'As set for the org, and as applied once a side without a score is left out', properties: { ...WEIGHTS.properties, applied: WEIGHTS } },
    minimum: {
      type: 'object',
      properties: { ratings: { type: 'integer', minimum: 1 }, audits: { type: 'integer', minimum: 1 } },
      required: ['ratings', 'audits'],
    },
    methodology: { type: 'string', format: 'uri', description: 'How each figure is computed' },
  },
  required: ['org', 'period', 'from', 'to', 'score', 'responses', 'satisfaction', 'audit', 'trend', 'weights', 'minimum', 'methodology'],
};
