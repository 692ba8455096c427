import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { after, afterEach, before, describe, test } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from '../../../../test/support/msw-node.js';
import { aRating } from '../../../../test/support/rating.js';
import { DEFAULT_BAROMETER_SETTINGS } from '../contract/barometer.js';
import { auditTotalsOf, barometerOf, satisfactionTotalsOf } from '../contract/barometer-score.js';
import type { Consultation } from '../contract/consultation.js';
import type { Idea } from '../contract/idea.js';
import type { Rating } from '../contract/rating.js';
import type { SurveyResults } from '../contract/survey-results.js';
import type { Survey } from '../contract/survey.js';
import { aSurveyDefinition, aSurveyResponse } from '../testing/survey-fixture.js';
import { createHttpAdapter, type HttpAdapterOptions } from './http.js';

const ENDPOINT = 'https://avis.ville.test';
const RATINGS = `${ENDPOINT}/v1/orgs/ville-test/ratings`;
const server = setupServer();

type Reply = (request: Request) => Response | Promise<Response>;

/** Answers the attempts in turn with `replies` (the last one repeats) and records what was sent. */
function serve(...replies: Reply[]) {
  const attempts: { key: string | null; body: Rating; at: number }[] = [];
  server.use(
    http.post(RATINGS, async ({ request }) => {
      attempts.push({ key: request.headers.get('Idempotency-Key'), body: (await request.clone().json()) as Rating, at: Date.now() });
      return replies[Math.min(attempts.length, replies.length) - 1]!(request);
    }),
  );
  return attempts;
}

const receipt = (request: Request) =>
  request.json().then((rating: Rating) => HttpResponse.json({ id: rating.id, receivedAt: '2026-03-02T09:30:01.000Z' }, { status: 201 }));
const status = (code: number, headers: Record<string, string> = {}) => () => new HttpResponse(null, { status: code, headers });
const errorBody = (code: number, error: object, headers: Record<string, string> = {}) => () =>
  HttpResponse.json({ error }, { status: code, headers });
const networkError = () => HttpResponse.error();

// Production waits 300 ms, 600 ms, 1.2 s between attempts; the tests keep the same schedule, faster.
const adapter = (options: Partial<HttpAdapterOptions> = {}) =>
  createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-test', retryDelay: 1, ...options });

before(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

describe('http adapter: success', () => {
  test('a 201 with a receipt gives the receipt', async () => {
    const attempts = serve(receipt);
    const rating = aRating();
    const result = await adapter().submitRating(rating);
    assert.deepEqual(result, { ok: true, data: { id: rating.id, receivedAt: '2026-03-02T09:30:01.000Z' } });
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]!.key, rating.id);
    assert.deepEqual(attempts[0]!.body, rating);
  });

  test('a trailing slash on the endpoint does not change the URL', async () => {
    serve(receipt);
    const result = await adapter({ endpoint: `${ENDPOINT}/` }).submitRating(aRating());
    assert.equal(result.ok, true);
  });
});

describe('http adapter: outbox key', () => {
  test('declares `<endpoint> <org>` as its outboxKey, the name an element gives the adapter it makes, so every adapter for one backend shares one outbox', () => {
    assert.equal(adapter().outboxKey, `${ENDPOINT} ville-test`);
    assert.equal(adapter({ timeout: 1_000 }).outboxKey, adapter().outboxKey, 'another object for the same backend has the same key');
    assert.equal(adapter({ org: 'autre-ville' }).outboxKey, `${ENDPOINT} autre-ville`);
    assert.equal(adapter({ endpoint: 'https://avis.autre.test' }).outboxKey, 'https://avis.autre.test ville-test');
  });
});

