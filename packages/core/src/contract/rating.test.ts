import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aRating } from '../../../../test/support/rating.js';
import { fieldErrorsOf } from './error.js';
import { RatingSchema } from './rating.js';

/** The dotted paths of the fields the schema refuses in `body`, once each. */
function refusedPaths(body: unknown): string[] {
  const parsed = RatingSchema.safeParse(body);
  assert.equal(parsed.success, false, 'the rating should have been refused');
  return [...new Set(fieldErrorsOf(parsed.error!.issues).map((field) => field.path))];
}

describe('RatingSchema', () => {
  test('accepts a full rating, and one with only the required fields', () => {
    assert.equal(RatingSchema.safeParse(aRating()).success, true);
    const { reasons, comment, kioskId, ...required } = aRating();
    assert.equal(RatingSchema.safeParse(required).success, true);
  });

  test('accepts the best score of each scale and an instant with an offset', () => {
    for (const [scale, score] of [['smileys-3', 3], ['smileys-5', 5], ['stars-5', 5]] as const) {
      assert.equal(RatingSchema.safeParse(aRating({ scale, score })).success, true, scale);
    }
    assert.equal(RatingSchema.safeParse(aRating({ occurredAt: '2026-03-02T10:30:00+01:00' })).success, true);
  });

  for (const [name, change, path] of [
    ['a score beyond the scale', { scale: 'smileys-3', score: 4 }, 'score'],
    ['a score of 0', { score: 0 }, 'score'],
    ['a score that is not a whole number', { score: 2.5 }, 'score'],
    ['the same reason twice', { reasons: ['welcome', 'welcome'] }, 'reasons'],
    ['a reason not in the list', { reasons: ['rude'] }, 'reasons.0'],
    ['a comment of 1001 characters', { comment: 'x'.repeat(1001) }, 'comment'],
    ['an id that is not a UUID', { id: '12345' }, 'id'],
    ['a date without a time', { occurredAt: '2026-03-02' }, 'occurredAt'],
    ['a date that does not exist', { occurredAt: '2026-13-02T09:30:00Z' }, 'occurredAt'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['an unknown source', { source: 'paper' }, 'source'],
    ['a service id with capitals', { service: 'Etat-Civil' }, 'service'],
    ['a kiosk id with a space', { kioskId: 'hall a' }, 'kioskId'],
  ] as const) {
    test(`refuses ${name}, at \`${path}\``, () => {
      assert.deepEqual(refusedPaths({ ...aRating(), ...change }), [path]);
    });
  }

  test('accepts a comment of exactly 1000 characters', () => {
    assert.equal(RatingSchema.safeParse(aRating({ comment: 'x'.repeat(1000) })).success, true);
  });

  test('refuses a field the contract does not have, naming it', () => {
    const parsed = RatingSchema.safeParse({ ...aRating(), ip: '203.0.113.7' });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => ('keys' in issue ? issue.keys : issue.path)),
      [['ip']],
    );
  });

  test('refuses a missing required field, at its path', () => {
    const { channel, ...withoutChannel } = aRating();
    assert.deepEqual(refusedPaths(withoutChannel), ['channel']);
  });

  test('reports every bad field at once', () => {
    assert.deepEqual(refusedPaths({ ...aRating(), id: 'x', comment: 'x'.repeat(1001) }).sort(), ['comment', 'id']);
  });
});
