// The contract's fixed lists and limits, apart from the zod schemas that use them: browser code
// imports these without pulling in zod's parser (whose top-level calls a bundler cannot drop).

/** The barometer's contact channels, one list shared by every element. */
export const CHANNELS = ['counter', 'phone', 'email', 'web', 'mail', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a piece of feedback was given, apart from the channel it is about. */
export const SOURCES = ['web', 'kiosk', 'mobile'] as const;
export type Source = (typeof SOURCES)[number];

export const SCALES = ['smileys-3', 'smileys-5', 'stars-5'] as const;
export type Scale = (typeof SCALES)[number];

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

/**
 * The criteria a mystery-shopping audit commonly evaluates (as in the Marianne referential and
 * AFNOR's barometer); an audit may name others, these are the ones the elements can label.
 */
export const AUDIT_CRITERIA = [
  'reachability',
  'reactivity',
  'courtesy',
  'personalisation',
  'waiting-time',
  'answer-quality',
  'transfer',
  'complaint-handling',
] as const;
export type AuditCriterion = (typeof AUDIT_CRITERIA)[number];

/** The periods a barometer is read over: a year (`2026`), a quarter (`2026-Q3`), or the last twelve months. */
export const LAST_12_MONTHS = 'last-12-months';

/** The server-side 0..100 value of a score, so that every scale adds up on the barometer. */
export function normalizeScore(scale: Scale, score: number): number {
  return Math.round(((score - 1) / (SCALE_LEVELS[scale] - 1)) * 100);
}

/** The kinds of question a consultation may ask; each has its own answer shape (see answerProblems). */
export const QUESTION_TYPES = ['single', 'multiple', 'yesno', 'scale', 'ranking', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * The kinds of question an agents' survey may ask: the consultation's, plus `matrix` (several
 * statements answered on one likert scale, its options). A consultation does not take a matrix.
 */
export const SURVEY_QUESTION_TYPES = [...QUESTION_TYPES, 'matrix'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

/** When a consultation's results may be read: after one's own vote, after the close, or never. */
export const RESULTS_VISIBILITIES = ['after-vote', 'after-close', 'never'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number];

export const CONSULTATION_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const IDEA_MODERATIONS = ['pre', 'post'] as const;
export type IdeaModeration = (typeof IDEA_MODERATIONS)[number];

/**
 * The longest free-text answer a question may allow: enough for a paragraph of opinion, while a
 * response with several text questions still fits a public request body.
 */
export const TEXT_ANSWER_MAX_LENGTH = 2000;

export const IDEA_STATUSES = ['pending', 'published', 'rejected'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** A citizen's idea: a title that reads as one line in a list, a body of a few paragraphs. */
export const IDEA_TITLE_MAX_LENGTH = 140;
export const IDEA_BODY_MAX_LENGTH = 2000;
export const IDEA_REJECTION_REASON_MAX_LENGTH = 500;

/** The longest participant id: a random UUID by default, or a verified identity a plugin supplies. */
export const PARTICIPANT_MAX_LENGTH = 128;
