import * as z from 'zod/mini';
import { InstantSchema, problemsCheck, SlugSchema, UuidSchema } from './common.js';
import { QuestionOptionSchema, QuestionSchema } from './consultation.js';
import { surveyDefinitionProblems } from './survey-coherence.js';
import { LOWEST_MINIMUM_GROUP } from './survey-results.js';
import { CONSULTATION_STATUSES, SURVEY_QUESTION_TYPES } from './vocabulary.js';

/**
 * One survey question: a consultation's question, or a `matrix`, whose `statements` are each
 * answered on the scale its `options` make (e.g. strongly disagree … strongly agree).
 */
export const SurveyQuestionSchema = z.extend(QuestionSchema, {
  type: z.enum(SURVEY_QUESTION_TYPES),
  statements: z.optional(z.array(QuestionOptionSchema).check(z.maxLength(50))),
  /** Results are also shown by this question's answer (a directorate, a site…): `single` or `yesno` only. */
  breakdown: z.optional(z.boolean()),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/** A section: a title over questions, shown when its condition on an earlier section's answer holds. */
export const SurveySectionSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  showIf: QuestionSchema.shape.showIf,
  questions: z.array(SurveyQuestionSchema).check(z.minLength(1), z.maxLength(100)),
});
export type SurveySection = z.infer<typeof SurveySectionSchema>;

const surveyFields = {
  org: SlugSchema,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  intro: z.string().check(z.maxLength(5000)),
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  sections: z.array(SurveySectionSchema).check(z.minLength(1), z.maxLength(30)),
  /** The smallest group whose results are shown (DEFAULT_MINIMUM_GROUP when absent). */
  minimumGroup: z.optional(z.int().check(z.gte(LOWEST_MINIMUM_GROUP), z.lte(1000))),
};

/**
 * What an admin posts (admin API or CLI): a survey without its status. The id is optional; the
 * server makes one when it is absent. A definition that does not hold together is refused with
 * every problem at its path.
 */
export const SurveyDefinitionSchema = z
  .strictObject({ id: z.optional(SlugSchema), ...surveyFields })
  .check(problemsCheck(surveyDefinitionProblems));
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/**
 * What GET /v1/surveys/:id answers to an invited agent: the definition, its id, and the status of
 * the moment, which follows from the dates as a consultation's does (consultationStatus).
 */
export const SurveySchema = z.strictObject({
  id: SlugSchema,
  ...surveyFields,
  status: z.enum(CONSULTATION_STATUSES),
});
export type Survey = z.infer<typeof SurveySchema>;

/**
 * One agent's answers. No participant and no token: the invitation token travels in the
 * Authorization header and is only marked used, so a response cannot be traced to an invitation.
 */
export const SurveyResponseSchema = z.strictObject({
  id: UuidSchema,
  answers: z.record(z.string(), z.unknown()),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/** What the server answers to a recorded response: the id sent (not stored with the answers) and the day. */
export const SurveyReceiptSchema = z.strictObject({ id: UuidSchema, receivedOn: z.iso.date() });
export type SurveyReceipt = z.infer<typeof SurveyReceiptSchema>;
