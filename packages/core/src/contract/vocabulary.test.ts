import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeScore, SCALE_LEVELS, SCALES } from './vocabulary.js';

describe('normalizeScore', () => {
  test('puts the worst score of every scale at 0 and the best at 100', () => {
    for (const scale of SCALES) {
      assert.equal(normalizeScore(scale, 1), 0, scale);
      assert.equal(normalizeScore(scale, SCALE_LEVELS[scale]), 100, scale);
    }
  });

  test('spreads the levels between evenly, in whole numbers', () => {
    assert.equal(normalizeScore('smileys-3', 2), 50);
    assert.deepEqual([1, 2, 3, 4, 5].map((score) => normalizeScore('stars-5', score)), [0, 25, 50, 75, 100]);
    assert.deepEqual([1, 2, 3, 4, 5].map((score) => normalizeScore('smileys-5', score)), [0, 25, 50, 75, 100]);
  });
});
