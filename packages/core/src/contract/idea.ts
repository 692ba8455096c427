import * as z from 'zod/mini';
import { InstantSchema, ParticipantSchema, UuidSchema } from './common.js';
import {
  IDEA_BODY_MAX_LENGTH,
  IDEA_REJECTION_REASON_MAX_LENGTH,
  IDEA_STATUSES,
  IDEA_TITLE_MAX_LENGTH,
} from './vocabulary.js';

// A title of spaces is no title: it would show as an empty line in the list of ideas.
const notBlank = z.refine<string>((text) => text.trim().length > 0, { message: 'must not be blank' });

/**
 * What a citizen posts to propose an idea (DESIGN.md's `Idea`). The id is client-made and is the
 * idempotency key; the participant is the same id that answers the consultation's questions.
 */
export const IdeaSubmissionSchema = z.strictObject({
  id: UuidSchema,
  participant: ParticipantSchema,
  title: z.string().check(z.minLength(1), z.maxLength(IDEA_TITLE_MAX_LENGTH), notBlank),
  body: z.string().check(z.maxLength(IDEA_BODY_MAX_LENGTH)),
});
export type IdeaSubmission = z.infer<typeof IdeaSubmissionSchema>;

/**
 * An idea as the public routes show it: never its participant. `supported` says whether the
 * participant named in the request (`?participant=`) has supported it, when one was named.
 * `rejectionReason` is there only for a rejected idea, shown to the admin and to its author.
 */
export const IdeaSchema = z.strictObject({
  id: UuidSchema,
  title: z.string(),
  body: z.string(),
  status: z.enum(IDEA_STATUSES),
  supports: z.int().check(z.gte(0)),
  createdAt: InstantSchema,
  supported: z.optional(z.boolean()),
  rejectionReason: z.optional(z.string()),
});
export type Idea = z.infer<typeof IdeaSchema>;

/** Body of POST …/ideas/:ideaId/supports: who supports. A participant supports an idea once. */
export const IdeaSupportSchema = z.strictObject({ participant: ParticipantSchema });
export type IdeaSupport = z.infer<typeof IdeaSupportSchema>;

/** The answer to a support: the idea's new total. */
export const IdeaSupportReceiptSchema = z.strictObject({ idea: UuidSchema, supports: z.int().check(z.gte(0)) });
export type IdeaSupportReceipt = z.infer<typeof IdeaSupportReceiptSchema>;

/** An admin's decision on an idea: publish it, or reject it with a reason its author can read. */
export const IdeaDecisionSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('published') }),
  z.strictObject({
    status: z.literal('rejected'),
    reason: z.string().check(z.minLength(1), z.maxLength(IDEA_REJECTION_REASON_MAX_LENGTH), notBlank),
  }),
]);
export type IdeaDecision = z.infer<typeof IdeaDecisionSchema>;
