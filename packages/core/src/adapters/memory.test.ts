import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aRating } from '../../../../test/support/rating.js';
import { createMemoryAdapter } from './memory.js';

describe('memory adapter', () => {
  test('stores a valid rating and answers with its receipt', async () => {
    const adapter = createMemoryAdapter({ services: ['etat-civil'] });
    const rating = aRating();
    const result = await adapter.submitRating(rating);
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.data.id, rating.id);
    assert.ok(result.ok && !Number.isNaN(Date.parse(result.data.receivedAt)));
    assert.deepEqual(adapter.ratings, [rating]);
  });

  test('refuses an invalid rating with every bad field, as the server does', async () => {
    const adapter = createMemoryAdapter();
    const result = await adapter.submitRating(aRating({ scale: 'smileys-3', score: 4, comment: 'x'.repeat(1001) }));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'invalid');
    assert.equal(!result.ok && result.error.code, 'invalid-body');
    const paths = !result.ok ? result.error.fields?.map((field) => field.path).sort() : [];
    assert.deepEqual(paths, ['comment', 'score']);
    assert.equal(adapter.ratings.length, 0);
  });

  test('refuses a service the organisation does not offer', async () => {
    const adapter = createMemoryAdapter({ services: ['piscine'] });
    const result = await adapter.submitRating(aRating({ service: 'etat-civil' }));
    assert.equal(!result.ok && result.error.code, 'unknown-service');
    assert.deepEqual(!result.ok && result.error.fields?.map((field) => field.path), ['service']);
    assert.equal(adapter.ratings.length, 0);
  });

  test('accepts any service when none is listed', async () => {
    const result = await createMemoryAdapter().submitRating(aRating({ service: 'cimetiere' }));
    assert.equal(result.ok, true);
  });

  test('the same rating again is a replay: same receipt, stored once', async () => {
    const adapter = createMemoryAdapter();
    const rating = aRating();
    const first = await adapter.submitRating(rating);
    const again = await adapter.submitRating({ ...rating });
    assert.deepEqual(again, first);
    assert.equal(adapter.ratings.length, 1);
  });

  test('the same id with another body is a conflict, and the first rating stays', async () => {
    const adapter = createMemoryAdapter();
    const rating = aRating();
    await adapter.submitRating(rating);
    const result = await adapter.submitRating({ ...rating, score: 1 });
    assert.equal(!result.ok && result.error.kind, 'conflict');
    assert.equal(!result.ok && result.error.code, 'idempotency-conflict');
    assert.deepEqual(adapter.ratings, [rating]);
  });

  test('an aborted call stores nothing', async () => {
    const adapter = createMemoryAdapter();
    const result = await adapter.submitRating(aRating(), { signal: AbortSignal.abort() });
    assert.equal(!result.ok && result.error.kind, 'aborted');
    assert.equal(adapter.ratings.length, 0);
  });
});
