import type { Barometer } from './contract/barometer.js';
import type { Consultation, ConsultationResponse, ConsultationResults } from './contract/consultation.js';
import type { FieldError } from './contract/error.js';
import type { Idea, IdeaSubmission, IdeaSupportReceipt } from './contract/idea.js';
import type { Rating, Receipt } from './contract/rating.js';
import type { Survey, SurveyReceipt, SurveyResponse } from './contract/survey.js';
import type { SurveyResults } from './contract/survey-results.js';

/**
 * Why a call did not succeed, in terms a widget can act on: `network` and `timeout` and `server`
 * may pass on a retry, `rate-limited` after `retryAfter` seconds; the others will not.
 */
export type AdapterErrorKind =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'server';

export interface AdapterError {
  kind: AdapterErrorKind;
  /** The contract's error code (`invalid-body`, `already-answered`…) or the adapter's own. */
  code: string;
  message: string;
  status?: number;
  fields?: FieldError[];
  /** Seconds to wait before trying again, from `Retry-After`. */
  retryAfter?: number;
}

/** Adapters answer with a result instead of throwing across the host page. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AdapterError };

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * How many times the adapter itself tries a failed request again, instead of its own setting.
   * The outbox asks for none where a retry's answer cannot be told from a refusal (a survey's).
   */
  retries?: number;
}

/**
 * What every element needs from a backend. `http` speaks the v1 contract to any server that
 * implements it; `memory` keeps everything in the page. A third party implements this for its own
 * backend and proves it with the adapter contract suite.
 */
export interface BackendAdapter {
  /**
   * Where this adapter sends, as a stable name (say its endpoint and org): adapters that declare
   * the same one share the page's outbox on the device (`civic-pulse-outbox <outboxKey>`), so that
   * an adapter made anew (a template that re-renders, the next page) sends what an earlier one left.
   * Without it, each adapter object has an outbox of its own, numbered in the order the page uses them.
   */
  readonly outboxKey?: string;
  /** Sends one rating; the rating's `id` is its idempotency key, so a retry returns the same receipt. */
  submitRating(rating: Rating, options?: CallOptions): Promise<Result<Receipt>>;

  /** A consultation with its status of the moment; `not-found` when there is none. */
  getConsultation(id: string, options?: CallOptions): Promise<Result<Consultation>>;
  /**
   * Sends one participant's answers; the response's `id` is its idempotency key. A second response
   * of the same participant is a `conflict` with code `already-answered`; a consultation that is
   * not open, `not-open` or `closed`; answers that do not fit the questions, `invalid` with fields.
   */
  submitConsultationResponse(consultation: string, response: ConsultationResponse, options?: CallOptions): Promise<Result<Receipt>>;
  /** The tallies, or `forbidden` with code `results-hidden` or `results-not-yet`. */
  getConsultationResults(consultation: string, options?: CallOptions): Promise<Result<ConsultationResults>>;
  /**
   * The published ideas, most supported first. With `participant`, each idea says whether that
   * participant supports it, and the participant's own ideas waiting for moderation come too.
   */
  listIdeas(consultation: string, query?: { participant?: string }, options?: CallOptions): Promise<Result<Idea[]>>;
  /** Proposes an idea; its `id` is its idempotency key. `pending` until published, under pre-moderation. */
  submitIdea(consultation: string, idea: IdeaSubmission, options?: CallOptions): Promise<Result<Idea>>;
  /** Adds the participant's support to an idea, once: a second support is a `conflict`, `already-supported`. */
  supportIdea(consultation: string, idea: string, participant: string, options?: CallOptions): Promise<Result<IdeaSupportReceipt>>;

  /**
   * A survey, for the holder of an unused invitation token. A token that does not open this survey
   * (or a survey that does not exist) is `forbidden` with code `unknown-token`; a used one,
   * `forbidden` with `token-used`; no token, `unauthorized`.
   */
  getSurvey(survey: string, token: string, options?: CallOptions): Promise<Result<Survey>>;
  /**
   * Sends an agent's answers and uses up the invitation. The server keeps neither the token nor the
   * response id with the answers, so a retry after success is `forbidden`, `token-used`: the element
   * that sent it reads this as success. Not open: `conflict` `not-open` or `closed`.
   */
  submitSurveyResponse(survey: string, token: string, response: SurveyResponse, options?: CallOptions): Promise<Result<SurveyReceipt>>;
  /** A survey's results, for the holder of a read token the admin issued (`forbidden` `unknown-token` otherwise). */
  getSurveyResults(survey: string, readToken: string, options?: CallOptions): Promise<Result<SurveyResults>>;

  /**
   * An org's barometer over a period (`2026`, `2026-Q3`, `last-12-months`): `invalid` naming
   * `period` when it is none of these, `not-found` for an unknown org.
   */
  getBarometer(org: string, period: string, options?: CallOptions): Promise<Result<Barometer>>;
}

export const isRetryable = (error: AdapterError): boolean =>
  error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate-limited';
