/// <reference types="node" />
// The adapter contract suite: one set of tests that every BackendAdapter must pass, whatever is
// behind it. It runs against the memory adapter, and against the http adapter talking to the
// reference backend; a third party runs it against its own adapter to prove it keeps the contract.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import type { BackendAdapter, Result } from '../adapter.js';
import type { Audit, AuditImportReceipt } from '../contract/audit.js';
import type { ConsultationDefinition } from '../contract/consultation.js';
import type { IdeaDecision } from '../contract/idea.js';
import type { Rating } from '../contract/rating.js';
import { CHANNELS } from '../contract/vocabulary.js';
import { isWithheld } from '../contract/survey-results.js';
import type { SurveyDefinition } from '../contract/survey.js';
import { aSurveyDefinition, aSurveyResponse } from './survey-fixture.js';

// The suite's survey, for a backend's own tests to use the same one.
export { aSurveyDefinition, aSurveyResponse };

/** What the suite needs of an adapter and of the backend behind it, for one test. */
export interface AdapterUnderTest {
  adapter: BackendAdapter;
  /**
   * An organisation that offers the service `etat-civil`, for ratings, with the default barometer
   * settings (50/50, 30 ratings, 5 audits), and no rating or audit before the test's.
   */
  org: string;
  /** Creates a consultation of `org` as an admin would; the definition always carries its id. */
  createConsultation(definition: ConsultationDefinition & { id: string }): Promise<void>;
  /** Publishes or rejects an idea as a moderator would. */
  moderateIdea(consultation: string, idea: string, decision: IdeaDecision): Promise<void>;
  /**
   * Creates an agents' survey of `org` as an admin would (the definition always carries its id)
   * and makes `invitations` invitation tokens for it.
   */
  createSurvey(definition: SurveyDefinition & { id: string }, invitations: number): Promise<string[]>;
  /**
   * Issues a read token of a survey's results, as an admin does for a manager. Optional while a
   * backend has no such route: the results cases are then skipped, and say so.
   */
  issueSurveyReader?(survey: string): Promise<string>;
  /** Closes a survey now, as an admin does. Optional like `issueSurveyReader`, with the same effect when absent. */
  closeSurvey?(survey: string): Promise<void>;
  /**
   * Imports mystery-shopping audits of `org` as an admin does, and answers what the import says.
   * Optional while a backend has no import: the barometer cases with audits are then skipped, and say so.
   */
  importAudits?(org: string, audits: Audit[]): Promise<AuditImportReceipt>;
}

