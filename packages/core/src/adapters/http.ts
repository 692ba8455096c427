import type { AdapterError, AdapterErrorKind, BackendAdapter, CallOptions, Result } from '../adapter.js';
import type { Barometer } from '../contract/barometer.js';
import type { Consultation, ConsultationResponse, ConsultationResults } from '../contract/consultation.js';
import type { ErrorBody } from '../contract/error.js';
import type { Idea, IdeaSubmission, IdeaSupportReceipt } from '../contract/idea.js';
import type { Rating, Receipt } from '../contract/rating.js';
import type { SurveyResults } from '../contract/survey-results.js';
import type { Survey, SurveyReceipt, SurveyResponse } from '../contract/survey.js';
import { fetchWithRetry, retryAfterMs, TimeoutError, type RetryOptions } from './fetch-with-retry.js';
import {
  CONSULTATION_STATUSES,
  IDEA_MODERATIONS,
  IDEA_STATUSES,
  QUESTION_TYPES,
  RESULTS_VISIBILITIES,
  SURVEY_QUESTION_TYPES,
} from '../contract/vocabulary.js';

export interface HttpAdapterOptions {
  /** Base URL of a server that implements the v1 contract, e.g. `https://avis.ville.fr`. */
  endpoint: string;
  /** The organisation's slug id. */
  org: string;
  /** Milliseconds for one attempt before it counts as timed out. */
  timeout?: number;
  /** How many times a failed attempt is tried again (network errors, timeouts, 408, 429, 5xx). */
  retries?: number;
  /** Milliseconds before the first retry; each next one waits twice as long, up to 8 s. */
  retryDelay?: number;
  /** Replaces `fetch`, e.g. in tests or to add credentials. */
  fetch?: typeof fetch;
}

const KIND_BY_STATUS: Record<number, AdapterErrorKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  409: 'conflict',
  413: 'too-large',
  415: 'invalid',
  422: 'conflict',
  429: 'rate-limited',
};

/** The adapter that talks to the v1 HTTP contract. */
export function createHttpAdapter(options: HttpAdapterOptions): BackendAdapter {
  const base = options.endpoint.replace(/\/+$/, '');
  const retry: RetryOptions = {
    timeout: options.timeout ?? 8_000,
    retries: options.retries ?? 2,
    retryDelay: options.retryDelay ?? 300,
    fetch: options.fetch,
  };
  const send = (call: CallOptions, path: string, init: RequestInit) =>
    request(call, () => fetchWithRetry(`${base}/${path}`, { ...init, signal: call.signal }, call.retries === undefined ? retry : { ...retry, retries: call.retries }));
  const org = encodeURIComponent(options.org);
  const consultationUrl = (id: string) => `v1/consultations/${encodeURIComponent(id)}`;
  const surveyUrl = (id: string) => `v1/surveys/${encodeURIComponent(id)}`;
  const get = <T>(path: string, check: Check, call: CallOptions, headers: Record<string, string> = {}) =>
    send(call, path, { headers }).then(checked<T>(check));
  // Every write is sent with its idempotency key, the record's own id, so a retry is safe.
  const post = <T>(path: string, json: unknown, key: string | undefined, check: Check, call: CallOptions, headers: Record<string, string> = {}) =>
    send(call, path, {
      method: 'POST',
      body: JSON.stringify(json),
      headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }), ...headers },
    }).then(checked<T>(check));
  // A survey's tokens travel in the Authorization header only: a URL ends up in logs and histories.
  const withToken = <T>(token: string, call: CallOptions, send: (headers: Record<string, string>) => Promise<Result<T>>): Promise<Result<T>> => {
    const refused = tokenProblem(token, call);
    return refused ? Promise.resolve(refused) : send({ Authorization: `Bearer ${token}` });
  };

  return {
    // Every adapter made for this backend, on this page or the next, shares its outbox on the
    // device: the same name an element gives the adapter it makes from its endpoint and org.
    outboxKey: `${options.endpoint} ${options.org}`,

    submitRating: (rating: Rating, call: CallOptions = {}) => post<Receipt>(`v1/orgs/${org}/ratings`, rating, rating.id, isReceipt, call),

    getConsultation: (id: string, call: CallOptions = {}) => get<Consultation>(consultationUrl(id), isConsultation, call),

    submitConsultationResponse: (id: string, response: ConsultationResponse, call: CallOptions = {}) =>
      post<Receipt>(`${consultationUrl(id)}/responses`, response, response.id, isReceipt, call),

    getConsultationResults: (id: string, call: CallOptions = {}) => get<ConsultationResults>(`${consultationUrl(id)}/results`, isResults, call),

    listIdeas: (id: string, query: { participant?: string } = {}, call: CallOptions = {}) =>
      get<Idea[]>(
        `${consultationUrl(id)}/ideas${query.participant === undefined ? '' : `?${new URLSearchParams({ participant: query.participant })}`}`,
        arrayOf(isIdea),
        call,
      ),

    submitIdea: (id: string, idea: IdeaSubmission, call: CallOptions = {}) => post<Idea>(`${consultationUrl(id)}/ideas`, idea, idea.id, isIdea, call),

    // A support has no id of its own; the server counts one per participant, so a retry is
    // refused as already-supported rather than counted twice.
    supportIdea: (id: string, idea: string, participant: string, call: CallOptions = {}) =>
      post<IdeaSupportReceipt>(`${consultationUrl(id)}/ideas/${encodeURIComponent(idea)}/supports`, { participant }, undefined, isSupportReceipt, call),

    getSurvey: (id: string, token: string, call: CallOptions = {}) =>
      withToken(token, call, (headers) => get<Survey>(surveyUrl(id), isSurvey, call, headers)),

    // Retried like every write, with the response id as Idempotency-Key, but the server keeps
    // neither (anonymity): when an attempt succeeded and its answer was lost, the retry is
    // `forbidden`/`token-used`. The element that sent the response reads token-used after its own
    // attempt as success; only a token-used on its first load means someone answered before.
    submitSurveyResponse: (id: string, token: string, response: SurveyResponse, call: CallOptions = {}) =>
      withToken(token, call, (headers) => post<SurveyReceipt>(`${surveyUrl(id)}/responses`, response, response.id, isSurveyReceipt, call, headers)),

    getSurveyResults: (id: string, readToken: string, call: CallOptions = {}) =>
      withToken(readToken, call, (headers) => get<SurveyResults>(`${surveyUrl(id)}/results`, isSurveyResults, call, headers)),

    // The period is the server's to judge (a 400 names it); the browser's HTTP cache revalidates
    // with the server's ETag, so a badge on every page of a site costs a 304.
    getBarometer: (barometerOrg: string, period: string, call: CallOptions = {}) =>
      get<Barometer>(`v1/orgs/${encodeURIComponent(barometerOrg)}/barometer?${new URLSearchParams({ period })}`, isBarometer, call),
  };
}

