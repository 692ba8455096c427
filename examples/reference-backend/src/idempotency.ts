import { createHash } from 'node:crypto';
import { HttpError } from './http-error.js';

/** What was stored under an idempotency key: the body's fingerprint and the answer it got. */
export interface StoredWrite<Receipt> {
  bodyHash: string;
  receipt: Receipt;
}

export interface WriteOnceSteps<Receipt> {
  /** Fingerprint of what is being written now (see `fingerprintOf`). */
  bodyHash: string;
  find(): Promise<StoredWrite<Receipt> | undefined>;
  /** Checks that only a first write needs: a retry of an accepted write must not fail them later. */
  checkNew?(): Promise<void> | void;
  /** Stores the write; `undefined` when a concurrent request stored the same key first. */
  insert(): Promise<Receipt | undefined>;
}

/**
 * The contract's idempotent write: a first write is stored (201), a retry with the same body gets
 * the stored receipt back (200), the same key with another body is refused (422). A concurrent
 * duplicate that loses the race on the unique key is answered from the winner's row.
 */
export async function writeOnce<Receipt>(steps: WriteOnceSteps<Receipt>): Promise<{ status: 200 | 201; receipt: Receipt }> {
  const earlier = await steps.find();
  if (earlier) return replay(earlier, steps.bodyHash);
  await steps.checkNew?.();
  const receipt = await steps.insert();
  if (receipt !== undefined) return { status: 201, receipt };
  const winner = await steps.find();
  if (!winner) throw new Error('a write lost a race on its key, yet no row holds that key');
  return replay(winner, steps.bodyHash);
}

function replay<Receipt>(stored: StoredWrite<Receipt>, bodyHash: string): { status: 200; receipt: Receipt } {
  if (stored.bodyHash !== bodyHash) {
    throw new HttpError(422, 'idempotency-conflict', 'This id was already used for a different body.');
  }
  return { status: 200, receipt: stored.receipt };
}

/** `Idempotency-Key` is optional, but when sent it must name the same record as the body's id. */
export function checkIdempotencyKey(header: string | string[] | undefined, id: string): void {
  if (header === undefined || header === id) return;
  throw new HttpError(400, 'idempotency-key-mismatch', 'The Idempotency-Key header and the body id differ.', [
    { path: 'id', message: 'must equal the Idempotency-Key header' },
  ]);
}

/** A hash of the value that does not depend on the order of object keys. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