describe('http adapter: retries', () => {
  for (const [name, first] of [
    ['a network error', networkError],
    ['a 500', status(500)],
    ['a 502', status(502)],
    ['a 503', status(503)],
    ['a 408', status(408)],
  ] as const) {
    test(`retries after ${name}, with the same Idempotency-Key and body`, async () => {
      const attempts = serve(first, first, receipt);
      const rating = aRating();
      const result = await adapter().submitRating(rating);
      assert.equal(result.ok, true);
      assert.equal(attempts.length, 3);
      for (const attempt of attempts) {
        assert.equal(attempt.key, rating.id);
        assert.deepEqual(attempt.body, rating);
      }
    });
  }

  test('gives up after `retries` more attempts and says why', async () => {
    const attempts = serve(errorBody(503, { code: 'unavailable', message: 'Maintenance.' }));
    const result = await adapter({ retries: 2 }).submitRating(aRating());
    assert.equal(attempts.length, 3);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'server');
    assert.equal(!result.ok && result.error.code, 'unavailable');
  });

  test('a call may ask for fewer retries than the adapter setting (the outbox asks for none)', async () => {
    const attempts = serve(networkError, receipt);
    const result = await adapter({ retries: 2 }).submitRating(aRating(), { retries: 0 });
    assert.equal(attempts.length, 1);
    assert.equal(!result.ok && result.error.kind, 'network');
  });

  test('a 429 is retried after its Retry-After, not after the shorter backoff', async () => {
    const attempts = serve(status(429, { 'Retry-After': '0.3' }), receipt);
    const result = await adapter().submitRating(aRating());
    assert.equal(result.ok, true);
    assert.equal(attempts.length, 2);
    assert.ok(attempts[1]!.at - attempts[0]!.at >= 290, `waited ${attempts[1]!.at - attempts[0]!.at} ms`);
  });

  test('a 503 is retried after its Retry-After too', async () => {
    const attempts = serve(status(503, { 'Retry-After': '0.3' }), receipt);
    const result = await adapter().submitRating(aRating());
    assert.equal(result.ok, true);
    assert.ok(attempts[1]!.at - attempts[0]!.at >= 290, `waited ${attempts[1]!.at - attempts[0]!.at} ms`);
  });

  test('a Retry-After on a 500 is not the contract\'s: the backoff applies', async () => {
    const attempts = serve(status(500, { 'Retry-After': '20' }), receipt);
    const started = Date.now();
    const result = await adapter().submitRating(aRating());
    assert.equal(result.ok, true);
    assert.equal(attempts.length, 2);
    assert.ok(Date.now() - started < 5_000);
  });

  test('no credentials are sent, on any attempt', async () => {
    serve(status(503), receipt);
    const credentials: (string | undefined)[] = [];
    const recording: typeof fetch = (input, init) => {
      credentials.push(init?.credentials);
      return fetch(input, init);
    };
    await adapter({ fetch: recording }).submitRating(aRating());
    assert.deepEqual(credentials, ['omit', 'omit']);
  });

  test('a 429 asking for longer than 30 s is not waited for: the widget shows the delay', async () => {
    const attempts = serve(errorBody(429, { code: 'rate-limited', message: 'Slow down.' }, { 'Retry-After': '120' }));
    const started = Date.now();
    const result = await adapter().submitRating(aRating());
    assert.equal(attempts.length, 1);
    assert.ok(Date.now() - started < 1000);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'rate-limited');
    assert.equal(!result.ok && result.error.code, 'rate-limited');
  });

  test('Retry-After reaches the caller in seconds, from a number or an HTTP date', async () => {
    serve(status(429, { 'Retry-After': '120' }));
    const seconds = await adapter().submitRating(aRating());
    assert.equal(!seconds.ok && seconds.error.retryAfter, 120);

    server.resetHandlers();
    serve(status(429, { 'Retry-After': new Date(Date.now() + 90_000).toUTCString() }));
    const date = await adapter().submitRating(aRating());
    const retryAfter = !date.ok ? date.error.retryAfter : undefined;
    assert.ok(retryAfter !== undefined && retryAfter >= 88 && retryAfter <= 90, `retryAfter ${retryAfter}`);
  });

  for (const code of [400, 404, 409, 413, 422]) {
    test(`a ${code} is not retried`, async () => {
      const attempts = serve(status(code));
      const result = await adapter().submitRating(aRating());
      assert.equal(result.ok, false);
      assert.equal(attempts.length, 1);
    });
  }
});

