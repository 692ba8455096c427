import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWithheld, type SurveyGroupResults, type SurveyQuestionTally, type SurveyResults } from './survey-results.js';
import { surveyResultsOf } from './survey-tallies.js';
import type { SurveyQuestion, SurveySection } from './survey.js';

const likert = [
  { id: 'non', label: 'Non' },
  { id: 'plutot', label: 'Plutôt' },
  { id: 'oui', label: 'Oui' },
];

const question = (id: string, type: SurveyQuestion['type'], more: Partial<SurveyQuestion> = {}): SurveyQuestion =>
  ({ id, type, label: id, required: false, ...more }) as SurveyQuestion;

const surveyOf = (questions: SurveyQuestion[], minimumGroup?: number) => ({
  id: 'qvt',
  title: 'Qualité de vie au travail',
  closesAt: '2026-04-01T00:00:00Z',
  sections: [{ id: 'tout', title: 'Tout', questions }] as SurveySection[],
  ...(minimumGroup === undefined ? {} : { minimumGroup }),
});

const closed = { status: 'closed' as const, invited: 100 };

/** `count` copies of one set of answers. */
const times = (count: number, answers: Record<string, unknown>) => Array.from({ length: count }, () => ({ ...answers }));

const tally = (results: SurveyResults, id: string): SurveyQuestionTally => {
  const result = results.questions[id]!;
  if (isWithheld(result)) throw new Error(`${id} is withheld`);
  return result;
};

const group = (results: SurveyResults, breakdown: string, key: string): SurveyGroupResults | undefined => {
  const found = results.breakdowns[breakdown]?.[key];
  assert.ok(found, `no group ${breakdown}.${key}`);
  return isWithheld(found) ? undefined : found;
};

const service = question('service', 'single', {
  breakdown: true,
  options: [
    { id: 'voirie', label: 'Voirie' },
    { id: 'ecoles', label: 'Écoles' },
  ],
});

