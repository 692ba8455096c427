import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { en } from './en.js';
import { fr } from './fr.js';
import { isMessageKey, loadLanguage, supportedLanguage, translate } from './index.js';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('catalogs', () => {
  test('fr and en have exactly the same keys', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  });

  test('each message has the same {placeholders} in fr and en', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), key);
    }
  });

  test('no message is empty', () => {
    for (const [key, message] of [...Object.entries(fr), ...Object.entries(en)]) assert.notEqual(message.trim(), '', key);
  });
});

describe('supportedLanguage', () => {
  for (const [tag, language] of [
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['en_US', 'en'],
    [' en ', 'en'],
    ['de-DE', 'fr'],
    ['', 'fr'],
    [null, 'fr'],
    [undefined, 'fr'],
  ] as const) {
    test(`${JSON.stringify(tag)} → ${language}`, () => assert.equal(supportedLanguage(tag), language));
  }
});

describe('translate', () => {
  before(() => loadLanguage('en'));

  test('fills placeholders and formats numbers the way each language writes them', () => {
    assert.equal(translate('fr', 'rating.comment.remaining', { count: 1200, max: 2000 }), '1\u202f200 caractères restants sur 2\u202f000');
    assert.equal(translate('en', 'rating.comment.remaining', { count: 1200, max: 2000 }), '1,200 of 2,000 characters left');
  });

  test('writes decimals with a comma in French and a point in English', () => {
    assert.match(translate('fr', 'error.rate-limited', { seconds: 1.5 }), /dans 1,5\u00a0s\./);
    assert.match(translate('en', 'error.rate-limited', { seconds: 1.5 }), /in 1\.5 s\./);
  });

  test('inserts strings as given and leaves a missing placeholder visible', () => {
    assert.equal(translate('en', 'error.invalid', { details: 'comment too long' }), 'Your feedback could not be recorded: comment too long');
    assert.equal(translate('en', 'error.invalid'), 'Your feedback could not be recorded: {details}');
  });
});

describe('isMessageKey', () => {
  test('tells a catalog key from any other string', () => {
    assert.equal(isMessageKey('field.comment'), true);
    assert.equal(isMessageKey('field.ip'), false);
    assert.equal(isMessageKey('toString'), false);
  });
});
