import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { ConsultationDefinition, Idea, IdeaSubmission } from '@civic-pulse/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { IDEAS_PER_PARTICIPANT } from '../src/routes/v1/consultations/ideas.js';
import { aDefinition, daysFromNow, givenConsultation } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown } from './helpers.js';

const withIdeas = (moderation: 'pre' | 'post', overrides: Partial<ConsultationDefinition> = {}) =>
  aDefinition({ ideas: { enabled: true, moderation }, ...overrides });

const anIdea = (overrides: Partial<IdeaSubmission> = {}): IdeaSubmission => ({
  id: randomUUID(),
  participant: randomUUID(),
  title: 'Des fontaines à boire',
  body: 'Pour les jours de marché en été.',
  ...overrides,
});

function submit(app: FastifyInstance, id: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas`, headers, payload: payload as object });
}

function list(app: FastifyInstance, id: string, participant?: string): Promise<LightMyRequestResponse> {
  const query = participant === undefined ? '' : `?participant=${encodeURIComponent(participant)}`;
  return app.inject({ method: 'GET', url: `/v1/consultations/${id}/ideas${query}` });
}

function support(app: FastifyInstance, id: string, idea: string, payload: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas/${idea}/supports`, payload: payload as object });
}

function moderate(app: FastifyInstance, id: string, idea: string, payload: unknown, headers = ADMIN): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/admin/consultations/${id}/ideas/${idea}/moderation`, headers, payload: payload as object });
}

function adminList(app: FastifyInstance, id: string, query = '', headers: Record<string, string> = ADMIN): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/admin/consultations/${id}/ideas${query}`, headers });
}

/** Submits and returns the stored idea, failing loudly when refused. */
async function givenIdea(app: FastifyInstance, id: string, idea: IdeaSubmission = anIdea()): Promise<Idea> {
  const answer = await submit(app, id, idea);
  if (answer.statusCode !== 201) throw new Error(`could not submit the idea: ${answer.body}`);
  return answer.json<Idea>();
}

/** The fields an error names, each once (an empty title is both too short and blank), sorted. */
const namedFields = (error: Parameters<typeof fieldPaths>[0]): string[] => [...new Set(fieldPaths(error))].sort();

/**
 * Sets an idea's creation time, so that orders by date do not hang on two ideas stored within the
 * same millisecond.
 */
async function createdMinutesAgo(app: FastifyInstance, idea: string, minutes: number): Promise<void> {
  const createdAt = new Date(Date.now() - minutes * 60_000).toISOString();
  await app.storage.db.updateTable('consultation_ideas').set({ created_at: createdAt }).where('id', '=', idea).execute();
}

