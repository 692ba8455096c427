import type { BarometerSettings } from '@civic-pulse/core';
import * as z from 'zod';

/**
 * An org's barometer settings (core's BarometerSettings, an interface: checked here). Weights are
 * relative (50/50 is 0.5/0.5 is 1/1), so any non-negative numbers do, but not both 0: the score
 * would rest on nothing. A minimum under 1 would show a score resting on no data.
 */
const Weight = z.number().min(0).max(1_000_000);
const Minimum = z.int().min(1).max(1_000_000);
export const BarometerSettingsSchema = z
  .strictObject({
    weights: z.strictObject({ audit: Weight, satisfaction: Weight }),
    minimum: z.strictObject({ ratings: Minimum, audits: Minimum }),
  })
  .refine((settings) => settings.weights.audit !== 0 || settings.weights.satisfaction !== 0, {
    message: 'the weights must not both be 0',
    path: ['weights'],
  }) satisfies z.ZodType<BarometerSettings>;
