// A few dozen lines of fetch in place of ky: ky weighed ~4.7 KB gzip of the page budgets
// (20 KB for a rating page, 8 KB for the poll beyond the loader and Lit), for the handful of its
// features the http adapter uses, which are all here.

export interface RetryOptions {
  /** Milliseconds for one attempt (until the response's headers) before it counts as timed out. */
  timeout: number;
  /** How many times a failed attempt is tried again. */
  retries: number;
  /** Milliseconds before the first retry; each next one waits twice as long, up to `MAX_BACKOFF`. */
  retryDelay: number;
  fetch?: typeof fetch;
}

/** Thrown when the last attempt took longer than `timeout`. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

// Every write of the contract carries an idempotency key, so a POST is as safe to retry as a GET.
const RETRY_METHODS = ['GET', 'POST', 'PUT'];
// The answers worth asking again: the server or a proxy may do better in a moment.
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
// The answers that may say when to ask again, in Retry-After.
const RETRY_AFTER_STATUSES = [429, 503];
const MAX_BACKOFF = 8_000;
/** Longer than this, a Retry-After is not waited for in the page: the widget shows the delay instead. */
export const MAX_RETRY_AFTER = 30_000;

/**
 * `fetch`, tried again on network errors, timeouts and the statuses above, for the methods
 * above, an attempt that timed out included. Resolves with the last response,
 * whatever its status; rejects with a `TimeoutError` or the network error when the last attempt
 * got no response, and with the signal's reason as soon as the caller aborts, even while waiting
 * to retry. Never sends credentials: the contract needs none, and a cookie would be a tracker.
 */
export async function fetchWithRetry(url: string, init: RequestInit, options: RetryOptions): Promise<Response> {
  const { signal } = init;
  const retries = RETRY_METHODS.includes(init.method ?? 'GET') ? options.retries : 0;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const last = attempt >= retries;
    let wait = Math.min(options.retryDelay * 2 ** attempt, MAX_BACKOFF);
    try {
      const response = await fetchOnce(url, init, options);
      if (!RETRY_STATUSES.includes(response.status)) return response;
      const after = RETRY_AFTER_STATUSES.includes(response.status) ? retryAfterMs(response) : Number.NaN;
      if (last || after > MAX_RETRY_AFTER) return response;
      if (!Number.isNaN(after)) wait = after;
      // Nobody reads this one: let its connection go.
      response.body?.cancel().catch(() => undefined);
    } catch (error) {
      if (last || signal?.aborted) throw error;
    }
    await sleep(wait, signal);
  }
}

/** One attempt, aborted by the caller's signal or after `timeout` until its headers come. */
async function fetchOnce(url: string, init: RequestInit, options: RetryOptions): Promise<Response> {
  const { signal } = init;
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  // Only while waiting for the headers: a long-lived signal would otherwise gather a listener per
  // call. An abort while the (small) body is read is seen by the caller, which checks the signal.
  signal?.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  try {
    return await (options.fetch ?? fetch)(url, { ...init, signal: controller.signal, credentials: 'omit' });
  } catch (error) {
    throw timedOut && !signal?.aborted ? new TimeoutError(`No answer within ${options.timeout} ms.`) : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `Retry-After` in milliseconds, as seconds or as an HTTP date; NaN when absent or unreadable. */
export function retryAfterMs(response: Response): number {
  const header = response.headers.get('Retry-After');
  if (!header) return Number.NaN;
  const seconds = Number(header);
  return Number.isNaN(seconds) ? Math.max(0, Date.parse(header) - Date.now()) : seconds * 1000;
}
