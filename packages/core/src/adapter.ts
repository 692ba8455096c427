import type { FieldError } from './contract/error.js';
import type { Rating, Receipt } from './contract/rating.js';

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
}

/**
 * What every element needs from a backend. `http` speaks the v1 contract to any server that
 * implements it; `memory` keeps everything in the page. A third party implements this for its own
 * backend and proves it with the adapter contract suite.
 */
export interface BackendAdapter {
  /** Sends one rating; the rating's `id` is its idempotency key, so a retry returns the same receipt. */
  submitRating(rating: Rating, options?: CallOptions): Promise<Result<Receipt>>;
}

export const isRetryable = (error: AdapterError): boolean =>
  error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate-limited';