describe('surveyResultsOf', () => {
  test('tallies each type of question as a consultation does', () => {
    const questions = [
      question('choix', 'single', { options: likert }),
      question('plusieurs', 'multiple', { options: likert }),
      question('encadrant', 'yesno'),
      question('note', 'scale', { min: 1, max: 5 }),
      question('ordre', 'ranking', { options: likert.slice(0, 2) }),
      question('avis', 'text', { maxLength: 500 }),
    ];
    const answers = [
      ...times(3, { choix: 'oui', plusieurs: ['oui', 'non'], encadrant: true, note: 5, ordre: ['non', 'plutot'], avis: 'bien' }),
      ...times(2, { choix: 'non', plusieurs: [], encadrant: false, note: 2, ordre: ['plutot', 'non'], avis: '' }),
      { choix: 'plutot' },
    ];
    const results = surveyResultsOf(surveyOf(questions), answers, closed);
    assert.equal(results.published, true);
    assert.equal(results.respondents, 6);
    assert.deepEqual(tally(results, 'choix'), { answered: 6, counts: { non: 2, plutot: 1, oui: 3 } });
    assert.deepEqual(tally(results, 'plusieurs'), { answered: 5, counts: { non: 3, plutot: 0, oui: 3 } });
    assert.deepEqual(tally(results, 'encadrant'), { answered: 5, counts: { yes: 3, no: 2 } });
    assert.deepEqual(tally(results, 'note'), { answered: 5, counts: { 1: 0, 2: 2, 3: 0, 4: 0, 5: 3 }, mean: 19 / 5 });
    // Borda: first of two gets 2 points, second 1.
    assert.deepEqual(tally(results, 'ordre'), { answered: 5, counts: { non: 3 * 2 + 2 * 1, plutot: 3 * 1 + 2 * 2 } });
    // Three comments (an empty answer is no comment): fewer than the 8 that may be shown.
    assert.deepEqual(tally(results, 'avis'), { answered: 5, commentsWithheld: true });
  });

  test('tallies a matrix statement by statement, each withheld on its own', () => {
    const matrix = question('climat', 'matrix', {
      options: likert,
      statements: [
        { id: 'equipe', label: 'Mon équipe' },
        { id: 'charge', label: 'Ma charge' },
      ],
    });
    const answers = [...times(4, { climat: { equipe: 'oui', charge: 'non' } }), ...times(2, { climat: { equipe: 'plutot' } })];
    const results = surveyResultsOf(surveyOf([matrix]), answers, closed);
    assert.deepEqual(tally(results, 'climat'), {
      answered: 6,
      statements: { equipe: { answered: 6, counts: { non: 0, plutot: 2, oui: 4 } }, charge: { withheld: true } },
    });
  });

  test('shows the comments, trimmed and sorted, only when there are enough of them', () => {
    const avis = question('avis', 'text', { maxLength: 500 });
    const written = ['zèbre', ' Été ', 'abri', 'été', 'Bâtiment', 'café', 'dos', 'eau'];
    const results = surveyResultsOf(surveyOf([avis]), [...written.map((text) => ({ avis: text })), { avis: '   ' }], closed);
    assert.deepEqual(tally(results, 'avis'), {
      answered: 9,
      comments: ['abri', 'Bâtiment', 'café', 'dos', 'eau', 'été', 'Été', 'zèbre'],
    });
    const fewer = surveyResultsOf(surveyOf([avis]), [...written.slice(1).map((text) => ({ avis: text })), ...times(3, { avis: ' ' })], closed);
    assert.deepEqual(tally(fewer, 'avis'), { answered: 10, commentsWithheld: true });
    // A minimum group above 8 raises the comments' threshold with it.
    const larger = surveyResultsOf(surveyOf([avis], 9), written.map((text) => ({ avis: text })), closed);
    assert.equal(larger.minimumComments, 9);
    assert.deepEqual(larger.questions.avis, { withheld: true });
  });

  test('publishes nothing while the survey is open, only the participation', () => {
    const results = surveyResultsOf(surveyOf([service]), times(20, { service: 'voirie' }), { status: 'open', invited: 40 });
    assert.deepEqual(results, {
      survey: 'qvt',
      title: 'Qualité de vie au travail',
      sections: surveyOf([service]).sections,
      status: 'open',
      closesAt: '2026-04-01T00:00:00Z',
      invited: 40,
      received: 20,
      published: false,
      respondents: 0,
      minimumGroup: 5,
      minimumComments: 8,
      questions: {},
      breakdowns: {},
    });
  });

  test('withholds everything when the survey has fewer respondents than the minimum group', () => {
    const results = surveyResultsOf(surveyOf([service]), times(4, { service: 'voirie' }), closed);
    assert.equal(results.respondents, 4);
    assert.deepEqual(results.questions, { service: { withheld: true } });
    assert.deepEqual(results.breakdowns, { service: { voirie: { withheld: true }, ecoles: { withheld: true }, none: { withheld: true } } });
  });

  test('shows both groups of a 10/10 split', () => {
    const note = question('note', 'scale', { min: 1, max: 3 });
    const answers = [...times(10, { service: 'voirie', note: 3 }), ...times(10, { service: 'ecoles', note: 1 })];
    const results = surveyResultsOf(surveyOf([service, note]), answers, closed);
    assert.deepEqual(group(results, 'service', 'voirie')?.questions.note, { answered: 10, counts: { 1: 0, 2: 0, 3: 10 }, mean: 3 });
    assert.equal(group(results, 'service', 'ecoles')?.respondents, 10);
    assert.deepEqual(results.breakdowns.service?.none, { withheld: true });
  });

  test('withholds both groups of a 12/3 split: the 12 would tell the 3 by subtraction', () => {
    const answers = [...times(12, { service: 'voirie' }), ...times(3, { service: 'ecoles' })];
    const results = surveyResultsOf(surveyOf([service]), answers, closed);
    assert.deepEqual(tally(results, 'service').counts, { voirie: 12, ecoles: 3 });
    assert.deepEqual(results.breakdowns.service, { voirie: { withheld: true }, ecoles: { withheld: true }, none: { withheld: true } });
  });

  test('withholds a question in both groups when one group has too few answers to it, and keeps the groups', () => {
    const note = question('note', 'scale', { min: 1, max: 3 });
    // 13 answered `note`: 10 of the voirie, 3 of the écoles. The voirie's 10 would tell the écoles' 3.
    const answers = [...times(10, { service: 'voirie', note: 3 }), ...times(3, { service: 'ecoles', note: 1 }), ...times(7, { service: 'ecoles' })];
    const results = surveyResultsOf(surveyOf([service, note]), answers, closed);
    assert.equal(tally(results, 'note').answered, 13);
    for (const key of ['voirie', 'ecoles']) {
      assert.equal(group(results, 'service', key)?.respondents, 10);
      assert.deepEqual(group(results, 'service', key)?.questions.note, { withheld: true });
    }
  });

  test('withholds a group nested in a group of another breakdown with a difference of 2', () => {
    const site = question('site', 'single', {
      breakdown: true,
      options: [
        { id: 'mairie', label: 'Mairie' },
        { id: 'depot', label: 'Dépôt' },
      ],
    });
    // Voirie (12) holds all of the dépôt (10) and 2 at the mairie: voirie − dépôt would be those 2.
    const answers = [
      ...times(10, { service: 'voirie', site: 'depot' }),
      ...times(2, { service: 'voirie', site: 'mairie' }),
      ...times(13, { service: 'ecoles', site: 'mairie' }),
    ];
    const results = surveyResultsOf(surveyOf([service, site]), answers, closed);
    assert.equal(group(results, 'service', 'voirie')?.respondents, 12);
    assert.equal(group(results, 'site', 'depot'), undefined);
    // The mairie (15) against the écoles (13): a difference of 2, so the écoles go too.
    assert.equal(group(results, 'site', 'mairie')?.respondents, 15);
    assert.equal(group(results, 'service', 'ecoles'), undefined);
  });

  test('honours a minimum group of 3', () => {
    const answers = [...times(3, { service: 'voirie' }), ...times(3, { service: 'ecoles' })];
    const results = surveyResultsOf(surveyOf([service], 3), answers, closed);
    assert.equal(results.minimumGroup, 3);
    assert.equal(results.minimumComments, 8);
    assert.equal(group(results, 'service', 'voirie')?.respondents, 3);
    assert.equal(group(results, 'service', 'ecoles')?.respondents, 3);
    assert.deepEqual(surveyResultsOf(surveyOf([service]), answers, closed).breakdowns.service?.voirie, { withheld: true });
  });

  test('gives the same results whatever the order of the responses', () => {
    const avis = question('avis', 'text', { maxLength: 500 });
    const answers = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit'].map((avis, index) => ({ avis, service: index % 3 ? 'voirie' : 'ecoles' }));
    const survey = surveyOf([service, avis], 3);
    assert.deepEqual(surveyResultsOf(survey, [...answers].reverse(), closed), surveyResultsOf(survey, answers, closed));
  });
});
