import type { AdapterError, BackendAdapter, CallOptions, Result } from '../adapter.js';
import type { ConsultationResponse } from '../contract/consultation.js';
import type { IdeaSubmission } from '../contract/idea.js';
import type { Rating } from '../contract/rating.js';
import type { SurveyResponse } from '../contract/survey.js';

/**
 * What can go through the outbox, one member per kind. A new kind adds a member here and a rule in
 * `KINDS`. Every kind is a write with an idempotency key made when the person answered: the
 * record's client-made id, or for an idea's support, which has none, the idea and the participant
 * (the server keeps one support per pair).
 */
export type OutboxSubmission =
  | { kind: 'rating'; payload: Rating }
  | { kind: 'consultation-response'; payload: { consultation: string; response: ConsultationResponse } }
  | { kind: 'idea'; payload: { consultation: string; idea: IdeaSubmission } }
  | { kind: 'idea-support'; payload: { consultation: string; idea: string; participant: string } }
  /** The invitation token travels with the answers while they wait: it is deleted with the item. */
  | { kind: 'survey-response'; payload: { survey: string; token: string; response: SurveyResponse } };
export type OutboxKind = OutboxSubmission['kind'];
type PayloadOf<K extends OutboxKind> = Extract<OutboxSubmission, { kind: K }>['payload'];

/** How the outbox handles one kind. */
export interface KindRule<K extends OutboxKind> {
  /** The idempotency key, unique within the kind. */
  key(payload: PayloadOf<K>): string;
  /**
   * Sends the payload. `tried` says whether an earlier attempt may have reached the server (the
   * stored entry's mark, written before that attempt), for a kind whose server cannot tell a retry.
   */
  send(adapter: BackendAdapter, payload: PayloadOf<K>, options: CallOptions, tried: boolean): Promise<Result<unknown>>;
  /** The entry is marked as tried on the device before its first attempt (see `send`). */
  marksTried?: boolean;
  /** Refusals of this kind that no retry can change, beyond the outbox's own (`invalid`, `conflict`, `too-large`). */
  refuses?(error: AdapterError): boolean;
}

// The survey's server keeps neither the token nor the response id with the answers (anonymity):
// a retry of an attempt that was recorded, whose reply was lost, is refused `token-used`. Only the
// entry's mark tells that retry from a token someone else used before this device ever sent.
const surveyResponse: KindRule<'survey-response'> = {
  key: ({ response }) => response.id,
  marksTried: true,
  async send(adapter, { survey, token, response }, options, tried) {
    // One request per attempt: an adapter's own retry of a request recorded whose reply was lost
    // would get token-used before the entry could be marked as tried.
    const result = await adapter.submitSurveyResponse(survey, token, response, { ...options, retries: 0 });
    if (!result.ok && tried && result.error.code === 'token-used') return { ok: true, data: undefined };
    return result;
  },
  // A token used (by someone else: see above), unknown or missing will not open the survey later,
  // nor will a survey deleted meanwhile take answers.
  refuses: (error) => error.kind === 'forbidden' || error.kind === 'unauthorized' || error.kind === 'not-found',
};

// An answer to a consultation deleted meanwhile (or a support of an idea deleted meanwhile) will
// never be taken: ended, rather than holding every submission behind it for 14 days. A rating has
// no such resource: its 404 (an org unknown to the server, a misconfigured site) is retried until
// the site is fixed.
const answersGone = (error: AdapterError): boolean => error.kind === 'not-found';

// A support has no client-made id, but the server keeps one per idea and participant (a unique
// constraint): a retry whose first reply was lost is refused `already-supported`, which says that
// what the person wanted is done, as the survey's token-used after a try does. Unlike a token,
// which someone else may have used, this refusal can only mean that this participant's support is
// counted (by this try, an earlier page's or another tab's): no tried mark is needed to tell. The
// receipt is then `undefined`: the server did not say the new count. Every other 409 (not-published,
// closed, not-open, ideas-disabled) ends it as the outbox ends any conflict.
const ideaSupport: KindRule<'idea-support'> = {
  key: ({ idea, participant }) => `${idea}:${participant}`,
  async send(adapter, { consultation, idea, participant }, options) {
    const result = await adapter.supportIdea(consultation, idea, participant, options);
    return !result.ok && result.error.code === 'already-supported' ? { ok: true, data: undefined } : result;
  },
  refuses: answersGone,
};

export const KINDS: { [K in OutboxKind]: KindRule<K> } = {
  rating: {
    key: (rating) => rating.id,
    send: (adapter, rating, options) => adapter.submitRating(rating, options),
  },
  'consultation-response': {
    key: ({ response }) => response.id,
    send: (adapter, { consultation, response }, options) => adapter.submitConsultationResponse(consultation, response, options),
    refuses: answersGone,
  },
  idea: {
    key: ({ idea }) => idea.id,
    send: (adapter, { consultation, idea }, options) => adapter.submitIdea(consultation, idea, options),
    refuses: answersGone,
  },
  'idea-support': ideaSupport,
  'survey-response': surveyResponse,
};

/** The rule of `submission`'s kind, typed for its payload. */
export const ruleOf = (kind: OutboxKind): KindRule<OutboxKind> => KINDS[kind] as unknown as KindRule<OutboxKind>;

/**
 * Sends `submission` once, by its kind's rule, as the outbox does: for a page that could not load
 * the outbox's code (offline before it came), so that the rule is not written twice.
 */
export const sendSubmission = (adapter: BackendAdapter, submission: OutboxSubmission, options: CallOptions, tried: boolean): Promise<Result<unknown>> =>
  ruleOf(submission.kind).send(adapter, submission.payload, options, tried);

/** The idempotency key of `submission`, as the outbox's items and events carry it (`OutboxItem.key`). */
export const submissionKey = (submission: OutboxSubmission): string => ruleOf(submission.kind).key(submission.payload);
