import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { barometerEn } from './barometer.en.js';
import { barometerFr } from './barometer.fr.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { ideasEn } from './ideas.en.js';
import { ideasFr } from './ideas.fr.js';
import { kioskEn } from './kiosk.en.js';
import { kioskFr } from './kiosk.fr.js';
import { isMessageKey, loadLanguage, pollMessages, ratingMessages, supportedLanguage, translate, type MessageKey } from './index.js';
import { pollEn } from './poll.en.js';
import { pollFr } from './poll.fr.js';
import { pollQuestionsEn } from './poll-questions.en.js';
import { pollQuestionsFr } from './poll-questions.fr.js';
import { pollResultsEn } from './poll-results.en.js';
import { pollResultsFr } from './poll-results.fr.js';
import { ratingEn } from './rating.en.js';
import { ratingFr } from './rating.fr.js';
import { surveyEn } from './survey.en.js';
import { surveyFr } from './survey.fr.js';
import { surveyResultsEn } from './survey-results.en.js';
import { surveyResultsFr } from './survey-results.fr.js';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

// Every bundle, French and English side by side: the base messages, the rating's, the poll's, its questions', its results', the ideas', the agents' survey's and its results', the barometer badge's, the rating's kiosk mode's.
const BUNDLES = [
  { name: 'base', fr, en },
  { name: 'rating', fr: ratingFr, en: ratingEn },
  { name: 'poll', fr: pollFr, en: pollEn },
  { name: 'poll-questions', fr: pollQuestionsFr, en: pollQuestionsEn },
  { name: 'poll-results', fr: pollResultsFr, en: pollResultsEn },
  { name: 'ideas', fr: ideasFr, en: ideasEn },
  { name: 'survey', fr: surveyFr, en: surveyEn },
  { name: 'survey-results', fr: surveyResultsFr, en: surveyResultsEn },
  { name: 'barometer', fr: barometerFr, en: barometerEn },
  { name: 'kiosk', fr: kioskFr, en: kioskEn },
] as const;

describe('catalogs', () => {
  for (const bundle of BUNDLES) {
    test(`${bundle.name}: fr and en have exactly the same keys`, () => {
      assert.deepEqual(Object.keys(bundle.en).sort(), Object.keys(bundle.fr).sort());
    });

    test(`${bundle.name}: each message has the same {placeholders} in fr and en`, () => {
      for (const [key, message] of Object.entries(bundle.fr)) {
        assert.deepEqual(placeholders((bundle.en as Record<string, string>)[key] ?? ''), placeholders(message), key);
      }
    });

    test(`${bundle.name}: no message is empty`, () => {
      for (const [key, message] of [...Object.entries(bundle.fr), ...Object.entries(bundle.en)]) assert.notEqual(message.trim(), '', key);
    });
  }

  test('no key is in two bundles, and each bundle keeps to its prefix', () => {
    const keys = BUNDLES.flatMap((bundle) => Object.keys(bundle.fr));
    assert.equal(new Set(keys).size, keys.length);
    for (const key of Object.keys(ratingFr)) assert.match(key, /^(rating|floating|dialog|error|field)\./);
    for (const key of Object.keys(pollFr)) assert.match(key, /^poll\./);
    for (const key of Object.keys(pollQuestionsFr)) assert.match(key, /^poll\.(required$|multiple\.|text\.|ranking\.)/);
    for (const key of Object.keys(pollResultsFr)) assert.match(key, /^poll\.results\./);
    for (const key of Object.keys(ideasFr)) assert.match(key, /^ideas\./);
    for (const key of Object.keys(surveyFr)) assert.match(key, /^survey\./);
    for (const key of Object.keys(surveyResultsFr)) assert.match(key, /^survey-results\./);
    for (const key of Object.keys(barometerFr)) assert.match(key, /^barometer\./);
    for (const key of Object.keys(kioskFr)) assert.match(key, /^kiosk\./);
  });

  test('French typography: a narrow no-break space before ? ! ; and a no-break space before :', () => {
    for (const bundle of BUNDLES) {
      for (const [key, message] of Object.entries(bundle.fr)) {
        assert.doesNotMatch(message, /[ \u00a0][?!;]/, `${key}: "${message}"`);
        assert.doesNotMatch(message, / :/, `${key}: "${message}"`);
      }
    }
  });
});

describe('message bundles', () => {
  test("a bundle's messages are there once loaded, in French and in English", async () => {
    assert.equal(translate('fr', 'poll.send'), 'poll.send', 'not loaded yet: the key itself');
    await loadLanguage('fr', [pollMessages]);
    assert.equal(translate('fr', 'poll.send'), pollFr['poll.send']);
    assert.equal(translate('en', 'poll.send'), pollFr['poll.send'], 'English not loaded yet: French');
    await loadLanguage('en', [pollMessages]);
    assert.equal(translate('en', 'poll.send'), pollEn['poll.send']);
    assert.ok(isMessageKey('poll.send'));
  });

  test('an English bundle that cannot be fetched leaves its messages in French', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const broken = { name: 'broken', fr: { 'broken.hello': 'Bonjour' }, en: () => Promise.reject(new Error('offline')) };
    await loadLanguage('en', [broken]);
    assert.equal(translate('en', 'broken.hello' as MessageKey), 'Bonjour');
    assert.equal(warn.mock.callCount(), 1);
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
  before(() => loadLanguage('en', [ratingMessages]));

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
  before(() => loadLanguage('fr', [ratingMessages]));

  test('tells a catalog key from any other string', () => {
    assert.equal(isMessageKey('field.comment'), true);
    assert.equal(isMessageKey('field.ip'), false);
    assert.equal(isMessageKey('toString'), false);
  });
});