/**
 * What a token that cannot be sent gets, without a request: none (or blanks) is `unauthorized`, as
 * the server answers; characters a header cannot carry, which no token of the contract has (they
 * are hex), `unknown-token`. An aborted call is `aborted` first, like any other.
 */
function tokenProblem(token: string, call: CallOptions): Result<never> | undefined {
  if (call.signal?.aborted) return { ok: false, error: ABORTED };
  if (token.trim() === '') return { ok: false, error: { kind: 'unauthorized', code: 'unauthorized', message: 'No token to send.' } };
  if (!/^[\x21-\x7e]+$/.test(token)) return { ok: false, error: { kind: 'forbidden', code: 'unknown-token', message: 'This token cannot be a token of this survey.' } };
  return undefined;
}

async function request(call: CallOptions, send: () => Promise<Response>): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    return { ok: false, error: toAdapterError(error, call.signal) };
  }
  // A 2xx whose body is not JSON is the server's fault, not the network's: `checked` says so.
  const body: unknown = await response.json().catch(() => undefined);
  if (call.signal?.aborted) return { ok: false, error: ABORTED };
  return response.ok ? { ok: true, data: body } : { ok: false, error: httpError(response, body) };
}

// Answers are checked by hand rather than with the zod schemas: zod's parser would triple the
// weight of every element's chunk. A few lines per shape say enough to trust a body's fields.
type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const oneOf = (values: readonly unknown[]): Check => (value) => values.includes(value);
const arrayOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const valuesOf = (check: Check): Check => (value) => isRecord(value) && Object.values(value).every(check);
const fields = (shape: Record<string, Check>): Check => (value) =>
  isRecord(value) && Object.entries(shape).every(([name, check]) => check(value[name]));

const isReceipt = fields({ id: isString, receivedAt: isString });
const isOption = fields({ id: isString, label: isString });
const questionOf = (types: readonly string[]) =>
  fields({ id: isString, type: oneOf(types), label: isString, required: isBoolean, options: optional(arrayOf(isOption)) });
