import * as z from 'zod/mini';
import { ChannelSchema, InstantSchema, SlugSchema, SourceSchema, UuidSchema } from './common.js';

export const SCALES = ['smileys-3', 'smileys-5', 'stars-5'] as const;
export type Scale = (typeof SCALES)[number];
export const ScaleSchema = z.enum(SCALES);

/** How many levels each scale offers; a score runs from 1 (worst) to this (best). */
export const SCALE_LEVELS: Record<Scale, number> = { 'smileys-3': 3, 'smileys-5': 5, 'stars-5': 5 };

/** The fixed, translatable list of reasons a citizen may give for a rating below the best. */
export const REASONS = [
  'waiting-time',
  'welcome',
  'information-quality',
  'opening-hours',
  'accessibility',
  'other',
] as const;
export type Reason = (typeof REASONS)[number];

export const COMMENT_MAX_LENGTH = 1000;

export const RatingSchema = z
  .strictObject({
    id: UuidSchema,
    service: SlugSchema,
    channel: ChannelSchema,
    source: SourceSchema,
    scale: ScaleSchema,
    score: z.int().check(z.gte(1), z.lte(5)),
    reasons: z.optional(z.array(z.enum(REASONS)).check(z.maxLength(REASONS.length))),
    comment: z.optional(z.string().check(z.maxLength(COMMENT_MAX_LENGTH))),
    kioskId: z.optional(SlugSchema),
    occurredAt: InstantSchema,
  })
  .check(
    z.refine((rating) => rating.score <= SCALE_LEVELS[rating.scale], {
      message: 'score is beyond the levels of this scale',
      path: ['score'],
    }),
    z.refine((rating) => new Set(rating.reasons ?? []).size === (rating.reasons ?? []).length, {
      message: 'each reason may be given once',
      path: ['reasons'],
    }),
  );
export type Rating = z.infer<typeof RatingSchema>;

export const ReceiptSchema = z.object({ id: z.string(), receivedAt: InstantSchema });
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The server-side 0..100 value of a score, so that every scale adds up on the barometer. */
export function normalizeScore(scale: Scale, score: number): number {
  return Math.round(((score - 1) / (SCALE_LEVELS[scale] - 1)) * 100);
}