async function supportsRow(app: FastifyInstance, idea: string): Promise<{ supports: number; rows: number }> {
  const { supports } = await app.storage.db.selectFrom('consultation_ideas').select('supports').where('id', '=', idea).executeTakeFirstOrThrow();
  const rows = await app.storage.db.selectFrom('consultation_idea_supports').select('participant').where('idea_id', '=', idea).execute();
  return { supports: Number(supports), rows: rows.length };
}

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('POST /v1/consultations/:id/ideas', () => {
      test('under pre-moderation: 201, pending, never the participant; stored without any IP', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const submission = anIdea();
        const answer = await submit(app, id, submission);
        assert.equal(answer.statusCode, 201);
        const idea = answer.json<Idea>();
        assert.deepEqual(Object.keys(idea).sort(), ['body', 'createdAt', 'id', 'status', 'supports', 'title']);
        assert.deepEqual(
          { id: idea.id, title: idea.title, body: idea.body, status: idea.status, supports: idea.supports },
          { id: submission.id, title: submission.title, body: submission.body, status: 'pending', supports: 0 },
        );
        assert.ok(Math.abs(Date.parse(idea.createdAt) - Date.now()) < 60_000);
        const row = await app.storage.db.selectFrom('consultation_ideas').selectAll().where('id', '=', idea.id).executeTakeFirstOrThrow();
        assert.equal(row.participant, submission.participant);
        assert.equal(row.consultation_id, id);
        assert.ok(!Object.keys(row).some((column) => /(^|_)ip($|_)|addr/i.test(column)), Object.keys(row).join());
      });

      test('under post-moderation: published at once', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        assert.equal((await givenIdea(app, id)).status, 'published');
        assert.equal((await list(app, id)).json<Idea[]>().length, 1);
      });

      test('a retry with the same body gets 200 and the same idea; another body under the id gets 422', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const submission = anIdea();
        const first = await submit(app, id, submission, { 'idempotency-key': submission.id });
        assert.equal(first.statusCode, 201);
        const retry = await submit(app, id, { ...submission }, { 'idempotency-key': submission.id });
        assert.equal(retry.statusCode, 200);
        assert.deepEqual(retry.json(), first.json());
        assert.equal(errorOf(await submit(app, id, { ...submission, title: 'Autre chose' }), 422).code, 'idempotency-conflict');
        const other = await givenConsultation(app, withIdeas('pre', { id: 'autre' }));
        assert.equal(errorOf(await submit(app, other, submission), 422).code, 'idempotency-conflict', 'same id, other consultation');
        assert.equal((await app.storage.consultationIdeas.listAll(id)).length, 1);
      });

      test('a retry of an accepted idea is answered after the close, and shows its moderation', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const submission = anIdea();
        await givenIdea(app, id, submission);
        assert.equal((await moderate(app, id, submission.id, { status: 'published' })).statusCode, 200);
        await app.inject({ method: 'POST', url: `/v1/admin/consultations/${id}/close`, headers: ADMIN });
        const retry = await submit(app, id, submission);
        assert.equal(retry.statusCode, 200);
        assert.equal(retry.json<Idea>().status, 'published');
      });

      test('concurrent retries of one idea store it once: one 201, the others 200', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const submission = anIdea();
        const answers = await Promise.all(Array.from({ length: 4 }, () => submit(app, id, submission)));
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [200, 200, 200, 201]);
        assert.equal((await app.storage.consultationIdeas.listAll(id)).length, 1);
      });

      test('an Idempotency-Key other than the id is 400', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const error = errorOf(await submit(app, id, anIdea(), { 'idempotency-key': randomUUID() }), 400);
        assert.deepEqual(fieldPaths(error), ['id']);
      });

      test('every bad input is a 400 naming its fields, never a 500, and nothing is stored', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const cases: [unknown, string[]][] = [
          [{ ...anIdea(), id: 'pas-un-uuid' }, ['id']],
          [{ ...anIdea(), id: 42 }, ['id']],
          [{ ...anIdea(), title: '' }, ['title']],
          [{ ...anIdea(), title: '  \t ' }, ['title']],
          [{ ...anIdea(), title: 'x'.repeat(141) }, ['title']],
          [{ ...anIdea(), title: 12 }, ['title']],
          [{ ...anIdea(), title: null }, ['title']],
          [{ ...anIdea(), body: 'x'.repeat(2001) }, ['body']],
          [{ ...anIdea(), body: ['x'] }, ['body']],
          [{ ...anIdea(), participant: '' }, ['participant']],
          [{ ...anIdea(), participant: 'p'.repeat(129) }, ['participant']],
          [{ ...anIdea(), participant: { id: 1 } }, ['participant']],
          [{ ...anIdea(), title: 'Une\u0000idée' }, ['title']],
          [{ ...anIdea(), body: 'Un\u0000texte' }, ['body']],
          [{ ...anIdea(), status: 'published' }, ['status']],
          [{ ...anIdea(), supports: 1000 }, ['supports']],
          [{ id: randomUUID() }, ['body', 'participant', 'title']],
          [[], ['(body)']],
        ];
        for (const [payload, fields] of cases) {
          const error = errorOf(await submit(app, id, payload), 400);
          assert.deepEqual(namedFields(error), fields, JSON.stringify(payload).slice(0, 80));
        }
        const invalidJson = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas`, headers: { 'content-type': 'application/json' }, payload: '{"id":' });
        assert.equal(errorOf(invalidJson, 400).code, 'invalid-json');
        const jsonString = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas`, headers: { 'content-type': 'application/json' }, payload: '"une idée"' });
        assert.deepEqual(fieldPaths(errorOf(jsonString, 400)), ['(body)']);
        const huge = await submit(app, id, anIdea({ body: 'x'.repeat(100_000) }));
        assert.equal(errorOf(huge, 413).code, 'body-too-large');
        const text = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas`, headers: { 'content-type': 'text/plain' }, payload: 'une idée' });
        assert.equal(text.statusCode, 415);
        assert.equal((await app.storage.consultationIdeas.listAll(id)).length, 0);
      });

      test('the longest title and body, in any script, are accepted and read back as sent', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const submission = anIdea({ title: 'Ça « marche » ? 🌳'.padEnd(140, '—'), body: 'Ligne 1\nLigne 2 — « ok » \u2028 '.padEnd(2000, 'é') });
        const idea = await givenIdea(app, id, submission);
        assert.equal(idea.title, submission.title);
        assert.equal(idea.body, submission.body);
        assert.equal((await list(app, id)).json<Idea[]>()[0]?.body, submission.body);
      });

      test('ideas off: 409 ideas-disabled; not yet open: 409 not-open; closed: 409 closed; unknown: 404', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenConsultation(app, aDefinition({ id: 'sans-idees' }));
        await givenConsultation(app, withIdeas('pre', { id: 'future', opensAt: daysFromNow(1), closesAt: daysFromNow(2) }));
        await givenConsultation(app, withIdeas('pre', { id: 'passee', opensAt: daysFromNow(-2), closesAt: daysFromNow(-1) }));
        assert.equal(errorOf(await submit(app, 'sans-idees', anIdea()), 409).code, 'ideas-disabled');
        assert.equal(errorOf(await submit(app, 'future', anIdea()), 409).code, 'not-open');
        assert.equal(errorOf(await submit(app, 'passee', anIdea()), 409).code, 'closed');
        assert.equal(errorOf(await submit(app, 'inconnue', anIdea()), 404).code, 'unknown-consultation');
      });

      test(`a participant may post ${IDEAS_PER_PARTICIPANT} ideas to a consultation, then gets 409 too-many-ideas`, async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const participant = randomUUID();
        for (let posted = 0; posted < IDEAS_PER_PARTICIPANT; posted++) await givenIdea(app, id, anIdea({ participant }));
        assert.equal(errorOf(await submit(app, id, anIdea({ participant })), 409).code, 'too-many-ideas');
        assert.equal((await submit(app, id, anIdea())).statusCode, 201, 'another participant still may');
      });

      test('concurrent posts of one participant cannot pass the limit together', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const participant = randomUUID();
        for (let posted = 0; posted < IDEAS_PER_PARTICIPANT - 2; posted++) await givenIdea(app, id, anIdea({ participant }));
        const answers = await Promise.all(Array.from({ length: 6 }, () => submit(app, id, anIdea({ participant }))));
        assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 201, 409, 409, 409, 409]);
        assert.equal((await app.storage.consultationIdeas.listAll(id)).length, IDEAS_PER_PARTICIPANT);
      });
    });

    describe('GET /v1/consultations/:id/ideas', () => {
      test('published ideas only, most supported first, then newest; never the participant', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const ideas: Idea[] = [];
        for (const title of ['Ancienne', 'Récente', 'Populaire', 'En attente']) ideas.push(await givenIdea(app, id, anIdea({ title })));
        for (const [index, idea] of ideas.entries()) await createdMinutesAgo(app, idea.id, 10 - index);
        for (const idea of ideas.slice(0, 3)) assert.equal((await moderate(app, id, idea.id, { status: 'published' })).statusCode, 200);
        await support(app, id, ideas[2]!.id, { participant: randomUUID() });

        const listed = await list(app, id);
        assert.equal(listed.statusCode, 200);
        const body = listed.json<Idea[]>();
        assert.deepEqual(body.map((idea) => idea.title), ['Populaire', 'Récente', 'Ancienne']);
        assert.deepEqual(body.map((idea) => idea.supports), [1, 0, 0]);
        for (const idea of body) {
          assert.ok(!('participant' in idea) && !('supported' in idea) && !('moderatedAt' in idea), JSON.stringify(idea));
        }
      });

      test("with a participant: their own pending and rejected ideas first, with the reason, and supported flags; no one else's", async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const author = randomUUID();
        const mine = await givenIdea(app, id, anIdea({ participant: author, title: 'La mienne' }));
        const refused = await givenIdea(app, id, anIdea({ participant: author, title: 'Refusée' }));
        const published = await givenIdea(app, id, anIdea({ title: 'Publiée' }));
        const othersPending = await givenIdea(app, id, anIdea({ title: 'En attente, pas à moi' }));
        await createdMinutesAgo(app, mine.id, 5);
        await moderate(app, id, published.id, { status: 'published' });
        await moderate(app, id, refused.id, { status: 'rejected', reason: 'Hors sujet' });
        assert.equal((await support(app, id, published.id, { participant: author })).statusCode, 201);

        const own = (await list(app, id, author)).json<Idea[]>();
        assert.deepEqual(
          own.map(({ title, status, supported, rejectionReason, supports }) => ({ title, status, supported, rejectionReason, supports })),
          [
            { title: 'Refusée', status: 'rejected', supported: false, rejectionReason: 'Hors sujet', supports: 0 },
            { title: 'La mienne', status: 'pending', supported: false, rejectionReason: undefined, supports: 0 },
            { title: 'Publiée', status: 'published', supported: true, rejectionReason: undefined, supports: 1 },
          ],
        );
        assert.ok(!own.some((idea) => idea.id === othersPending.id || 'participant' in idea));
        assert.ok(own.some((idea) => idea.id === mine.id));

        const stranger = (await list(app, id, randomUUID())).json<Idea[]>();
        assert.deepEqual(stranger.map(({ title, supported }) => [title, supported]), [['Publiée', false]]);
        assert.deepEqual((await list(app, id)).json<Idea[]>().map(({ title }) => title), ['Publiée']);
      });

      test('a bad participant is 400; ideas off is 409; unknown consultation is 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        await givenConsultation(app, aDefinition({ id: 'sans-idees' }));
        assert.deepEqual(fieldPaths(errorOf(await list(app, id, 'p'.repeat(129)), 400)), ['participant']);
        assert.deepEqual(fieldPaths(errorOf(await list(app, id, 'a\u0000b'), 400)), ['participant']);
        const twice = await app.inject({ method: 'GET', url: `/v1/consultations/${id}/ideas?participant=a&participant=b` });
        assert.deepEqual(fieldPaths(errorOf(twice, 400)), ['participant']);
        assert.equal(errorOf(await list(app, 'sans-idees'), 409).code, 'ideas-disabled');
        assert.equal(errorOf(await list(app, 'inconnue'), 404).code, 'unknown-consultation');
      });
    });

    describe('POST /v1/consultations/:id/ideas/:ideaId/supports', () => {
      test('201 with the new total; the same participant again is 409 already-supported; another counts', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const author = randomUUID();
        const idea = await givenIdea(app, id, anIdea({ participant: author }));
        const supporter = randomUUID();
        const first = await support(app, id, idea.id, { participant: supporter });
        assert.equal(first.statusCode, 201);
        assert.deepEqual(first.json(), { idea: idea.id, supports: 1 });
        assert.equal(errorOf(await support(app, id, idea.id, { participant: supporter }), 409).code, 'already-supported');
        // Supporting one's own idea is allowed, as on Decidim: it says "I still stand by it".
        assert.deepEqual((await support(app, id, idea.id, { participant: author })).json(), { idea: idea.id, supports: 2 });
        assert.deepEqual(await supportsRow(app, idea.id), { supports: 2, rows: 2 });
      });

      test('two concurrent supports of one participant end as exactly one support, and supports = 1', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        for (let round = 0; round < 5; round++) {
          const idea = await givenIdea(app, id);
          const participant = randomUUID();
          const answers = await Promise.all([support(app, id, idea.id, { participant }), support(app, id, idea.id, { participant })]);
          assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 409], `round ${round}`);
          const loser = answers.find((answer) => answer.statusCode === 409)!;
          assert.equal(errorOf(loser, 409).code, 'already-supported');
          assert.deepEqual(answers.find((answer) => answer.statusCode === 201)!.json(), { idea: idea.id, supports: 1 });
          assert.deepEqual(await supportsRow(app, idea.id), { supports: 1, rows: 1 });
        }
      });

      test('the primary key alone keeps one support per participant, straight to storage', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        const participant = randomUUID();
        const outcomes = await Promise.all(
          Array.from({ length: 4 }, () => app.storage.consultationIdeas.support(id, idea.id, participant)),
        );
        assert.deepEqual(
          outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : 'counted')).sort(),
          ['already-supported', 'already-supported', 'already-supported', 'counted'],
        );
        assert.deepEqual(await supportsRow(app, idea.id), { supports: 1, rows: 1 });
      });

      test('many participants at once: every support counted', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        const answers = await Promise.all(Array.from({ length: 12 }, () => support(app, id, idea.id, { participant: randomUUID() })));
        assert.ok(answers.every((answer) => answer.statusCode === 201));
        assert.deepEqual(answers.map((answer) => answer.json().supports).sort((a, b) => a - b), Array.from({ length: 12 }, (_, index) => index + 1));
        assert.deepEqual(await supportsRow(app, idea.id), { supports: 12, rows: 12 });
      });

      test('unknown idea 404; pending or rejected idea 409 not-published; an idea of another consultation 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const other = await givenConsultation(app, withIdeas('post', { id: 'autre' }));
        const pending = await givenIdea(app, id);
        const rejected = await givenIdea(app, id);
        await moderate(app, id, rejected.id, { status: 'rejected', reason: 'Doublon' });
        const elsewhere = await givenIdea(app, other);
        const participant = { participant: randomUUID() };
        assert.equal(errorOf(await support(app, id, randomUUID(), participant), 404).code, 'unknown-idea');
        assert.equal(errorOf(await support(app, id, 'pas-un-uuid', participant), 404).code, 'unknown-idea');
        assert.equal(errorOf(await support(app, id, pending.id, participant), 409).code, 'not-published');
        assert.equal(errorOf(await support(app, id, rejected.id, participant), 409).code, 'not-published');
        assert.equal(errorOf(await support(app, id, elsewhere.id, participant), 404).code, 'unknown-idea');
        assert.equal(errorOf(await support(app, 'inconnue', elsewhere.id, participant), 404).code, 'unknown-consultation');
        assert.deepEqual(await supportsRow(app, pending.id), { supports: 0, rows: 0 });
      });

      test('closed consultation: 409 closed; ideas turned off: 409 ideas-disabled', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        await app.inject({ method: 'PUT', url: `/v1/admin/consultations/${id}`, headers: ADMIN, payload: aDefinition({ id, ideas: { enabled: false, moderation: 'post' } }) });
        assert.equal(errorOf(await support(app, id, idea.id, { participant: randomUUID() }), 409).code, 'ideas-disabled');
        await app.inject({ method: 'PUT', url: `/v1/admin/consultations/${id}`, headers: ADMIN, payload: withIdeas('post', { id }) });
        await app.inject({ method: 'POST', url: `/v1/admin/consultations/${id}/close`, headers: ADMIN });
        assert.equal(errorOf(await support(app, id, idea.id, { participant: randomUUID() }), 409).code, 'closed');
        assert.deepEqual(await supportsRow(app, idea.id), { supports: 0, rows: 0 });
      });

      test('a bad body is 400 naming participant', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        const cases: [unknown, string[]][] = [
          [{}, ['participant']],
          [{ participant: '' }, ['participant']],
          [{ participant: 7 }, ['participant']],
          [{ participant: 'p'.repeat(129) }, ['participant']],
          [{ participant: 'a\u0000' }, ['participant']],
          [{ participant: randomUUID(), weight: 10 }, ['weight']],
          [[], ['(body)']],
        ];
        for (const [payload, fields] of cases) {
          assert.deepEqual(namedFields(errorOf(await support(app, id, idea.id, payload), 400)), fields, JSON.stringify(payload));
        }
        assert.equal(errorOf(await support(app, id, idea.id, { participant: 'x'.repeat(20_000) }), 413).code, 'body-too-large');
        assert.deepEqual(await supportsRow(app, idea.id), { supports: 0, rows: 0 });
      });
    });

    describe('admin: GET /v1/admin/consultations/:id/ideas, POST …/ideas/:ideaId/moderation', () => {
      test('lists every idea, newest first, or one status; never the participant', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const first = await givenIdea(app, id, anIdea({ title: 'Première' }));
        const second = await givenIdea(app, id, anIdea({ title: 'Deuxième' }));
        const third = await givenIdea(app, id, anIdea({ title: 'Troisième' }));
        for (const [index, idea] of [first, second, third].entries()) await createdMinutesAgo(app, idea.id, 10 - index);
        await moderate(app, id, second.id, { status: 'published' });
        await moderate(app, id, third.id, { status: 'rejected', reason: 'Propos injurieux' });

        const all = await adminList(app, id);
        assert.equal(all.statusCode, 200);
        assert.equal(all.headers['cache-control'], 'no-store');
        const ideas = all.json<(Idea & { moderatedAt?: string })[]>();
        assert.deepEqual(ideas.map(({ title, status }) => [title, status]), [['Troisième', 'rejected'], ['Deuxième', 'published'], ['Première', 'pending']]);
        assert.equal(ideas[0]?.rejectionReason, 'Propos injurieux');
        assert.ok(ideas[0]?.moderatedAt && ideas[1]?.moderatedAt && !ideas[2]?.moderatedAt);
        assert.ok(!ideas.some((idea) => 'participant' in idea));
        for (const status of ['pending', 'published', 'rejected'] as const) {
          const only = (await adminList(app, id, `?status=${status}`)).json<Idea[]>();
          assert.deepEqual(only.map((idea) => idea.id), [{ pending: first, published: second, rejected: third }[status].id]);
        }
        assert.deepEqual(fieldPaths(errorOf(await adminList(app, id, '?status=deleted'), 400)), ['status']);
        assert.equal(errorOf(await adminList(app, 'inconnue'), 404).code, 'unknown-consultation');
      });

      test('publish, reject with a reason, change one’s mind: each recorded with moderated_at', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        assert.equal((await support(app, id, idea.id, { participant: randomUUID() })).statusCode, 201);

        const rejected = await moderate(app, id, idea.id, { status: 'rejected', reason: 'Hors sujet' });
        assert.equal(rejected.statusCode, 200);
        assert.equal(rejected.json().status, 'rejected');
        assert.equal(rejected.json().rejectionReason, 'Hors sujet');
        const firstDecision = rejected.json().moderatedAt;
        assert.ok(firstDecision);
        assert.deepEqual((await list(app, id)).json(), []);

        const published = await moderate(app, id, idea.id, { status: 'published' });
        assert.equal(published.json().status, 'published');
        assert.equal(published.json().rejectionReason, undefined);
        assert.equal(published.json().supports, 1, 'supports survive a rejection');
        assert.ok(published.json().moderatedAt >= firstDecision);
        const row = await app.storage.db.selectFrom('consultation_ideas').select(['rejection_reason', 'moderated_at']).where('id', '=', idea.id).executeTakeFirstOrThrow();
        assert.equal(row.rejection_reason, null);
        assert.equal(row.moderated_at, published.json().moderatedAt);
        assert.equal((await list(app, id)).json<Idea[]>().length, 1);
      });

      test('a bad decision is 400 naming its field; an unknown idea or one of another consultation is 404', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const other = await givenConsultation(app, withIdeas('pre', { id: 'autre' }));
        const idea = await givenIdea(app, id);
        const elsewhere = await givenIdea(app, other);
        const cases: [unknown, string[]][] = [
          [{ status: 'rejected' }, ['reason']],
          [{ status: 'rejected', reason: '   ' }, ['reason']],
          [{ status: 'rejected', reason: 'x'.repeat(501) }, ['reason']],
          [{ status: 'rejected', reason: 'a\u0000b' }, ['reason']],
          [{ status: 'pending' }, ['status']],
          [{ status: 'published', reason: 'Bien' }, ['reason']],
          [{}, ['status']],
        ];
        for (const [payload, fields] of cases) {
          assert.deepEqual(namedFields(errorOf(await moderate(app, id, idea.id, payload), 400)), fields, JSON.stringify(payload));
        }
        assert.equal(errorOf(await moderate(app, id, randomUUID(), { status: 'published' }), 404).code, 'unknown-idea');
        assert.equal(errorOf(await moderate(app, id, elsewhere.id, { status: 'published' }), 404).code, 'unknown-idea');
        assert.equal(errorOf(await moderate(app, 'inconnue', idea.id, { status: 'published' }), 404).code, 'unknown-consultation');
        assert.equal((await app.storage.consultationIdeas.listAll(id, 'pending')).length, 1);
      });

      test('no token is 401, a wrong token 403, on both routes', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('pre'));
        const idea = await givenIdea(app, id);
        const wrong = { authorization: 'Bearer not-the-token' };
        assert.equal(errorOf(await adminList(app, id, '', {}), 401).code, 'unauthorized');
        assert.equal(errorOf(await adminList(app, id, '', wrong), 403).code, 'forbidden');
        assert.equal(errorOf(await moderate(app, id, idea.id, { status: 'published' }, {} as typeof ADMIN), 401).code, 'unauthorized');
        assert.equal(errorOf(await moderate(app, id, idea.id, { status: 'published' }, wrong), 403).code, 'forbidden');
        assert.equal((await app.storage.consultationIdeas.listAll(id, 'pending')).length, 1);
      });
    });

    describe('ids from the URL', () => {
      test('%00 in a consultation or idea id: 404, not a 500 (PostgreSQL refuses U+0000 in a query)', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const origin = { origin: 'https://www.ville-test.fr' };
        const cases: [LightMyRequestResponse, string][] = [
          [await app.inject({ method: 'GET', url: '/v1/consultations/%00/ideas', headers: origin }), 'unknown-consultation'],
          [await app.inject({ method: 'POST', url: '/v1/consultations/%00/ideas', headers: origin, payload: anIdea() }), 'unknown-consultation'],
          [await support(app, id, '%00', { participant: randomUUID() }), 'unknown-idea'],
          [await support(app, '%00', randomUUID(), { participant: randomUUID() }), 'unknown-consultation'],
          [await moderate(app, id, '%00', { status: 'published' }), 'unknown-idea'],
          [await adminList(app, 'a%00b'), 'unknown-consultation'],
          [await app.inject({ method: 'PUT', url: '/v1/admin/consultations/%00', headers: ADMIN, payload: aDefinition({ id: undefined }) }), 'unknown-consultation'],
        ];
        for (const [answer, code] of cases) assert.equal(errorOf(answer, 404).code, code);
      });
    });

    describe('storage: listAll, for exports', () => {
      test('every idea with its status, supports, dates and reason, never the participant', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        await support(app, id, idea.id, { participant: randomUUID() });
        await moderate(app, id, idea.id, { status: 'rejected', reason: 'Doublon' });
        const [exported] = await app.storage.consultationIdeas.listAll(id);
        assert.deepEqual(Object.keys(exported ?? {}).sort(), ['body', 'createdAt', 'id', 'moderatedAt', 'rejectionReason', 'status', 'supports', 'title']);
        assert.equal(exported?.supports, 1);
        assert.equal(exported?.rejectionReason, 'Doublon');
      });
    });

    describe('CORS on the idea routes', () => {
      test("grants the consultation's org's origins only, preflight with Idempotency-Key included", async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, withIdeas('post'));
        const idea = await givenIdea(app, id);
        const allowed = 'https://www.ville-test.fr';
        for (const origin of [allowed, 'https://www.ailleurs.fr']) {
          const expected = origin === allowed ? allowed : undefined;
          const read = await app.inject({ method: 'GET', url: `/v1/consultations/${id}/ideas`, headers: { origin } });
          assert.equal(read.headers['access-control-allow-origin'], expected, `GET from ${origin}`);
          for (const url of [`/v1/consultations/${id}/ideas`, `/v1/consultations/${id}/ideas/${idea.id}/supports`]) {
            const preflight = await app.inject({
              method: 'OPTIONS',
              url,
              headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
            });
            assert.equal(preflight.headers['access-control-allow-origin'], expected, `preflight ${url} from ${origin}`);
          }
          const supported = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas/${idea.id}/supports`, headers: { origin }, payload: { participant: randomUUID() } });
          assert.equal(supported.headers['access-control-allow-origin'], expected, `POST from ${origin}`);
        }
        const admin = await app.inject({ method: 'GET', url: `/v1/admin/consultations/${id}/ideas`, headers: { ...ADMIN, origin: allowed } });
        assert.equal(admin.headers['access-control-allow-origin'], undefined, 'no page may call the admin routes');
      });
    });
  });
}