describe('http adapter: errors', () => {
  test('a 400 with fields is `invalid` and keeps each field', async () => {
    const fields = [
      { path: 'score', message: 'score is beyond the levels of this scale' },
      { path: 'comment', message: 'Too big' },
    ];
    serve(errorBody(400, { code: 'invalid-body', message: 'The rating is not valid.', fields }));
    const result = await adapter().submitRating(aRating());
    assert.deepEqual(result, {
      ok: false,
      error: { kind: 'invalid', status: 400, retryAfter: undefined, code: 'invalid-body', message: 'The rating is not valid.', fields },
    });
  });

  for (const [code, kind, errorCode] of [
    [404, 'not-found', 'unknown-org'],
    [408, 'timeout', 'request-timeout'],
    [409, 'conflict', 'closed'],
    [413, 'too-large', 'body-too-large'],
    [422, 'conflict', 'idempotency-conflict'],
  ] as const) {
    test(`a ${code} is \`${kind}\` with the server's code`, async () => {
      serve(errorBody(code, { code: errorCode, message: 'No.' }));
      const result = await adapter().submitRating(aRating());
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.kind, kind);
      assert.equal(!result.ok && result.error.status, code);
      assert.equal(!result.ok && result.error.code, errorCode);
    });
  }

  test('an error body that is not JSON (a proxy page) still gives the kind and status', async () => {
    serve(() => new HttpResponse('<html><body>Bad gateway</body></html>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    const result = await adapter().submitRating(aRating());
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'not-found');
    assert.equal(!result.ok && result.error.code, 'http-404');
  });

  test('a JSON error body without the contract shape falls back to the status', async () => {
    serve(() => HttpResponse.json({ message: 'nope' }, { status: 403 }));
    const result = await adapter().submitRating(aRating());
    assert.equal(!result.ok && result.error.kind, 'forbidden');
    assert.equal(!result.ok && result.error.code, 'http-403');
  });

  for (const [name, reply] of [
    ['a receipt without receivedAt', () => HttpResponse.json({ id: 'x' }, { status: 201 })],
    ['a body that is not JSON', () => new HttpResponse('OK', { status: 201 })],
    ['an empty body', () => new HttpResponse(null, { status: 204 })],
  ] as const) {
    test(`a 2xx with ${name} is \`server\`/\`bad-response\`, not a network error`, async () => {
      serve(reply);
      const result = await adapter().submitRating(aRating());
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.kind, 'server');
      assert.equal(!result.ok && result.error.code, 'bad-response');
    });
  }
});

describe('http adapter: abort and timeout', () => {
  test('an already aborted signal sends nothing', async () => {
    const attempts = serve(receipt);
    const result = await adapter().submitRating(aRating(), { signal: AbortSignal.abort() });
    assert.equal(!result.ok && result.error.kind, 'aborted');
    assert.equal(attempts.length, 0);
  });

  test('aborting while waiting to retry ends at once, with no further attempt', async () => {
    const controller = new AbortController();
    const attempts = serve(() => {
      // Abort once the first failure is on its way back, while the adapter waits its 10 s backoff.
      setTimeout(() => controller.abort(), 50);
      return new HttpResponse(null, { status: 503 });
    });
    const started = Date.now();
    const result = await adapter({ retryDelay: 10_000 }).submitRating(aRating(), { signal: controller.signal });
    assert.equal(!result.ok && result.error.kind, 'aborted');
    assert.equal(attempts.length, 1);
    assert.ok(Date.now() - started < 5_000);
  });

  test('aborting during an attempt ends with `aborted`, whatever the abort reason', async () => {
    const controller = new AbortController();
    const attempts = serve(async (request) => {
      controller.abort(new Error('the person closed the dialog'));
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      return status(500)();
    });
    const result = await adapter().submitRating(aRating(), { signal: controller.signal });
    assert.equal(!result.ok && result.error.kind, 'aborted');
    assert.equal(attempts.length, 1);
  });

  test('a signal used for many calls keeps no listener from them', async () => {
    serve(status(503), receipt);
    const controller = new AbortController();
    for (let call = 0; call < 3; call++) await adapter().submitRating(aRating(), { signal: controller.signal });
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  test('an attempt slower than `timeout` is retried, then ends with `timeout`', async () => {
    // The server never answers: each attempt lasts until the adapter gives up on it.
    const attempts = serve((request) => new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(status(500)()))));
    const result = await adapter({ timeout: 50, retries: 1 }).submitRating(aRating());
    assert.equal(!result.ok && result.error.kind, 'timeout');
    assert.equal(attempts.length, 2);
    assert.equal(attempts[0]!.key, attempts[1]!.key);
  });
});

