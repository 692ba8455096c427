import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { aRating } from '../../../../test/support/rating.js';
import type { Result } from '../adapter.js';
import { isWithheld } from '../contract/survey-results.js';
import { aSurveyDefinition, aSurveyResponse } from '../testing/survey-fixture.js';
import { createMemoryAdapter, type MemoryConsultation, type MemorySurvey } from './memory.js';

// The adapter contract suite runs against this adapter in memory.contract.test.ts.

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-04-01T08:00:00.000Z');

/** A memory adapter whose clock the test moves, with one consultation open from START for ten days. */
function withClock(overrides: Partial<MemoryConsultation> = {}) {
  let now = START;
  const consultation: MemoryConsultation = {
    id: 'place-du-marche',
    org: 'ville-test',
    title: 'Réaménagement de la place du marché',
    description: 'Votre avis sur le projet.',
    opensAt: START.toISOString(),
    closesAt: new Date(START.getTime() + 10 * DAY).toISOString(),
    resultsVisibility: 'after-close',
    questions: [
      { id: 'layout', type: 'single', label: 'Quel aménagement ?', required: true, options: [{ id: 'trees', label: 'Des arbres' }, { id: 'benches', label: 'Des bancs' }] },
      { id: 'mark', type: 'scale', label: 'Note', required: false, min: 1, max: 5 },
      { id: 'comment', type: 'text', label: 'Commentaire', required: false, maxLength: 50 },
    ],
    ideas: { enabled: true, moderation: 'post' },
    ...overrides,
  };
  const adapter = createMemoryAdapter({ consultations: [consultation], now: () => now });
  return { adapter, id: consultation.id, moveTo: (days: number) => (now = new Date(START.getTime() + days * DAY)) };
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`expected success, got ${result.error.kind} ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const errorOf = <T>(result: Result<T>) => (result.ok ? undefined : { kind: result.error.kind, code: result.error.code });
const aResponse = (answers: Record<string, unknown>, participant: string = randomUUID()) => ({ id: randomUUID(), participant, answers });
const anIdea = (title = 'Des fontaines à boire', participant: string = randomUUID()) => ({ id: randomUUID(), participant, title, body: '' });

describe('memory adapter: consultations', () => {
  test('the status follows the clock, from `now`', async () => {
    const { adapter, id, moveTo } = withClock();
    moveTo(-1);
    assert.equal(ok(await adapter.getConsultation(id)).status, 'scheduled');
    moveTo(0);
    assert.equal(ok(await adapter.getConsultation(id)).status, 'open');
    moveTo(10);
    assert.equal(ok(await adapter.getConsultation(id)).status, 'closed');
  });

  test('an unknown consultation is `unknown-consultation`, for every method', async () => {
    const adapter = createMemoryAdapter();
    const expected = { kind: 'not-found', code: 'unknown-consultation' };
    assert.deepEqual(errorOf(await adapter.getConsultation('nope')), expected);
    assert.deepEqual(errorOf(await adapter.submitConsultationResponse('nope', aResponse({}))), expected);
    assert.deepEqual(errorOf(await adapter.getConsultationResults('nope')), expected);
    assert.deepEqual(errorOf(await adapter.listIdeas('nope')), expected);
    assert.deepEqual(errorOf(await adapter.submitIdea('nope', anIdea())), expected);
    assert.deepEqual(errorOf(await adapter.supportIdea('nope', randomUUID(), 'p')), expected);
    assert.deepEqual(errorOf(adapter.moderateIdea('nope', randomUUID(), { status: 'published' })), expected);
  });

  test('a definition that does not hold together is refused when added, with its problems', () => {
    const adapter = createMemoryAdapter();
    assert.throws(
      () =>
        adapter.addConsultation({
          id: 'bad',
          org: 'ville-test',
          title: 'T',
          description: '',
          opensAt: START.toISOString(),
          closesAt: START.toISOString(),
          resultsVisibility: 'never',
          questions: [{ id: 'q', type: 'single', label: 'Q', required: true }],
          ideas: { enabled: false, moderation: 'pre' },
        }),
      /does not hold together/,
    );
  });

  test('the stored responses can be read, and a consultation with answers cannot be replaced', async () => {
    const { adapter, id } = withClock();
    const response = aResponse({ layout: 'trees', comment: 'Plus d’ombre' });
    ok(await adapter.submitConsultationResponse(id, response));
    assert.deepEqual(adapter.responses(id), [response]);
    assert.deepEqual(adapter.responses('nope'), []);
    const consultation = ok(await adapter.getConsultation(id));
    const { status: _status, ...definition } = consultation;
    assert.throws(() => adapter.addConsultation(definition), /has answers/);
  });

  test('the same response id with another body is `idempotency-conflict`, and nothing more is counted', async () => {
    const { adapter, id, moveTo } = withClock();
    const response = aResponse({ layout: 'trees' });
    const receipt = ok(await adapter.submitConsultationResponse(id, response));
    assert.deepEqual(errorOf(await adapter.submitConsultationResponse(id, { ...response, answers: { layout: 'benches' } })), {
      kind: 'conflict',
      code: 'idempotency-conflict',
    });
    // A retry of an accepted response still gets its receipt after the close, as on the server.
    moveTo(11);
    assert.deepEqual(ok(await adapter.submitConsultationResponse(id, { ...response, answers: { layout: 'trees' } })), receipt);
    assert.equal(ok(await adapter.getConsultationResults(id)).responses, 1);
  });

  test('invalid answers are `invalid-body` with each question named; nothing is stored', async () => {
    const { adapter, id } = withClock();
    const result = await adapter.submitConsultationResponse(id, aResponse({ mark: 0, other: 1 }));
    assert.deepEqual(errorOf(result), { kind: 'invalid', code: 'invalid-body' });
    assert.deepEqual(
      !result.ok && result.error.fields?.map(({ path }) => path).sort(),
      ['answers.layout', 'answers.mark', 'answers.other'],
    );
    assert.deepEqual(adapter.responses(id), []);
  });

  test('a response that breaks the contract itself names the field', async () => {
    const { adapter, id } = withClock();
    const result = await adapter.submitConsultationResponse(id, { id: 'not-a-uuid', participant: 'p', answers: {} });
    assert.deepEqual(errorOf(result), { kind: 'invalid', code: 'invalid-body' });
    assert.deepEqual(!result.ok && result.error.fields?.map(({ path }) => path), ['id']);
  });

  test('after-close results come once closed: mean for a scale, text only counted', async () => {
    const { adapter, id, moveTo } = withClock();
    ok(await adapter.submitConsultationResponse(id, aResponse({ layout: 'trees', mark: 5, comment: 'Bien' })));
    ok(await adapter.submitConsultationResponse(id, aResponse({ layout: 'benches', mark: 2 })));
    assert.deepEqual(errorOf(await adapter.getConsultationResults(id)), { kind: 'forbidden', code: 'results-not-yet' });
    moveTo(10);
    assert.deepEqual(ok(await adapter.getConsultationResults(id)), {
      consultation: id,
      responses: 2,
      questions: {
        layout: { answered: 2, counts: { trees: 1, benches: 1 } },
        mark: { answered: 2, counts: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 }, mean: 3.5 },
        comment: { answered: 1 },
      },
    });
  });

  test('an aborted call does nothing', async () => {
    const { adapter, id } = withClock();
    const signal = AbortSignal.abort();
    assert.deepEqual(errorOf(await adapter.submitConsultationResponse(id, aResponse({ layout: 'trees' }), { signal })), { kind: 'aborted', code: 'aborted' });
    assert.deepEqual(errorOf(await adapter.submitIdea(id, anIdea(), { signal })), { kind: 'aborted', code: 'aborted' });
    assert.deepEqual(adapter.responses(id), []);
    assert.deepEqual(ok(await adapter.listIdeas(id)), []);
  });
});

describe('memory adapter: ideas', () => {
  test('published ideas come most supported first, then newest; the author sees their own unpublished ones first', async () => {
    const { adapter, id } = withClock();
    const author = randomUUID();
    const first = ok(await adapter.submitIdea(id, anIdea('Des arbres')));
    ok(await adapter.submitIdea(id, anIdea('Des bancs')));
    ok(await adapter.submitIdea(id, anIdea('Une fontaine')));
    const own = ok(await adapter.submitIdea(id, anIdea('Hors sujet', author)));
    ok(adapter.moderateIdea(id, own.id, { status: 'rejected', reason: 'Hors sujet' }));
    ok(await adapter.supportIdea(id, first.id, author));
    const titles = (ideas: { title: string }[]) => ideas.map(({ title }) => title);
    assert.deepEqual(titles(ok(await adapter.listIdeas(id))), ['Des arbres', 'Une fontaine', 'Des bancs']);
    const forAuthor = ok(await adapter.listIdeas(id, { participant: author }));
    assert.deepEqual(titles(forAuthor), ['Hors sujet', 'Des arbres', 'Une fontaine', 'Des bancs']);
    assert.deepEqual(forAuthor.map(({ supported }) => supported), [false, true, false, false]);
    assert.equal(forAuthor[0]?.rejectionReason, 'Hors sujet');
  });

  test('a pending idea cannot be supported; a published one can, once', async () => {
    const { adapter, id } = withClock({ ideas: { enabled: true, moderation: 'pre' } });
    const idea = ok(await adapter.submitIdea(id, anIdea()));
    assert.deepEqual(errorOf(await adapter.supportIdea(id, idea.id, 'someone')), { kind: 'conflict', code: 'not-published' });
    ok(adapter.moderateIdea(id, idea.id, { status: 'published' }));
    assert.deepEqual(ok(await adapter.supportIdea(id, idea.id, 'someone')), { idea: idea.id, supports: 1 });
    assert.deepEqual(errorOf(await adapter.supportIdea(id, idea.id, 'someone')), { kind: 'conflict', code: 'already-supported' });
  });

  test('a retry of an idea gets it as it is now; another body under its id is a conflict', async () => {
    const { adapter, id, moveTo } = withClock({ ideas: { enabled: true, moderation: 'pre' } });
    const submission = anIdea();
    ok(await adapter.submitIdea(id, submission));
    ok(adapter.moderateIdea(id, submission.id, { status: 'published' }));
    moveTo(20);
    assert.equal(ok(await adapter.submitIdea(id, { ...submission })).status, 'published');
    assert.deepEqual(errorOf(await adapter.submitIdea(id, { ...submission, title: 'Autre' })), { kind: 'conflict', code: 'idempotency-conflict' });
  });

  test('ideas are taken and supported only while the consultation is open', async () => {
    const { adapter, id, moveTo } = withClock();
    const idea = ok(await adapter.submitIdea(id, anIdea()));
    moveTo(-1);
    assert.deepEqual(errorOf(await adapter.submitIdea(id, anIdea())), { kind: 'conflict', code: 'not-open' });
    assert.deepEqual(errorOf(await adapter.supportIdea(id, idea.id, 'p')), { kind: 'conflict', code: 'not-open' });
    moveTo(10);
    assert.deepEqual(errorOf(await adapter.submitIdea(id, anIdea())), { kind: 'conflict', code: 'closed' });
    assert.deepEqual(errorOf(await adapter.supportIdea(id, idea.id, 'p')), { kind: 'conflict', code: 'closed' });
    assert.equal(ok(await adapter.listIdeas(id)).length, 1, 'the list stays readable');
  });

  test('a consultation without ideas refuses the list too', async () => {
    const { adapter, id } = withClock({ ideas: { enabled: false, moderation: 'pre' } });
    assert.deepEqual(errorOf(await adapter.listIdeas(id)), { kind: 'conflict', code: 'ideas-disabled' });
  });

  test('an idea that breaks the contract names its fields', async () => {
    const { adapter, id } = withClock();
    const result = await adapter.submitIdea(id, { ...anIdea('x'.repeat(141)), body: 'y'.repeat(2001) });
    assert.deepEqual(errorOf(result), { kind: 'invalid', code: 'invalid-body' });
    assert.deepEqual(!result.ok && result.error.fields?.map(({ path }) => path).sort(), ['body', 'title']);
  });

  test('a participant may post 20 ideas to one consultation, as on the server', async () => {
    const { adapter, id } = withClock();
    const author = randomUUID();
    for (let index = 0; index < 20; index++) ok(await adapter.submitIdea(id, anIdea(`Idée ${index}`, author)));
    assert.deepEqual(errorOf(await adapter.submitIdea(id, anIdea('Une de trop', author))), { kind: 'conflict', code: 'too-many-ideas' });
  });

  test('moderating an unknown idea is `unknown-idea`; a blank reason is invalid', async () => {
    const { adapter, id } = withClock();
    const idea = ok(await adapter.submitIdea(id, anIdea()));
    assert.deepEqual(errorOf(adapter.moderateIdea(id, randomUUID(), { status: 'published' })), { kind: 'not-found', code: 'unknown-idea' });
    assert.deepEqual(errorOf(adapter.moderateIdea(id, idea.id, { status: 'rejected', reason: ' ' })), { kind: 'invalid', code: 'invalid-body' });
  });

  test('what a caller gets is a copy: changing it changes nothing stored', async () => {
    const { adapter, id } = withClock();
    const idea = ok(await adapter.submitIdea(id, anIdea()));
    idea.supports = 99;
    const consultation = ok(await adapter.getConsultation(id));
    consultation.questions.length = 0;
    assert.equal(ok(await adapter.listIdeas(id))[0]?.supports, 0);
    assert.equal(ok(await adapter.getConsultation(id)).questions.length, 3);
  });
});

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

/** The shared test survey, open from START for ten days. */
const clockedSurvey = (overrides: Partial<MemorySurvey> = {}): MemorySurvey =>
  aSurveyDefinition('ville-test', { id: 'qualite-de-vie', opensAt: START.toISOString(), closesAt: new Date(START.getTime() + 10 * DAY).toISOString(), ...overrides });

/** A memory adapter whose clock the test moves, with that survey and three invitations. */
function withSurvey(overrides: Partial<MemorySurvey> = {}) {
  let now = START;
  const survey = clockedSurvey(overrides);
  const adapter = createMemoryAdapter({ surveys: [survey], now: () => now });
  const tokens = adapter.inviteToSurvey(survey.id, 3);
  return { adapter, id: survey.id, tokens, moveTo: (days: number) => (now = new Date(START.getTime() + days * DAY)) };
}


describe('memory adapter: surveys', () => {
  test('an unused invitation opens the survey, with the status of the moment', async () => {
    const { adapter, id, tokens, moveTo } = withSurvey();
    const survey = ok(await adapter.getSurvey(id, tokens[0]!));
    assert.equal(survey.id, id);
    assert.equal(survey.status, 'open');
    assert.equal(survey.sections.length, 3);
    moveTo(-1);
    assert.equal(ok(await adapter.getSurvey(id, tokens[0]!)).status, 'scheduled');
  });

  test('tokens are 160 random bits in hex, each different', () => {
    const { tokens } = withSurvey();
    for (const token of tokens) assert.match(token, /^[0-9a-f]{40}$/);
    assert.equal(new Set(tokens).size, 3);
  });

  test('no token is `unauthorized`; a token of another survey, or any token for an unknown survey, `unknown-token`', async () => {
    const { adapter, id, tokens } = withSurvey();
    adapter.addSurvey(clockedSurvey({ id: 'autre' }));
    const other = adapter.inviteToSurvey('autre', 1)[0]!;
    assert.deepEqual(errorOf(await adapter.getSurvey(id, '')), { kind: 'unauthorized', code: 'unauthorized' });
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, ' ', aSurveyResponse())), { kind: 'unauthorized', code: 'unauthorized' });
    assert.deepEqual(errorOf(await adapter.getSurvey(id, other)), { kind: 'forbidden', code: 'unknown-token' });
    assert.deepEqual(errorOf(await adapter.getSurvey('nope', tokens[0]!)), { kind: 'forbidden', code: 'unknown-token' });
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse('nope', tokens[0]!, aSurveyResponse())), { kind: 'forbidden', code: 'unknown-token' });
  });

  test('an answer uses up the invitation: the answers are stored without token or id, and the token opens nothing more', async () => {
    const { adapter, id, tokens } = withSurvey();
    const response = aSurveyResponse({ encadrant: true, climat: { ecoute: 'oui', moyens: 'oui' }, note: 4, charge: 'Les plannings' });
    assert.deepEqual(ok(await adapter.submitSurveyResponse(id, tokens[0]!, response)), { id: response.id, receivedOn: '2026-04-01' });
    assert.deepEqual(adapter.surveyResponses(id), [{ encadrant: true, climat: { ecoute: 'oui', moyens: 'oui' }, note: 4, charge: 'Les plannings' }]);
    const used = { kind: 'forbidden', code: 'token-used' };
    assert.deepEqual(errorOf(await adapter.getSurvey(id, tokens[0]!)), used);
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, tokens[0]!, response)), used, 'a retry after success is token-used');
    assert.equal(adapter.surveyResponses(id).length, 1);
    ok(await adapter.submitSurveyResponse(id, tokens[1]!, aSurveyResponse()));
    assert.equal(adapter.surveyResponses(id).length, 2);
  });

  test('answers that do not fit are `invalid-body` at answers.<question>, a hidden section\'s included; the token stays unused', async () => {
    const { adapter, id, tokens } = withSurvey();
    const result = await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse({ encadrant: false, climat: { ecoute: 'oui', moyens: 'non' }, note: 11, charge: 'x' }));
    assert.deepEqual(errorOf(result), { kind: 'invalid', code: 'invalid-body' });
    assert.deepEqual(result.ok ? [] : result.error.fields?.map(({ path }) => path).sort(), ['answers.charge', 'answers.note']);
    const broken = await adapter.submitSurveyResponse(id, tokens[0]!, { id: 'not-a-uuid', answers: {} });
    assert.deepEqual(broken.ok ? [] : broken.error.fields?.map(({ path }) => path), ['id']);
    assert.deepEqual(adapter.surveyResponses(id), []);
    ok(await adapter.getSurvey(id, tokens[0]!));
  });

  test('a survey not yet open or closed refuses answers with its code, and keeps the invitation unused', async () => {
    const { adapter, id, tokens, moveTo } = withSurvey();
    moveTo(-1);
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse())), { kind: 'conflict', code: 'not-open' });
    moveTo(10);
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse())), { kind: 'conflict', code: 'closed' });
    assert.equal(ok(await adapter.getSurvey(id, tokens[0]!)).status, 'closed');
  });

  test('closeSurvey closes it now; while it is open the results tell the participation alone', async () => {
    const { adapter, id, tokens, moveTo } = withSurvey();
    const reader = adapter.issueSurveyReader(id);
    ok(await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse()));
    const open = ok(await adapter.getSurveyResults(id, reader));
    assert.deepEqual(
      { status: open.status, invited: open.invited, received: open.received, published: open.published, respondents: open.respondents, questions: open.questions },
      { status: 'open', invited: 3, received: 1, published: false, respondents: 0, questions: {} },
    );
    assert.equal(open.title, 'Qualité de vie au travail');
    assert.equal(open.minimumGroup, 5);
    moveTo(2);
    adapter.closeSurvey(id);
    assert.equal(ok(await adapter.getSurvey(id, tokens[1]!)).closesAt, new Date(START.getTime() + 2 * DAY).toISOString());
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, tokens[1]!, aSurveyResponse())), { kind: 'conflict', code: 'closed' });
  });

  test('once closed, the results are tallied by core\'s surveyResultsOf, withheld below the minimum group', async () => {
    const { adapter, id, moveTo } = withSurvey({ minimumGroup: 3 });
    const tokens = adapter.inviteToSurvey(id, 3);
    const reader = adapter.issueSurveyReader(id);
    for (const [token, note] of [[tokens[0]!, 4], [tokens[1]!, 6], [tokens[2]!, 8]] as const) {
      ok(await adapter.submitSurveyResponse(id, token, aSurveyResponse({ encadrant: false, climat: { ecoute: 'oui', moyens: 'non' }, note })));
    }
    moveTo(1);
    adapter.closeSurvey(id);
    const results = ok(await adapter.getSurveyResults(id, reader));
    assert.deepEqual(
      { status: results.status, invited: results.invited, received: results.received, published: results.published, respondents: results.respondents },
      { status: 'closed', invited: 6, received: 3, published: true, respondents: 3 },
    );
    const note = results.questions.note;
    assert.ok(note && !isWithheld(note));
    assert.deepEqual([note.answered, note.mean, note.counts?.[4], note.counts?.[6], note.counts?.[5]], [3, 6, 1, 1, 0]);
    assert.deepEqual(results.questions.charge, { withheld: true }, 'the managers\' section, answered by none');
    results.sections[0]!.title = 'Changé';
    assert.equal(ok(await adapter.getSurveyResults(id, reader)).sections[0]!.title, 'Vous', 'the results are a copy');
  });

  test('results need a read token of this survey: an invitation does not read them, a read token does not answer', async () => {
    const { adapter, id, tokens } = withSurvey();
    const reader = adapter.issueSurveyReader(id);
    assert.deepEqual(errorOf(await adapter.getSurveyResults(id, '')), { kind: 'unauthorized', code: 'unauthorized' });
    assert.deepEqual(errorOf(await adapter.getSurveyResults(id, tokens[0]!)), { kind: 'forbidden', code: 'unknown-token' });
    assert.deepEqual(errorOf(await adapter.getSurveyResults('nope', reader)), { kind: 'forbidden', code: 'unknown-token' });
    assert.deepEqual(errorOf(await adapter.getSurvey(id, reader)), { kind: 'forbidden', code: 'unknown-token' });
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, reader, aSurveyResponse())), { kind: 'forbidden', code: 'unknown-token' });
  });

  test('the admin methods throw for an unknown survey; a definition that does not hold together is refused', () => {
    const adapter = createMemoryAdapter();
    assert.throws(() => adapter.inviteToSurvey('nope', 1), /no survey "nope"/);
    assert.throws(() => adapter.issueSurveyReader('nope'), /no survey "nope"/);
    assert.throws(() => adapter.closeSurvey('nope'), /no survey "nope"/);
    assert.throws(() => adapter.addSurvey(clockedSurvey({ closesAt: START.toISOString() })), /does not hold together/);
  });

  test('a survey with answers cannot be replaced; one without keeps its invitations', async () => {
    const { adapter, id, tokens } = withSurvey();
    adapter.addSurvey(clockedSurvey({ title: 'Nouveau titre' }));
    assert.equal(ok(await adapter.getSurvey(id, tokens[0]!)).title, 'Nouveau titre');
    ok(await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse()));
    assert.throws(() => adapter.addSurvey(clockedSurvey()), /has answers already/);
  });

  test('an aborted call does nothing; what a caller gets is a copy', async () => {
    const { adapter, id, tokens } = withSurvey();
    const signal = AbortSignal.abort();
    assert.deepEqual(errorOf(await adapter.submitSurveyResponse(id, tokens[0]!, aSurveyResponse(), { signal })), { kind: 'aborted', code: 'aborted' });
    assert.deepEqual(errorOf(await adapter.getSurvey(id, tokens[0]!, { signal })), { kind: 'aborted', code: 'aborted' });
    assert.deepEqual(adapter.surveyResponses(id), []);
    const survey = ok(await adapter.getSurvey(id, tokens[0]!));
    survey.sections[0]!.title = 'Changé';
    assert.equal(ok(await adapter.getSurvey(id, tokens[0]!)).sections[0]!.title, 'Vous');
  });
});


describe('memory adapter: barometer', () => {
  const NOW = new Date('2026-11-29T12:00:00.000Z');
  const barometerAdapter = (options: Parameters<typeof createMemoryAdapter>[0] = {}) => createMemoryAdapter({ org: 'ville-test', now: () => NOW, ...options });
  const audit = (date: string, channel: 'phone' | 'web' | 'counter', criteriaMet: number, criteriaTotal = 4, id?: string) => ({
    ...(id === undefined ? {} : { id }),
    date,
    channel,
    criteriaMet,
    criteriaTotal,
  });

  async function rate(adapter: ReturnType<typeof createMemoryAdapter>, count: number, rating: Partial<Parameters<typeof aRating>[0]>) {
    for (let i = 0; i < count; i++) assert.equal((await adapter.submitRating(aRating({ ...rating, id: randomUUID() }))).ok, true);
  }

  const data = <T>(result: Result<T>): T => {
    if (!result.ok) assert.fail(`${result.error.kind} ${result.error.code}`);
    return result.data;
  };

  test('scores the stored ratings (normalized) and the audits given, over the period asked, against the previous one', async () => {
    const adapter = barometerAdapter();
    // 2026-Q3: 30 ratings 4 of 5 (75) at the counter, 10 of 3 of 3 (100) on the web; Q2: 30 of 2 of 5 (25).
    await rate(adapter, 30, { channel: 'counter', scale: 'smileys-5', score: 4, occurredAt: '2026-07-15T10:00:00.000Z' });
    await rate(adapter, 10, { channel: 'web', scale: 'smileys-3', score: 3, occurredAt: '2026-09-30T23:59:59.000+00:00' });
    await rate(adapter, 30, { channel: 'counter', scale: 'smileys-5', score: 2, occurredAt: '2026-06-30T23:59:59.999Z' });
    // Occurred on the 1st of October in Paris, on the 30th of September in UTC: in Q3.
    await rate(adapter, 1, { channel: 'web', scale: 'stars-5', score: 5, occurredAt: '2026-10-01T01:00:00.000+02:00' });
    const receipt = adapter.addAudits('ville-test', [
      ...Array.from({ length: 5 }, (_, i) => audit(`2026-08-0${i + 1}`, 'phone', 3)),
      audit('2026-10-01', 'phone', 0), // Q4
      ...Array.from({ length: 5 }, (_, i) => audit(`2026-05-0${i + 1}`, 'web', 1)), // Q2
    ]);
    assert.deepEqual(receipt, { imported: 11, duplicates: 0 });

    const barometer = data(await adapter.getBarometer('ville-test', '2026-Q3'));
    assert.deepEqual([barometer.period, barometer.from, barometer.to], ['2026-Q3', '2026-07-01', '2026-10-01']);
    assert.equal(barometer.responses, 41);
    assert.equal(barometer.satisfaction.score, 81.7); // (30 × 75 + 11 × 100) / 41 = 81.70…
    assert.deepEqual(barometer.satisfaction.byChannel.counter, { score: 75, responses: 30 });
    assert.deepEqual(barometer.satisfaction.byChannel.web, { score: null, responses: 11 });
    assert.equal(barometer.satisfaction.byChannel.phone, null);
    assert.deepEqual(barometer.audit.byChannel.phone, { score: 75, audits: 5 });
    assert.equal(barometer.audit.score, 75);
    assert.equal(barometer.score, 78.4); // (81.70… + 75) / 2 = 78.35…
    // Q2: 25 from ratings, 25 from audits.
    assert.deepEqual(barometer.trend, { previous: 25, delta: 53.4 });
    assert.deepEqual(barometer.minimum, { ratings: 30, audits: 5 });
    assert.match(barometer.methodology, /#barometer-methodology$/);
  });

  test('settings and the methodology link come from the options', async () => {
    const adapter = barometerAdapter({ barometer: { weights: { audit: 70, satisfaction: 30 }, minimum: { ratings: 1, audits: 1 } }, methodology: 'https://ville.test/methode' });
    await rate(adapter, 1, { scale: 'smileys-3', score: 1, occurredAt: '2026-02-01T10:00:00.000Z' });
    adapter.addAudits('ville-test', [audit('2026-02-02', 'counter', 4)]);
    const barometer = data(await adapter.getBarometer('ville-test', '2026'));
    assert.equal(barometer.score, 70);
    assert.deepEqual(barometer.weights, { audit: 70, satisfaction: 30, applied: { audit: 0.7, satisfaction: 0.3 } });
    assert.equal(barometer.methodology, 'https://ville.test/methode');
  });

  test('last-12-months reads the twelve whole months before the current one', async () => {
    const adapter = barometerAdapter({ barometer: { weights: { audit: 1, satisfaction: 1 }, minimum: { ratings: 1, audits: 1 } } });
    await rate(adapter, 1, { scale: 'smileys-3', score: 3, occurredAt: '2025-11-01T00:00:00.000Z' });
    await rate(adapter, 1, { scale: 'smileys-3', score: 1, occurredAt: '2026-11-02T00:00:00.000Z' }); // this month: not yet
    const barometer = data(await adapter.getBarometer('ville-test', 'last-12-months'));
    assert.deepEqual([barometer.from, barometer.to, barometer.responses, barometer.score], ['2025-11-01', '2026-11-01', 1, 100]);
  });

  test('a bad period is `invalid` naming `period`; another org is `not-found`; an aborted call is `aborted`', async () => {
    const adapter = barometerAdapter();
    const bad = await adapter.getBarometer('ville-test', '2026-Q5');
    assert.equal(!bad.ok && bad.error.kind, 'invalid');
    assert.deepEqual(!bad.ok && bad.error.fields?.map(({ path }) => path), ['period']);
    const other = await adapter.getBarometer('autre-ville', '2026');
    assert.equal(!other.ok && `${other.error.kind} ${other.error.code}`, 'not-found unknown-org');
    const stopped = await adapter.getBarometer('ville-test', '2026', { signal: AbortSignal.abort() });
    assert.equal(!stopped.ok && stopped.error.kind, 'aborted');
  });

  test('without an org option, any org asked has the ratings, and its own audits', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    await rate(adapter, 2, { occurredAt: '2026-03-01T10:00:00.000Z' });
    adapter.addAudits('a', [audit('2026-03-01', 'web', 1)]);
    assert.equal(data(await adapter.getBarometer('a', '2026')).audit.audits, 1);
    assert.equal(data(await adapter.getBarometer('b', '2026')).audit.audits, 0);
    assert.equal(data(await adapter.getBarometer('b', '2026')).responses, 2);
  });

  test('importing the same audits twice adds nothing; identical audits without id in one batch stay apart', async () => {
    const adapter = barometerAdapter();
    const batch = [audit('2026-03-01', 'phone', 2, 4, 'A-1'), audit('2026-03-01', 'web', 1), audit('2026-03-01', 'web', 1)];
    assert.deepEqual(adapter.addAudits('ville-test', batch), { imported: 3, duplicates: 0 });
    assert.deepEqual(adapter.addAudits('ville-test', batch), { imported: 0, duplicates: 3 });
    // A third identical one is new: it ranks third among its twins.
    assert.deepEqual(adapter.addAudits('ville-test', [...batch, audit('2026-03-01', 'web', 1)]), { imported: 1, duplicates: 3 });
    assert.equal(adapter.audits('ville-test').length, 4);
  });

  test('a bad audit, or an id held with other figures, imports nothing and says each problem', () => {
    const adapter = barometerAdapter();
    adapter.addAudits('ville-test', [audit('2026-03-01', 'phone', 2, 4, 'A-1')]);
    assert.throws(
      () => adapter.addAudits('ville-test', [audit('2026-03-02', 'web', 1, 4, 'A-2'), audit('2026-03-01', 'phone', 3, 4, 'A-1'), audit('2026-02-30', 'web', 5)]),
      (error: Error) => /1\.id: "A-1" was imported with other figures/.test(error.message) && /2\.date/.test(error.message) && /2\.criteriaMet/.test(error.message),
    );
    assert.deepEqual(adapter.audits('ville-test').map(({ id }) => id), ['A-1']);
    assert.throws(() => adapter.addAudits('autre-ville', [audit('2026-03-01', 'web', 1)]), /holds the data of "ville-test"/);
  });
});