/** Makes a fresh backend and adapter for one test; tear down through `t.after`. */
export type AdapterFactory = (t: TestContext) => Promise<AdapterUnderTest>;

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function aConsultation(org: string, overrides: Partial<ConsultationDefinition> = {}): ConsultationDefinition & { id: string } {
  return {
    id: `contract-${randomUUID().slice(0, 8)}`,
    org,
    title: 'Réaménagement de la place du marché',
    description: 'Votre avis sur le projet.',
    opensAt: daysFromNow(-1),
    closesAt: daysFromNow(10),
    resultsVisibility: 'after-vote',
    questions: [
      { id: 'layout', type: 'single', label: 'Quel aménagement ?', required: true, options: [{ id: 'trees', label: 'Des arbres' }, { id: 'benches', label: 'Des bancs' }] },
      { id: 'uses', type: 'multiple', label: 'Quels usages ?', required: false, min: 1, max: 2, options: [{ id: 'market', label: 'Marché' }, { id: 'games', label: 'Jeux' }, { id: 'concerts', label: 'Concerts' }] },
      { id: 'relevant', type: 'yesno', label: 'Le projet est-il pertinent ?', required: true },
      { id: 'mark', type: 'scale', label: 'Note', required: false, min: 1, max: 5 },
      { id: 'priorities', type: 'ranking', label: 'Classez', required: false, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
      { id: 'comment', type: 'text', label: 'Commentaire', required: false, maxLength: 50 },
    ],
    ideas: { enabled: true, moderation: 'pre' },
    ...overrides,
  };
}

const aResponse = (answers: Record<string, unknown>, participant: string = randomUUID()) => ({ id: randomUUID(), participant, answers });
const anIdea = (participant: string, title = 'Des fontaines à boire') => ({ id: randomUUID(), participant, title, body: 'Pour les jours de marché en été.' });

function aRating(): Rating {
  return { id: randomUUID(), service: 'etat-civil', channel: 'web', source: 'web', scale: 'smileys-3', score: 3, occurredAt: new Date().toISOString() };
}

/** `count` ratings of `org`'s `etat-civil` at `occurredAt`, each with a fresh id. */
async function rate(adapter: BackendAdapter, count: number, rating: Partial<Rating>): Promise<void> {
  for (let i = 0; i < count; i++) ok(await adapter.submitRating({ ...aRating(), ...rating }));
}

/** `count` audits of one channel on one day, each with `met` of `total` criteria, and an id of its own. */
const someAudits = (count: number, date: string, channel: Audit['channel'], met: number, total: number): Audit[] =>
  Array.from({ length: count }, () => ({ id: `contract-${randomUUID()}`, date, channel, criteriaMet: met, criteriaTotal: total }));

const NO_AUDIT_IMPORT = 'this backend imports no audits (importAudits is not given)';

/** Every channel is listed in a breakdown; those named are expected as given, the others null (no data). */
function assertChannels<P>(byChannel: Record<string, P | null>, expected: Record<string, P>): void {
  assert.deepEqual(Object.keys(byChannel).sort(), [...CHANNELS].sort());
  for (const channel of CHANNELS) assert.deepEqual(byChannel[channel], expected[channel] ?? null, channel);
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`expected success, got ${result.error.kind} ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function failed<T>(result: Result<T>, kind: string, code?: string): void {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) return;
  assert.equal(result.error.kind, kind, `${result.error.code}: ${result.error.message}`);
  if (code !== undefined) assert.equal(result.error.code, code);
}

/** Registers the contract's tests for the adapter `makeAdapter` builds. */
export function describeAdapterContract(name: string, makeAdapter: AdapterFactory): void {
  describe(`adapter contract: ${name}`, () => {
    describe('ratings', () => {
      test('a rating gets a receipt with its id; the same rating again gets the same receipt', async (t) => {
        const { adapter } = await makeAdapter(t);
        const rating = aRating();
        const receipt = ok(await adapter.submitRating(rating));
        assert.equal(receipt.id, rating.id);
        assert.deepEqual(ok(await adapter.submitRating(rating)), receipt);
      });

      test('the same id with another body is a conflict', async (t) => {
        const { adapter } = await makeAdapter(t);
        const rating = aRating();
        ok(await adapter.submitRating(rating));
        failed(await adapter.submitRating({ ...rating, score: 1 }), 'conflict');
      });

      test('a bad rating is invalid, with the field named', async (t) => {
        const { adapter } = await makeAdapter(t);
        const result = await adapter.submitRating({ ...aRating(), score: 9 });
        failed(result, 'invalid');
        assert.ok(!result.ok && result.error.fields?.some(({ path }) => path === 'score'));
      });
    });

    describe('consultations', () => {
      test('an unknown consultation is not found', async (t) => {
        const { adapter } = await makeAdapter(t);
        failed(await adapter.getConsultation('no-such-consultation'), 'not-found');
      });

      test('a consultation comes back with its questions and the status of the moment', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const definition = aConsultation(org);
        await createConsultation(definition);
        const consultation = ok(await adapter.getConsultation(definition.id));
        assert.equal(consultation.status, 'open');
        assert.deepEqual(consultation.questions, definition.questions);
        await createConsultation({ ...definition, id: `${definition.id}-later`, opensAt: daysFromNow(1) });
        assert.equal(ok(await adapter.getConsultation(`${definition.id}-later`)).status, 'scheduled');
      });

      test('a response gets a receipt, once per participant; a retry gets the same receipt', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const { id } = aConsultation(org);
        await createConsultation(aConsultation(org, { id }));
        const response = aResponse({ layout: 'trees', relevant: true, priorities: ['c', 'a', 'b'] });
        const receipt = ok(await adapter.submitConsultationResponse(id, response));
        assert.equal(receipt.id, response.id);
        assert.deepEqual(ok(await adapter.submitConsultationResponse(id, response)), receipt);
        failed(await adapter.submitConsultationResponse(id, aResponse({ layout: 'benches', relevant: false }, response.participant)), 'conflict', 'already-answered');
      });

      test('answers that do not fit the questions are invalid, each named at answers.<question>', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const definition = aConsultation(org);
        await createConsultation(definition);
        const result = await adapter.submitConsultationResponse(
          definition.id,
          aResponse({ layout: 'fountain', uses: ['market', 'games', 'concerts'], mark: 6, priorities: ['a', 'b'], comment: 'x'.repeat(51) }),
        );
        failed(result, 'invalid');
        const paths = result.ok ? [] : (result.error.fields ?? []).map(({ path }) => path).sort();
        assert.deepEqual(paths, ['answers.comment', 'answers.layout', 'answers.mark', 'answers.priorities', 'answers.relevant', 'answers.uses']);
      });

      test('a consultation not yet open or closed refuses answers with its code', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const later = aConsultation(org, { opensAt: daysFromNow(1), closesAt: daysFromNow(2) });
        const past = aConsultation(org, { opensAt: daysFromNow(-3), closesAt: daysFromNow(-1) });
        await createConsultation(later);
        await createConsultation(past);
        failed(await adapter.submitConsultationResponse(later.id, aResponse({ layout: 'trees', relevant: true })), 'conflict', 'not-open');
        failed(await adapter.submitConsultationResponse(past.id, aResponse({ layout: 'trees', relevant: true })), 'conflict', 'closed');
      });

      test('results count every answer, Borda points for a ranking', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const definition = aConsultation(org);
        await createConsultation(definition);
        ok(await adapter.submitConsultationResponse(definition.id, aResponse({ layout: 'trees', relevant: true, mark: 4, priorities: ['c', 'a', 'b'] })));
        ok(await adapter.submitConsultationResponse(definition.id, aResponse({ layout: 'trees', relevant: false, mark: 2, uses: ['market'] })));
        const results = ok(await adapter.getConsultationResults(definition.id));
        assert.equal(results.responses, 2);
        assert.equal(results.questions.layout?.answered, 2);
        assert.equal(results.questions.layout?.counts?.trees, 2);
        assert.equal(results.questions.relevant?.counts?.yes, 1);
        assert.equal(results.questions.relevant?.counts?.no, 1);
        assert.equal(results.questions.mark?.mean, 3);
        assert.deepEqual(results.questions.priorities?.counts, { a: 2, b: 1, c: 3 });
        assert.equal(results.questions.uses?.counts?.market, 1);
      });

      test('results are withheld while visibility forbids them', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const hidden = aConsultation(org, { resultsVisibility: 'never' });
        const afterClose = aConsultation(org, { resultsVisibility: 'after-close' });
        await createConsultation(hidden);
        await createConsultation(afterClose);
        failed(await adapter.getConsultationResults(hidden.id), 'forbidden', 'results-hidden');
        failed(await adapter.getConsultationResults(afterClose.id), 'forbidden', 'results-not-yet');
      });
    });

    describe('ideas', () => {
      test('under pre-moderation an idea waits, seen only by its author, until published', async (t) => {
        const { adapter, org, createConsultation, moderateIdea } = await makeAdapter(t);
        const definition = aConsultation(org);
        await createConsultation(definition);
        const author = randomUUID();
        const submission = anIdea(author);
        const idea = ok(await adapter.submitIdea(definition.id, submission));
        assert.equal(idea.id, submission.id);
        assert.equal(idea.status, 'pending');
        assert.deepEqual(ok(await adapter.submitIdea(definition.id, submission)), idea, 'a retry gets the same idea');
        assert.deepEqual(ok(await adapter.listIdeas(definition.id)), []);
        assert.deepEqual(ok(await adapter.listIdeas(definition.id, { participant: author })).map(({ id, status }) => [id, status]), [[idea.id, 'pending']]);

        await moderateIdea(definition.id, idea.id, { status: 'published' });
        const listed = ok(await adapter.listIdeas(definition.id));
        assert.deepEqual(listed.map(({ title, status, supports }) => [title, status, supports]), [[submission.title, 'published', 0]]);
        assert.ok(!('participant' in listed[0]!), 'an idea never shows its participant');
      });

      test('under post-moderation an idea is published at once; a rejected one shows its reason to its author only', async (t) => {
        const { adapter, org, createConsultation, moderateIdea } = await makeAdapter(t);
        const definition = aConsultation(org, { ideas: { enabled: true, moderation: 'post' } });
        await createConsultation(definition);
        const author = randomUUID();
        const idea = ok(await adapter.submitIdea(definition.id, anIdea(author)));
        assert.equal(idea.status, 'published');
        await moderateIdea(definition.id, idea.id, { status: 'rejected', reason: 'Hors sujet' });
        assert.deepEqual(ok(await adapter.listIdeas(definition.id)), []);
        const own = ok(await adapter.listIdeas(definition.id, { participant: author }));
        assert.deepEqual(own.map(({ status, rejectionReason }) => [status, rejectionReason]), [['rejected', 'Hors sujet']]);
      });

      test('a participant supports a published idea once', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const definition = aConsultation(org, { ideas: { enabled: true, moderation: 'post' } });
        await createConsultation(definition);
        const idea = ok(await adapter.submitIdea(definition.id, anIdea(randomUUID())));
        const supporter = randomUUID();
        assert.deepEqual(ok(await adapter.supportIdea(definition.id, idea.id, supporter)), { idea: idea.id, supports: 1 });
        failed(await adapter.supportIdea(definition.id, idea.id, supporter), 'conflict', 'already-supported');
        assert.deepEqual(ok(await adapter.supportIdea(definition.id, idea.id, randomUUID())), { idea: idea.id, supports: 2 });
        const [listed] = ok(await adapter.listIdeas(definition.id, { participant: supporter }));
        assert.equal(listed?.supports, 2);
        assert.equal(listed?.supported, true);
        failed(await adapter.supportIdea(definition.id, randomUUID(), supporter), 'not-found', 'unknown-idea');
      });

      test('ideas are refused when the consultation has them off, and a blank title is invalid', async (t) => {
        const { adapter, org, createConsultation } = await makeAdapter(t);
        const off = aConsultation(org, { ideas: { enabled: false, moderation: 'pre' } });
        const on = aConsultation(org);
        await createConsultation(off);
        await createConsultation(on);
        failed(await adapter.submitIdea(off.id, anIdea(randomUUID())), 'conflict', 'ideas-disabled');
        const blank = await adapter.submitIdea(on.id, anIdea(randomUUID(), '   '));
        failed(blank, 'invalid');
        assert.ok(!blank.ok && blank.error.fields?.some(({ path }) => path === 'title'));
      });
    });

    describe('surveys', () => {
      test('an unused invitation opens the survey, with its sections and the status of the moment', async (t) => {
        const { adapter, org, createSurvey } = await makeAdapter(t);
        const definition = aSurveyDefinition(org);
        const [token] = await createSurvey(definition, 1);
        const survey = ok(await adapter.getSurvey(definition.id, token!));
        assert.equal(survey.id, definition.id);
        assert.equal(survey.status, 'open');
        assert.deepEqual(survey.sections, definition.sections);
        assert.equal(ok(await adapter.getSurvey(definition.id, token!)).id, definition.id, 'reading does not use the invitation');
      });

      test('a token that does not open the survey is forbidden, unknown-token, whether the survey exists or not; none is unauthorized', async (t) => {
        const { adapter, org, createSurvey } = await makeAdapter(t);
        const first = aSurveyDefinition(org);
        const second = aSurveyDefinition(org);
        await createSurvey(first, 1);
        const [other] = await createSurvey(second, 1);
        failed(await adapter.getSurvey(first.id, 'f'.repeat(40)), 'forbidden', 'unknown-token');
        failed(await adapter.getSurvey(first.id, other!), 'forbidden', 'unknown-token');
        failed(await adapter.getSurvey('no-such-survey', other!), 'forbidden', 'unknown-token');
        failed(await adapter.submitSurveyResponse(first.id, other!, aSurveyResponse()), 'forbidden', 'unknown-token');
        failed(await adapter.getSurvey(first.id, ''), 'unauthorized');
        failed(await adapter.submitSurveyResponse(first.id, '', aSurveyResponse()), 'unauthorized');
        failed(await adapter.getSurveyResults(first.id, ''), 'unauthorized');
      });

      test('an answer gets a receipt with its id and day and uses up the invitation: answering again is token-used', async (t) => {
        const { adapter, org, createSurvey } = await makeAdapter(t);
        const definition = aSurveyDefinition(org);
        const [token, another] = await createSurvey(definition, 2);
        const response = aSurveyResponse({ encadrant: true, climat: { ecoute: 'plutot', moyens: 'oui' }, note: 4, charge: 'Les plannings' });
        const receipt = ok(await adapter.submitSurveyResponse(definition.id, token!, response));
        assert.equal(receipt.id, response.id);
        assert.match(receipt.receivedOn, /^\d{4}-\d{2}-\d{2}$/);
        failed(await adapter.submitSurveyResponse(definition.id, token!, response), 'forbidden', 'token-used');
        failed(await adapter.submitSurveyResponse(definition.id, token!, aSurveyResponse()), 'forbidden', 'token-used');
        failed(await adapter.getSurvey(definition.id, token!), 'forbidden', 'token-used');
        ok(await adapter.submitSurveyResponse(definition.id, another!, aSurveyResponse()));
      });

      test('answers that do not fit are invalid, each named at answers.<question>, and leave the invitation unused', async (t) => {
        const { adapter, org, createSurvey } = await makeAdapter(t);
        const definition = aSurveyDefinition(org);
        const [token] = await createSurvey(definition, 1);
        const result = await adapter.submitSurveyResponse(
          definition.id,
          token!,
          // A note beyond the scale, a statement unanswered, and an answer to the managers' section, hidden here.
          aSurveyResponse({ encadrant: false, climat: { ecoute: 'oui' }, note: 11, charge: 'Rien' }),
        );
        failed(result, 'invalid');
        const paths = result.ok ? [] : [...new Set((result.error.fields ?? []).map(({ path }) => path))].sort();
        assert.deepEqual(paths, ['answers.charge', 'answers.climat', 'answers.note']);
        ok(await adapter.getSurvey(definition.id, token!));
      });

      test('a survey not yet open or closed refuses answers with its code, and leaves the invitation unused', async (t) => {
        const { adapter, org, createSurvey } = await makeAdapter(t);
        const later = aSurveyDefinition(org, { opensAt: daysFromNow(1), closesAt: daysFromNow(2) });
        const past = aSurveyDefinition(org, { opensAt: daysFromNow(-3), closesAt: daysFromNow(-1) });
        const [early] = await createSurvey(later, 1);
        const [late] = await createSurvey(past, 1);
        failed(await adapter.submitSurveyResponse(later.id, early!, aSurveyResponse()), 'conflict', 'not-open');
        failed(await adapter.submitSurveyResponse(past.id, late!, aSurveyResponse()), 'conflict', 'closed');
        assert.equal(ok(await adapter.getSurvey(later.id, early!)).status, 'scheduled');
        assert.equal(ok(await adapter.getSurvey(past.id, late!)).status, 'closed');
      });

      test('before the close the results tell the participation only: published false, with the count received', async (t) => {
        const { adapter, org, createSurvey, issueSurveyReader } = await makeAdapter(t);
        if (!issueSurveyReader) return t.skip('this backend issues no read token (issueSurveyReader is not given)');
        const definition = aSurveyDefinition(org);
        const tokens = await createSurvey(definition, 3);
        const reader = await issueSurveyReader(definition.id);
        ok(await adapter.submitSurveyResponse(definition.id, tokens[0]!, aSurveyResponse()));
        ok(await adapter.submitSurveyResponse(definition.id, tokens[1]!, aSurveyResponse()));
        const results = ok(await adapter.getSurveyResults(definition.id, reader));
        assert.deepEqual(
          {
            survey: results.survey,
            status: results.status,
            invited: results.invited,
            received: results.received,
            published: results.published,
            respondents: results.respondents,
            questions: results.questions,
          },
          { survey: definition.id, status: 'open', invited: 3, received: 2, published: false, respondents: 0, questions: {} },
        );
        assert.deepEqual(results.sections, definition.sections);
      });

      test('once closed, the results are published, tallied, and answers are refused', async (t) => {
        const { adapter, org, createSurvey, issueSurveyReader, closeSurvey } = await makeAdapter(t);
        if (!issueSurveyReader || !closeSurvey) return t.skip('this backend issues no read token or cannot close a survey (issueSurveyReader, closeSurvey)');
        const definition = aSurveyDefinition(org, { minimumGroup: 3 });
        const tokens = await createSurvey(definition, 4);
        const reader = await issueSurveyReader(definition.id);
        for (const [index, note] of [4, 6, 8].entries()) {
          ok(await adapter.submitSurveyResponse(definition.id, tokens[index]!, aSurveyResponse({ encadrant: false, climat: { ecoute: 'oui', moyens: 'non' }, note })));
        }
        await closeSurvey(definition.id);
        failed(await adapter.submitSurveyResponse(definition.id, tokens[3]!, aSurveyResponse()), 'conflict', 'closed');
        const results = ok(await adapter.getSurveyResults(definition.id, reader));
        assert.deepEqual(
          { status: results.status, invited: results.invited, received: results.received, published: results.published, respondents: results.respondents },
          { status: 'closed', invited: 4, received: 3, published: true, respondents: 3 },
        );
        const note = results.questions.note;
        assert.ok(note && !isWithheld(note), 'three answers reach the minimum group of three');
        assert.deepEqual([note.answered, note.mean, note.counts?.[4], note.counts?.[6]], [3, 6, 1, 1]);
        assert.deepEqual(results.questions.charge, { withheld: true }, 'the managers’ section, answered by none');
      });

      test('a read token cannot open or answer the survey, and an invitation cannot read the results', async (t) => {
        const { adapter, org, createSurvey, issueSurveyReader } = await makeAdapter(t);
        if (!issueSurveyReader) return t.skip('this backend issues no read token (issueSurveyReader is not given)');
        const definition = aSurveyDefinition(org);
        const other = aSurveyDefinition(org);
        const [token] = await createSurvey(definition, 1);
        await createSurvey(other, 1);
        const reader = await issueSurveyReader(definition.id);
        failed(await adapter.getSurvey(definition.id, reader), 'forbidden', 'unknown-token');
        failed(await adapter.submitSurveyResponse(definition.id, reader, aSurveyResponse()), 'forbidden', 'unknown-token');
        failed(await adapter.getSurveyResults(definition.id, token!), 'forbidden', 'unknown-token');
        failed(await adapter.getSurveyResults(other.id, reader), 'forbidden', 'unknown-token');
        ok(await adapter.getSurveyResults(definition.id, reader));
      });
    });

    // A past quarter and the one before, so that the trend has a previous period; the ratings' days
    // are UTC days of occurredAt, the audits' their date.
    describe('barometer', () => {
      test('a period that is none of YYYY, YYYY-Qn, last-12-months is invalid, naming `period`', async (t) => {
        const { adapter, org } = await makeAdapter(t);
        for (const period of ['2025-Q5', '26', '2025-13', '1999', 'last-year', '']) {
          const result = await adapter.getBarometer(org, period);
          failed(result, 'invalid');
          assert.ok(!result.ok && result.error.fields?.some(({ path }) => path === 'period'), `${period}: the field period is named`);
        }
      });

      test('an unknown org is not found', async (t) => {
        const { adapter } = await makeAdapter(t);
        failed(await adapter.getBarometer('no-such-org', '2025'), 'not-found');
      });

      test('an org with no data: every score null, the counts 0, every channel null', async (t) => {
        const { adapter, org } = await makeAdapter(t);
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual(
          { org: barometer.org, period: barometer.period, from: barometer.from, to: barometer.to, score: barometer.score, responses: barometer.responses },
          { org, period: '2025-Q2', from: '2025-04-01', to: '2025-07-01', score: null, responses: 0 },
        );
        assert.deepEqual([barometer.satisfaction.score, barometer.satisfaction.responses, barometer.audit.score, barometer.audit.audits], [null, 0, null, 0]);
        assertChannels(barometer.satisfaction.byChannel, {});
        assertChannels(barometer.audit.byChannel, {});
        assert.deepEqual(barometer.trend, { previous: null, delta: null });
        assert.deepEqual(barometer.minimum, { ratings: 30, audits: 5 });
        assert.equal(typeof barometer.methodology, 'string');
      });

      test('too few ratings: the scores are withheld, the counts given, per channel too', async (t) => {
        const { adapter, org } = await makeAdapter(t);
        await rate(adapter, 3, { channel: 'web', scale: 'smileys-3', score: 3, occurredAt: '2025-05-10T09:00:00.000Z' });
        await rate(adapter, 2, { channel: 'counter', scale: 'smileys-5', score: 1, occurredAt: '2025-06-30T23:59:59.999Z' });
        // The first instant of Q3: not in Q2.
        await rate(adapter, 1, { channel: 'phone', occurredAt: '2025-07-01T00:00:00.000Z' });
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual([barometer.score, barometer.responses, barometer.satisfaction.score, barometer.satisfaction.responses], [null, 5, null, 5]);
        assertChannels(barometer.satisfaction.byChannel, { web: { score: null, responses: 3 }, counter: { score: null, responses: 2 } });
        assert.deepEqual(barometer.weights.applied, { audit: 0, satisfaction: 0 });
      });

      test('enough ratings and no audit: the score is the mean normalized rating alone, with its trend', async (t) => {
        const { adapter, org } = await makeAdapter(t);
        // Q2: 20 × 4 of 5 (75) at the counter, 10 × 3 of 3 (100) on the web: 83.3. Q1: 30 × 2 of 3 (50).
        await rate(adapter, 20, { channel: 'counter', scale: 'smileys-5', score: 4, occurredAt: '2025-04-01T00:00:00.000Z' });
        await rate(adapter, 10, { channel: 'web', scale: 'smileys-3', score: 3, occurredAt: '2025-06-15T12:00:00.000Z' });
        await rate(adapter, 30, { channel: 'email', scale: 'smileys-3', score: 2, occurredAt: '2025-03-31T23:59:59.000Z' });
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual([barometer.score, barometer.responses, barometer.satisfaction.score, barometer.audit.score], [83.3, 30, 83.3, null]);
        assertChannels(barometer.satisfaction.byChannel, { counter: { score: null, responses: 20 }, web: { score: null, responses: 10 } });
        assert.deepEqual(barometer.weights.applied, { audit: 0, satisfaction: 1 });
        assert.deepEqual(barometer.trend, { previous: 50, delta: 33.3 });
        const q1 = ok(await adapter.getBarometer(org, '2025-Q1'));
        assertChannels(q1.satisfaction.byChannel, { email: { score: 50, responses: 30 } });
      });

      test('too few audits: the audit score is withheld, the count given', async (t) => {
        const { adapter, org, importAudits } = await makeAdapter(t);
        if (!importAudits) return t.skip(NO_AUDIT_IMPORT);
        await importAudits(org, [...someAudits(4, '2025-05-02', 'phone', 4, 4), ...someAudits(1, '2025-07-01', 'phone', 4, 4)]);
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual([barometer.score, barometer.audit.score, barometer.audit.audits], [null, null, 4]);
        assertChannels(barometer.audit.byChannel, { phone: { score: null, audits: 4 } });
      });

      test('enough ratings and audits: audit score Σ met / Σ evaluated, weighted 50/50, per channel, with its trend', async (t) => {
        const { adapter, org, importAudits } = await makeAdapter(t);
        if (!importAudits) return t.skip(NO_AUDIT_IMPORT);
        await rate(adapter, 20, { channel: 'counter', scale: 'smileys-5', score: 4, occurredAt: '2025-05-01T08:00:00.000Z' });
        await rate(adapter, 10, { channel: 'web', scale: 'smileys-3', score: 3, occurredAt: '2025-05-01T08:00:00.000Z' });
        await rate(adapter, 30, { channel: 'counter', scale: 'smileys-3', score: 2, occurredAt: '2025-02-01T08:00:00.000Z' });
        // Q2: 5 phone audits of 3 of 4, one web audit of 1 of 2: 16 of 22 criteria, 72.7. Q1: 5 of 2 of 4, 50.
        const receipt = await importAudits(org, [
          ...someAudits(5, '2025-06-30', 'phone', 3, 4),
          ...someAudits(1, '2025-04-01', 'web', 1, 2),
          ...someAudits(5, '2025-03-31', 'mail', 2, 4),
        ]);
        assert.deepEqual(receipt, { imported: 11, duplicates: 0 });
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual([barometer.audit.score, barometer.audit.audits, barometer.satisfaction.score], [72.7, 6, 83.3]);
        assertChannels(barometer.audit.byChannel, { phone: { score: 75, audits: 5 }, web: { score: null, audits: 1 } });
        // (83.33… + 72.72…) / 2 = 78.03…; Q1: (50 + 50) / 2.
        assert.equal(barometer.score, 78);
        assert.deepEqual(barometer.weights, { audit: 0.5, satisfaction: 0.5, applied: { audit: 0.5, satisfaction: 0.5 } });
        assert.deepEqual(barometer.trend, { previous: 50, delta: 28 });
        const year = ok(await adapter.getBarometer(org, '2025'));
        // The year: 26 of 42 criteria.
        assert.deepEqual([year.responses, year.audit.audits, year.audit.score], [60, 11, 61.9]);
      });

      test('importing the same audits again adds nothing', async (t) => {
        const { adapter, org, importAudits } = await makeAdapter(t);
        if (!importAudits) return t.skip(NO_AUDIT_IMPORT);
        const audits = [...someAudits(5, '2025-05-02', 'phone', 3, 4), { date: '2025-05-03', channel: 'web' as const, criteriaMet: 1, criteriaTotal: 2 }];
        assert.deepEqual(await importAudits(org, audits), { imported: 6, duplicates: 0 });
        assert.deepEqual(await importAudits(org, audits), { imported: 0, duplicates: 6 });
        const barometer = ok(await adapter.getBarometer(org, '2025-Q2'));
        assert.deepEqual([barometer.audit.audits, barometer.audit.score], [6, 72.7]);
      });
    });
  });
}