/** Records each request (method, URL, key, authorization, body) and answers with `reply`. */
function route(method: 'get' | 'post', url: string, reply: Reply) {
  const seen: { url: URL; key: string | null; authorization: string | null; body: unknown }[] = [];
  server.use(
    http[method](url, async ({ request }) => {
      const body = method === 'post' ? await request.clone().json() : undefined;
      seen.push({ url: new URL(request.url), key: request.headers.get('Idempotency-Key'), authorization: request.headers.get('Authorization'), body });
      return reply(request);
    }),
  );
  return seen;
}

describe('http adapter: consultations and ideas', () => {
  const CONSULTATION = `${ENDPOINT}/v1/consultations/place-du-marche`;
  const consultation: Consultation = {
    id: 'place-du-marche',
    org: 'ville-test',
    title: 'Réaménagement de la place du marché',
    description: 'Votre avis sur le projet.',
    opensAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2026-05-01T00:00:00.000Z',
    status: 'open',
    resultsVisibility: 'after-vote',
    questions: [
      { id: 'layout', type: 'single', label: 'Quel aménagement ?', required: true, options: [{ id: 'trees', label: 'Des arbres' }] },
      { id: 'mark', type: 'scale', label: 'Note', required: false, min: 1, max: 5 },
    ],
    ideas: { enabled: true, moderation: 'pre' },
  };
  const idea: Idea = {
    id: crypto.randomUUID(),
    title: 'Des fontaines',
    body: '',
    status: 'published',
    supports: 2,
    createdAt: '2026-03-02T09:30:00.000Z',
  };

  test('getConsultation reads GET /v1/consultations/:id, and retries it like a write', async () => {
    let calls = 0;
    route('get', CONSULTATION, () => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(consultation)));
    assert.deepEqual(await adapter().getConsultation('place-du-marche'), { ok: true, data: consultation });
    assert.equal(calls, 2);
  });

  test('an id is sent encoded in the path', async () => {
    const seen = route('get', `${ENDPOINT}/v1/consultations/:id`, () => HttpResponse.json(consultation));
    await adapter().getConsultation('a/b?c');
    assert.equal(seen[0]?.url.pathname, '/v1/consultations/a%2Fb%3Fc');
  });

  test('an unknown consultation is `not-found` with the server code', async () => {
    route('get', CONSULTATION, errorBody(404, { code: 'unknown-consultation', message: 'No.' }));
    const result = await adapter().getConsultation('place-du-marche');
    assert.equal(!result.ok && result.error.kind, 'not-found');
    assert.equal(!result.ok && result.error.code, 'unknown-consultation');
  });

  for (const [name, body] of [
    ['a question of an unknown type', { ...consultation, questions: [{ ...consultation.questions[0], type: 'matrix' }] }],
    ['no status', { ...consultation, status: undefined }],
    ['ideas without moderation', { ...consultation, ideas: { enabled: true } }],
    ['an array', [consultation]],
  ] as const) {
    test(`a consultation with ${name} is \`server\`/\`bad-response\``, async () => {
      route('get', CONSULTATION, () => HttpResponse.json(body));
      const result = await adapter().getConsultation('place-du-marche');
      assert.equal(!result.ok && result.error.code, 'bad-response');
      assert.equal(!result.ok && result.error.kind, 'server');
    });
  }

  test('a response is POSTed with its id as Idempotency-Key; the receipt comes back', async () => {
    const response = { id: crypto.randomUUID(), participant: 'p-1', answers: { layout: 'trees', mark: 4 } };
    const seen = route('post', `${CONSULTATION}/responses`, () => HttpResponse.json({ id: response.id, receivedAt: '2026-03-02T09:30:01.000Z' }, { status: 201 }));
    const result = await adapter().submitConsultationResponse('place-du-marche', response);
    assert.deepEqual(result, { ok: true, data: { id: response.id, receivedAt: '2026-03-02T09:30:01.000Z' } });
    assert.equal(seen[0]?.key, response.id);
    assert.deepEqual(seen[0]?.body, response);
  });

  test('a second answer is `conflict`/`already-answered`; answers that do not fit keep their fields', async () => {
    const response = { id: crypto.randomUUID(), participant: 'p-1', answers: {} };
    route('post', `${CONSULTATION}/responses`, errorBody(409, { code: 'already-answered', message: 'Already.' }));
    const again = await adapter().submitConsultationResponse('place-du-marche', response);
    assert.equal(!again.ok && `${again.error.kind} ${again.error.code}`, 'conflict already-answered');

    server.resetHandlers();
    const fields = [{ path: 'answers.layout', message: 'this question requires an answer' }];
    route('post', `${CONSULTATION}/responses`, errorBody(400, { code: 'invalid-body', message: 'Bad.', fields }));
    const invalid = await adapter().submitConsultationResponse('place-du-marche', response);
    assert.equal(!invalid.ok && invalid.error.kind, 'invalid');
    assert.deepEqual(!invalid.ok && invalid.error.fields, fields);
  });

  test('results come from GET …/results; withheld ones are `forbidden` with the code', async () => {
    const results = { consultation: 'place-du-marche', responses: 2, questions: { layout: { answered: 2, counts: { trees: 2 } }, mark: { answered: 1, counts: { 4: 1 }, mean: 4 } } };
    route('get', `${CONSULTATION}/results`, () => HttpResponse.json(results));
    assert.deepEqual(await adapter().getConsultationResults('place-du-marche'), { ok: true, data: results });

    server.resetHandlers();
    route('get', `${CONSULTATION}/results`, errorBody(403, { code: 'results-not-yet', message: 'Later.' }));
    const withheld = await adapter().getConsultationResults('place-du-marche');
    assert.equal(!withheld.ok && `${withheld.error.kind} ${withheld.error.code}`, 'forbidden results-not-yet');
  });

  test('results with a count that is not a number are `bad-response`', async () => {
    route('get', `${CONSULTATION}/results`, () => HttpResponse.json({ consultation: 'x', responses: 1, questions: { layout: { answered: 1, counts: { trees: '1' } } } }));
    const result = await adapter().getConsultationResults('place-du-marche');
    assert.equal(!result.ok && result.error.code, 'bad-response');
  });

  test('ideas are listed with the participant in the query, and without it when none is given', async () => {
    const seen = route('get', `${CONSULTATION}/ideas`, () => HttpResponse.json([{ ...idea, supported: true }]));
    assert.deepEqual(await adapter().listIdeas('place-du-marche', { participant: 'p 1&2' }), { ok: true, data: [{ ...idea, supported: true }] });
    assert.equal(seen[0]?.url.searchParams.get('participant'), 'p 1&2');
    await adapter().listIdeas('place-du-marche');
    assert.equal(seen[1]?.url.search, '');
  });

  for (const [name, body] of [
    ['an object', { ideas: [idea] }],
    ['an idea of an unknown status', [{ ...idea, status: 'hidden' }]],
    ['an idea without supports', [{ ...idea, supports: undefined }]],
  ] as const) {
    test(`a list of ideas that is ${name} is \`bad-response\``, async () => {
      route('get', `${CONSULTATION}/ideas`, () => HttpResponse.json(body));
      const result = await adapter().listIdeas('place-du-marche');
      assert.equal(!result.ok && result.error.code, 'bad-response');
    });
  }

  test('an idea is POSTed with its id as Idempotency-Key and comes back as the server keeps it', async () => {
    const submission = { id: idea.id, participant: 'p-1', title: idea.title, body: idea.body };
    const pending = { ...idea, status: 'pending', supports: 0 };
    const seen = route('post', `${CONSULTATION}/ideas`, () => HttpResponse.json(pending, { status: 201 }));
    assert.deepEqual(await adapter().submitIdea('place-du-marche', submission), { ok: true, data: pending });
    assert.equal(seen[0]?.key, idea.id);
    assert.deepEqual(seen[0]?.body, submission);
  });

  test('ideas turned off are `conflict`/`ideas-disabled`', async () => {
    route('post', `${CONSULTATION}/ideas`, errorBody(409, { code: 'ideas-disabled', message: 'No ideas.' }));
    const result = await adapter().submitIdea('place-du-marche', { id: idea.id, participant: 'p', title: 't', body: '' });
    assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'conflict ideas-disabled');
  });

  test('a support is POSTed as {participant} to …/ideas/:ideaId/supports and gives the new total', async () => {
    const seen = route('post', `${CONSULTATION}/ideas/${idea.id}/supports`, () => HttpResponse.json({ idea: idea.id, supports: 3 }, { status: 201 }));
    assert.deepEqual(await adapter().supportIdea('place-du-marche', idea.id, 'p-1'), { ok: true, data: { idea: idea.id, supports: 3 } });
    assert.deepEqual(seen[0]?.body, { participant: 'p-1' });

    server.resetHandlers();
    route('post', `${CONSULTATION}/ideas/${idea.id}/supports`, errorBody(409, { code: 'already-supported', message: 'Once.' }));
    const again = await adapter().supportIdea('place-du-marche', idea.id, 'p-1');
    assert.equal(!again.ok && `${again.error.kind} ${again.error.code}`, 'conflict already-supported');
  });

  test('a support receipt without its total is `bad-response`', async () => {
    route('post', `${CONSULTATION}/ideas/${idea.id}/supports`, () => HttpResponse.json({ idea: idea.id }, { status: 201 }));
    const result = await adapter().supportIdea('place-du-marche', idea.id, 'p-1');
    assert.equal(!result.ok && result.error.code, 'bad-response');
  });
});