const isQuestion = questionOf(QUESTION_TYPES);
const isConsultation = fields({
  id: isString,
  org: isString,
  title: isString,
  description: isString,
  opensAt: isString,
  closesAt: isString,
  status: oneOf(CONSULTATION_STATUSES),
  resultsVisibility: oneOf(RESULTS_VISIBILITIES),
  questions: arrayOf(isQuestion),
  ideas: fields({ enabled: isBoolean, moderation: oneOf(IDEA_MODERATIONS) }),
});
const isResults = fields({
  consultation: isString,
  responses: isNumber,
  questions: valuesOf(fields({ answered: isNumber, counts: optional(valuesOf(isNumber)), mean: optional(isNumber) })),
});
const isIdea = fields({
  id: isString,
  title: isString,
  body: isString,
  status: oneOf(IDEA_STATUSES),
  supports: isNumber,
  createdAt: isString,
  supported: optional(isBoolean),
  rejectionReason: optional(isString),
});
const isSupportReceipt = fields({ idea: isString, supports: isNumber });
const isSurveySection = fields({ id: isString, title: isString, questions: arrayOf(questionOf(SURVEY_QUESTION_TYPES)) });
const isSurvey = fields({
  id: isString,
  org: isString,
  title: isString,
  intro: isString,
  opensAt: isString,
  closesAt: isString,
  status: oneOf(CONSULTATION_STATUSES),
  sections: arrayOf(isSurveySection),
});
const isSurveyReceipt = fields({ id: isString, receivedOn: isString });
const isSurveyResults = fields({
  survey: isString,
  title: isString,
  sections: arrayOf(isSurveySection),
  status: oneOf(CONSULTATION_STATUSES),
  closesAt: isString,
  invited: isNumber,
  received: isNumber,
  published: isBoolean,
  respondents: isNumber,
  minimumGroup: isNumber,
  minimumComments: isNumber,
  // A tally or `{ withheld: true }`: what each holds is read by the manager's view.
  questions: valuesOf(isRecord),
  breakdowns: valuesOf(valuesOf(isRecord)),
});

const nullOr = (check: Check): Check => (value) => value === null || check(value);
const isScore = nullOr(isNumber);
const isSatisfactionPart = fields({ score: isScore, responses: isNumber });
const isAuditPart = fields({ score: isScore, audits: isNumber });
const isBarometer = fields({
  org: isString,
  period: isString,
  from: isString,
  to: isString,
  score: isScore,
  responses: isNumber,
  satisfaction: (value) => isSatisfactionPart(value) && fields({ byChannel: valuesOf(nullOr(isSatisfactionPart)) })(value),
  audit: (value) => isAuditPart(value) && fields({ byChannel: valuesOf(nullOr(isAuditPart)) })(value),
  trend: fields({ previous: isScore, delta: isScore }),
  weights: fields({ audit: isNumber, satisfaction: isNumber, applied: fields({ audit: isNumber, satisfaction: isNumber }) }),
  minimum: fields({ ratings: isNumber, audits: isNumber }),
  methodology: isString,
});

/** The body when it has the expected shape; `server`/`bad-response` otherwise. */
const checked =
  <T>(check: Check) =>
  (result: Result<unknown>): Result<T> =>
    !result.ok || check(result.data)
      ? (result as Result<T>)
      : { ok: false, error: { kind: 'server', code: 'bad-response', message: 'The server answered with an unexpected body.' } };

function isErrorBody(body: unknown): body is ErrorBody {
  return isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string' && typeof body.error.message === 'string';
}

const ABORTED: AdapterError = { kind: 'aborted', code: 'aborted', message: 'Aborted.' };

function httpError(response: Response, body: unknown): AdapterError {
  const { status } = response;
  const kind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalid');
  const wait = retryAfterMs(response);
  const retryAfter = Number.isNaN(wait) ? undefined : Math.ceil(wait / 1000);
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return { kind, status, retryAfter, code, message, ...(Array.isArray(fields) ? { fields } : {}) };
  }
  return { kind, status, retryAfter, code: `http-${status}`, message: `The server answered ${status} ${response.statusText}`.trim() };
}

function toAdapterError(error: unknown, signal: AbortSignal | undefined): AdapterError {
  // Whatever the abort surfaced as (AbortError, the signal's own reason, a DOMException
  // TimeoutError from AbortSignal.timeout), the caller asked for it: not a failure to show.
  if (signal?.aborted) return ABORTED;
  if (error instanceof TimeoutError) return { kind: 'timeout', code: 'timeout', message: error.message };
  return { kind: 'network', code: 'network', message: error instanceof Error ? error.message : String(error) };
}
