import * as z from 'zod/mini';
import { ChannelSchema, InstantSchema, SlugSchema, SourceSchema, UuidSchema } from './common.js';
import { COMMENT_MAX_LENGTH, REASONS, SCALE_LEVELS, SCALES } from './vocabulary.js';

export const ScaleSchema = z.enum(SCALES);

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