describe('http adapter: surveys', () => {
  const SURVEY = `${ENDPOINT}/v1/surveys/qualite-de-vie`;
  const TOKEN = 'a1'.repeat(20);
  const survey: Survey = {
    ...aSurveyDefinition('ville-test', { id: 'qualite-de-vie', opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-05-01T00:00:00.000Z' }),
    id: 'qualite-de-vie',
    status: 'open',
  };
  const results: SurveyResults = {
    survey: survey.id,
    title: survey.title,
    sections: survey.sections,
    status: 'closed',
    closesAt: survey.closesAt,
    invited: 12,
    received: 6,
    published: true,
    respondents: 6,
    minimumGroup: 5,
    minimumComments: 8,
    questions: { encadrant: { answered: 6, counts: { yes: 1, no: 5 } }, climat: { answered: 6, statements: { ecoute: { withheld: true } } } },
    breakdowns: { encadrant: { yes: { withheld: true }, no: { withheld: true } } },
  };
  const response = aSurveyResponse();

  test('getSurvey reads GET /v1/surveys/:id with the token in Authorization, never in the URL', async () => {
    const seen = route('get', SURVEY, () => HttpResponse.json(survey));
    assert.deepEqual(await adapter().getSurvey('qualite-de-vie', TOKEN), { ok: true, data: survey });
    assert.equal(seen[0]?.authorization, `Bearer ${TOKEN}`);
    assert.equal(seen[0]?.url.search, '');
    assert.ok(!seen[0]?.url.href.includes(TOKEN));
  });

  test('a response is POSTed with the token in Authorization and its id as Idempotency-Key; the receipt comes back', async () => {
    const seen = route('post', `${SURVEY}/responses`, () => HttpResponse.json({ id: response.id, receivedOn: '2026-03-02' }, { status: 201 }));
    assert.deepEqual(await adapter().submitSurveyResponse('qualite-de-vie', TOKEN, response), { ok: true, data: { id: response.id, receivedOn: '2026-03-02' } });
    assert.equal(seen[0]?.authorization, `Bearer ${TOKEN}`);
    assert.equal(seen[0]?.key, response.id);
    assert.deepEqual(seen[0]?.body, response);
    assert.ok(!seen[0]?.url.href.includes(TOKEN));
  });

  test('a response whose success was lost is retried, and the retry reads `forbidden`/`token-used`', async () => {
    let calls = 0;
    const seen = route('post', `${SURVEY}/responses`, () =>
      ++calls === 1 ? HttpResponse.error() : HttpResponse.json({ error: { code: 'token-used', message: 'Used.' } }, { status: 403 }),
    );
    const result = await adapter().submitSurveyResponse('qualite-de-vie', TOKEN, response);
    assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'forbidden token-used');
    assert.equal(seen.length, 2);
    assert.deepEqual(seen.map(({ authorization, key }) => [authorization, key]), [[`Bearer ${TOKEN}`, response.id], [`Bearer ${TOKEN}`, response.id]]);
  });

  test('results come from GET …/results with the read token in Authorization', async () => {
    const seen = route('get', `${SURVEY}/results`, () => HttpResponse.json(results));
    assert.deepEqual(await adapter().getSurveyResults('qualite-de-vie', 'reader-token'), { ok: true, data: results });
    assert.equal(seen[0]?.authorization, 'Bearer reader-token');
  });

  for (const [name, code, error, kind] of [
    ['no token', 401, 'unauthorized', 'unauthorized'],
    ['an unknown token', 403, 'unknown-token', 'forbidden'],
    ['a used token', 403, 'token-used', 'forbidden'],
    ['a survey not yet open', 409, 'not-open', 'conflict'],
    ['a closed survey', 409, 'closed', 'conflict'],
  ] as const) {
    test(`${name} is \`${kind}\`/\`${error}\`, and is not retried`, async () => {
      const seen = route('post', `${SURVEY}/responses`, errorBody(code, { code: error, message: 'No.' }));
      const result = await adapter().submitSurveyResponse('qualite-de-vie', TOKEN, response);
      assert.equal(!result.ok && `${result.error.kind} ${result.error.code} ${result.error.status}`, `${kind} ${error} ${code}`);
      assert.equal(seen.length, 1);
    });
  }

  test('answers that do not fit are `invalid` with their fields', async () => {
    const fields = [{ path: 'answers.climat', message: 'every statement needs an answer' }];
    route('post', `${SURVEY}/responses`, errorBody(400, { code: 'invalid-body', message: 'Bad.', fields }));
    const result = await adapter().submitSurveyResponse('qualite-de-vie', TOKEN, response);
    assert.equal(!result.ok && result.error.kind, 'invalid');
    assert.deepEqual(!result.ok && result.error.fields, fields);
  });

  test('an id is sent encoded in the path', async () => {
    const seen = route('get', `${ENDPOINT}/v1/surveys/:id`, () => HttpResponse.json(survey));
    await adapter().getSurvey('a/b?c', TOKEN);
    assert.equal(seen[0]?.url.pathname, '/v1/surveys/a%2Fb%3Fc');
  });

  test('no token, or blanks, is `unauthorized` without a request; a token a header cannot carry is `unknown-token`', async () => {
    const seen = route('get', SURVEY, () => HttpResponse.json(survey));
    for (const token of ['', '  ']) {
      const result = await adapter().getSurvey('qualite-de-vie', token);
      assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'unauthorized unauthorized');
    }
    const odd = await adapter().getSurveyResults('qualite-de-vie', 'a b\nc');
    assert.equal(!odd.ok && `${odd.error.kind} ${odd.error.code}`, 'forbidden unknown-token');
    assert.equal(seen.length, 0);
  });

  test('an aborted call sends nothing', async () => {
    const seen = route('post', `${SURVEY}/responses`, () => HttpResponse.json({ id: response.id, receivedOn: '2026-03-02' }, { status: 201 }));
    const result = await adapter().submitSurveyResponse('qualite-de-vie', TOKEN, response, { signal: AbortSignal.abort() });
    assert.equal(!result.ok && result.error.kind, 'aborted');
    assert.equal(seen.length, 0);
  });

  for (const [name, url, method, body] of [
    ['a survey with a question of an unknown type', SURVEY, 'get', { ...survey, sections: [{ id: 's', title: 'S', questions: [{ id: 'q', type: 'slider', label: 'Q', required: true }] }] }],
    ['a survey without intro', SURVEY, 'get', { ...survey, intro: undefined }],
    ['a receipt without its day', `${SURVEY}/responses`, 'post', { id: response.id }],
    ['results without `published`', `${SURVEY}/results`, 'get', { ...results, published: undefined }],
    ['results whose breakdown is not by group', `${SURVEY}/results`, 'get', { ...results, breakdowns: { encadrant: [1, 2] } }],
  ] as const) {
    test(`${name} is \`server\`/\`bad-response\``, async () => {
      route(method, url, () => HttpResponse.json(body, { status: method === 'post' ? 201 : 200 }));
      const call = adapter();
      const result =
        url === SURVEY
          ? await call.getSurvey('qualite-de-vie', TOKEN)
          : url.endsWith('/responses')
            ? await call.submitSurveyResponse('qualite-de-vie', TOKEN, response)
            : await call.getSurveyResults('qualite-de-vie', TOKEN);
      assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'server bad-response');
    });
  }
});

