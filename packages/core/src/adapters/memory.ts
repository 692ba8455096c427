import type { BackendAdapter, CallOptions, Result } from '../adapter.js';
import { fieldErrorsOf } from '../contract/error.js';
import { RatingSchema, type Rating, type Receipt } from '../contract/rating.js';

export interface MemoryAdapterOptions {
  /** Services this organisation offers; a rating for another service is refused, as the server does. */
  services?: string[];
}

export interface MemoryAdapter extends BackendAdapter {
  /** What has been stored, in order, for demos and tests to look at. */
  readonly ratings: readonly Rating[];
}

/** An adapter that keeps everything in the page: for demos, stories and tests. Same rules as the server. */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const ratings: Rating[] = [];
  const receipts = new Map<string, { body: string; receipt: Receipt }>();

  return {
    get ratings() {
      return ratings;
    },
    async submitRating(rating: Rating, call: CallOptions = {}): Promise<Result<Receipt>> {
      if (call.signal?.aborted) return { ok: false, error: { kind: 'aborted', code: 'aborted', message: 'Aborted.' } };
      const parsed = RatingSchema.safeParse(rating);
      if (!parsed.success) {
        const fields = fieldErrorsOf(parsed.error.issues);
        return { ok: false, error: { kind: 'invalid', code: 'invalid-body', message: 'The rating is not valid.', fields } };
      }
      if (options.services && !options.services.includes(rating.service)) {
        const fields = [{ path: 'service', message: `unknown service "${rating.service}"` }];
        return { ok: false, error: { kind: 'invalid', code: 'unknown-service', message: 'Unknown service.', fields } };
      }
      const body = JSON.stringify(parsed.data);
      const stored = receipts.get(rating.id);
      if (stored) {
        return stored.body === body
          ? { ok: true, data: stored.receipt }
          : { ok: false, error: { kind: 'conflict', code: 'idempotency-conflict', message: 'This id was already used for another rating.' } };
      }
      const receipt = { id: rating.id, receivedAt: new Date().toISOString() };
      receipts.set(rating.id, { body, receipt });
      ratings.push(parsed.data);
      return { ok: true, data: receipt };
    },
  };
}
