import * as z from 'zod/mini';
import { InstantSchema, problemsCheck, ParticipantSchema, SlugSchema, UuidSchema } from './common.js';
import { definitionProblems } from './consultation-coherence.js';
import {
  CONSULTATION_STATUSES,
  IDEA_MODERATIONS,
  QUESTION_TYPES,
  RESULTS_VISIBILITIES,
} from './vocabulary.js';

const LabelSchema = z.string().check(z.minLength(1), z.maxLength(300));

export const QuestionOptionSchema = z.strictObject({ id: SlugSchema, label: LabelSchema });

/**
 * One question. Which of the optional fields apply depends on the type; the definition's coherence
 * checks (consultation-coherence.ts) say when one is missing or out of place.
 */
export const QuestionSchema = z.strictObject({
  id: SlugSchema,
  type: z.enum(QUESTION_TYPES),
  label: LabelSchema,
  help: z.optional(z.string().check(z.maxLength(1000))),
  required: z.boolean(),
  options: z.optional(z.array(QuestionOptionSchema).check(z.maxLength(50))),
  min: z.optional(z.int()),
  max: z.optional(z.int()),
  minLabel: z.optional(LabelSchema),
  maxLabel: z.optional(LabelSchema),
  maxLength: z.optional(z.int().check(z.gte(1))),
  showIf: z.optional(
    z.strictObject({
      question: SlugSchema,
      equals: z.optional(z.unknown()),
      includes: z.optional(z.string()),
      between: z.optional(z.tuple([z.number(), z.number()])),
    }),
  ),
});
export type Question = z.infer<typeof QuestionSchema>;

const consultationFields = {
  org: SlugSchema,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(5000)),
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  resultsVisibility: z.enum(RESULTS_VISIBILITIES),
  questions: z.array(QuestionSchema).check(z.minLength(1), z.maxLength(100)),
  ideas: z.strictObject({ enabled: z.boolean(), moderation: z.enum(IDEA_MODERATIONS) }),
};

/**
 * What an admin posts: a consultation without its status. The id is optional; the server makes
 * one when it is absent. A definition that does not hold together is refused with every problem.
 */
export const ConsultationDefinitionSchema = z
  .strictObject({ id: z.optional(SlugSchema), ...consultationFields })
  .check(problemsCheck(definitionProblems));
export type ConsultationDefinition = z.infer<typeof ConsultationDefinitionSchema>;

/** What GET /v1/consultations/:id answers: the definition, its id, and the status of the moment. */
export const ConsultationSchema = z.strictObject({
  id: SlugSchema,
  ...consultationFields,
  status: z.enum(CONSULTATION_STATUSES),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

/**
 * One participant's answers. `participant` is a random id the element keeps on the device: one
 * answer per browser, not per person, unless an adapter puts a verified identity there.
 */
export const ConsultationResponseSchema = z.strictObject({
  id: UuidSchema,
  participant: ParticipantSchema,
  answers: z.record(z.string(), z.unknown()),
});
export type ConsultationResponse = z.infer<typeof ConsultationResponseSchema>;

/**
 * Tallies per question. `answered` counts the responses that answered it. `counts`: per option for
 * single and multiple; `yes`/`no`; per value for scale (with its `mean`); for ranking, Borda
 * points (an option ranked first of n gets n points, last gets 1), so the highest total leads.
 * Text answers are counted, not tallied.
 */
export const ConsultationResultsSchema = z.strictObject({
  consultation: z.string(),
  responses: z.int(),
  questions: z.record(
    z.string(),
    z.strictObject({
      answered: z.int(),
      counts: z.optional(z.record(z.string(), z.int())),
      mean: z.optional(z.number()),
    }),
  ),
});
export type ConsultationResults = z.infer<typeof ConsultationResultsSchema>;
