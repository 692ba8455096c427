import ky, { HTTPError, TimeoutError } from 'ky';
import type { AdapterError, AdapterErrorKind, BackendAdapter, CallOptions, Result } from '../adapter.js';
import type { ErrorBody } from '../contract/error.js';
import type { Rating, Receipt } from '../contract/rating.js';

export interface HttpAdapterOptions {
  /** Base URL of a server that implements the v1 contract, e.g. `https://avis.ville.fr`. */
  endpoint: string;
  /** The organisation's slug id. */
  org: string;
  /** Milliseconds for one attempt before it counts as timed out. */
  timeout?: number;
  /** How many times a failed attempt is tried again (network errors, 5xx, 429). */
  retries?: number;
  /** Replaces `fetch`, e.g. in tests or to add credentials. */
  fetch?: typeof fetch;
}

const KIND_BY_STATUS: Record<number, AdapterErrorKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'invalid',
  422: 'conflict',
  429: 'rate-limited',
};

/** The adapter that talks to the v1 HTTP contract. */
export function createHttpAdapter(options: HttpAdapterOptions): BackendAdapter {
  const client = ky.create({
    prefixUrl: options.endpoint.replace(/\/+$/, ''),
    timeout: options.timeout ?? 10_000,
    // Every write carries its own idempotency key, so POST is as safe to retry as GET.
    retry: {
      limit: options.retries ?? 3,
      methods: ['get', 'post', 'put'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: 30_000,
      backoffLimit: 8_000,
    },
    fetch: options.fetch,
    credentials: 'omit',
  });
  const org = encodeURIComponent(options.org);

  return {
    submitRating: (rating: Rating, call: CallOptions = {}) =>
      request(() =>
        client.post(`v1/orgs/${org}/ratings`, {
          json: rating,
          signal: call.signal,
          headers: { 'Idempotency-Key': rating.id },
        }),
      ).then((result) => (result.ok ? parseReceipt(result.data) : result)),
  };
}

async function request(send: () => Promise<Response>): Promise<Result<unknown>> {
  try {
    const response = await send();
    return { ok: true, data: await response.json() };
  } catch (error) {
    return { ok: false, error: await toAdapterError(error) };
  }
}

// Answers are checked by hand rather than with the zod schemas: zod's parser would triple the
// weight of every element's chunk, for two shapes of two string fields each.
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function parseReceipt(body: unknown): Result<Receipt> {
  return isRecord(body) && typeof body.id === 'string' && typeof body.receivedAt === 'string'
    ? { ok: true, data: { id: body.id, receivedAt: body.receivedAt } }
    : { ok: false, error: { kind: 'server', code: 'bad-response', message: 'The server answered with an unexpected body.' } };
}

function isErrorBody(body: unknown): body is ErrorBody {
  return isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string' && typeof body.error.message === 'string';
}

async function toAdapterError(error: unknown): Promise<AdapterError> {
  if (error instanceof HTTPError) {
    const { status } = error.response;
    const kind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalid');
    const retryAfter = Number(error.response.headers.get('Retry-After')) || undefined;
    const body: unknown = await error.response.json().catch(() => null);
    if (isErrorBody(body)) {
      const { code, message, fields } = body.error;
      return { kind, status, retryAfter, code, message, ...(Array.isArray(fields) ? { fields } : {}) };
    }
    return { kind, status, retryAfter, code: `http-${status}`, message: error.message };
  }
  if (error instanceof TimeoutError) return { kind: 'timeout', code: 'timeout', message: error.message };
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { kind: 'aborted', code: 'aborted', message: error.message };
  }
  return { kind: 'network', code: 'network', message: error instanceof Error ? error.message : String(error) };
}