describe('http adapter: barometer', () => {
  const BAROMETER = `${ENDPOINT}/v1/orgs/ville-test/barometer`;
  const barometer = barometerOf({
    org: 'ville-test',
    period: '2026-Q3',
    from: '2026-07-01',
    to: '2026-10-01',
    satisfaction: satisfactionTotalsOf(Array.from({ length: 30 }, (_, i) => ({ channel: i % 2 ? 'web' : 'counter', normalized: 50 + i }))),
    previousSatisfaction: { responses: 0, sumNormalized: 0 },
    audits: auditTotalsOf(Array.from({ length: 5 }, () => ({ channel: 'phone' as const, criteriaMet: 3, criteriaTotal: 4 }))),
    previousAudits: { audits: 0, criteriaMet: 0, criteriaTotal: 0 },
    settings: DEFAULT_BAROMETER_SETTINGS,
    methodology: 'https://civic-pulse.example/#barometer-methodology',
  });

  test('getBarometer reads GET /v1/orgs/:org/barometer?period=, for the org it is given', async () => {
    const seen = route('get', `${ENDPOINT}/v1/orgs/:org/barometer`, () => HttpResponse.json(barometer));
    const result = await adapter({ org: 'autre-ville' }).getBarometer('ville-test', '2026-Q3');
    assert.deepEqual(result, { ok: true, data: barometer });
    assert.equal(seen[0]?.url.pathname, '/v1/orgs/ville-test/barometer');
    assert.equal(seen[0]?.url.searchParams.get('period'), '2026-Q3');
  });

  test('the org and the period are encoded', async () => {
    const seen = route('get', `${ENDPOINT}/v1/orgs/:org/barometer`, () => HttpResponse.json(barometer));
    await adapter().getBarometer('a/b', '2026&x=1');
    assert.equal(seen[0]?.url.href, `${ENDPOINT}/v1/orgs/a%2Fb/barometer?period=2026%26x%3D1`);
  });

  test('a bad period is `invalid` with the field `period`, and is not retried', async () => {
    const fields = [{ path: 'period', message: 'a year (2026), a quarter (2026-Q3) or last-12-months' }];
    const seen = route('get', BAROMETER, errorBody(400, { code: 'invalid-query', message: 'The request query does not match the contract.', fields }));
    const result = await adapter().getBarometer('ville-test', '2026-Q5');
    assert.equal(!result.ok && result.error.kind, 'invalid');
    assert.deepEqual(!result.ok && result.error.fields, fields);
    assert.equal(seen.length, 1);
  });

  test('an unknown org is `not-found`', async () => {
    route('get', `${ENDPOINT}/v1/orgs/:org/barometer`, errorBody(404, { code: 'unknown-org', message: 'There is no org "nulle-part".' }));
    const result = await adapter().getBarometer('nulle-part', '2026');
    assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'not-found unknown-org');
  });

  test('a 503 is retried like every read', async () => {
    let attempts = 0;
    route('get', BAROMETER, () => (++attempts < 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(barometer)));
    assert.equal((await adapter().getBarometer('ville-test', '2026')).ok, true);
    assert.equal(attempts, 2);
  });

  test('a withheld barometer (null scores, null channels) is read as it is', async () => {
    const withheld = { ...barometer, score: null, satisfaction: { score: null, responses: 3, byChannel: { ...barometer.satisfaction.byChannel, web: { score: null, responses: 3 } } } };
    route('get', BAROMETER, () => HttpResponse.json(withheld));
    assert.deepEqual(await adapter().getBarometer('ville-test', '2026'), { ok: true, data: withheld });
  });

  for (const [name, body] of [
    ['a score that is text', { ...barometer, score: '75' }],
    ['no trend', { ...barometer, trend: undefined }],
    ['a channel that is not a part', { ...barometer, audit: { ...barometer.audit, byChannel: { phone: 80 } } }],
    ['satisfaction without its count', { ...barometer, satisfaction: { score: 70, byChannel: {} } }],
    ['weights without those applied', { ...barometer, weights: { audit: 0.5, satisfaction: 0.5 } }],
  ] as const) {
    test(`a barometer with ${name} is \`server\`/\`bad-response\``, async () => {
      route('get', BAROMETER, () => HttpResponse.json(body));
      const result = await adapter().getBarometer('ville-test', '2026');
      assert.equal(!result.ok && `${result.error.kind} ${result.error.code}`, 'server bad-response');
    });
  }
});
