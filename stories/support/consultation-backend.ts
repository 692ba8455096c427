// msw handlers for the consultation routes of the v1 contract, so that the poll and ideas stories
// run the elements' real http adapter against a backend with the server's rules: each route hands
// the request to a memory adapter (core's, which implements those rules) and turns its Result into
// the HTTP answer the reference backend gives. Plus the failures a story needs.
import { delay, http, HttpResponse, type DefaultBodyType, type HttpHandler } from 'msw';
import {
  ConsultationDefinitionSchema,
  createMemoryAdapter,
  newId,
  type AdapterError,
  type AdapterErrorKind,
  type ConsultationDefinition,
  type ConsultationResponse,
  type ErrorBody,
  type MemoryAdapter,
  type Question,
  type Result,
} from '@civic-pulse/core';
import placeDuMarche from '../../examples/reference-backend/seed/place-du-marche.json' with { type: 'json' };
import { ENDPOINT } from './backend.js';

const DAY = 86_400_000;

/** A consultation as an admin defines it, with its id, as the memory adapter takes it. */
type MemoryConsultation = Parameters<MemoryAdapter['addConsultation']>[0];

/** The demo consultations the backend holds, by what a story shows of them; all ask the place du marché's questions. */
export const CONSULTATIONS = {
  /** Open, results after the vote, ideas moderated before publication, with published ideas and answers already. */
  open: 'place-du-marche',
  /** Open, results published at the close only. */
  afterClose: 'place-du-marche-resultats-a-la-cloture',
  /** Open, results never published. */
  never: 'place-du-marche-sans-resultats',
  /** Open, ideas published at once and moderated afterwards; no idea yet. */
  postModeration: 'place-du-marche-moderation-a-posteriori',
  /** Closed ten days ago, results published, with its answers and ideas. */
  closed: 'place-du-marche-close',
  /** Opens in a week. */
  scheduled: 'place-du-marche-a-venir',
  /** On no backend: a link to a consultation taken down. */
  unknown: 'place-du-marche-retiree',
} as const;

/** The ideas the open and closed consultations hold, published by a moderator, and how many people support each. */
export const IDEAS = [
  { title: 'Des fontaines à boire', body: 'Une ou deux fontaines d’eau potable près des bancs, pour les jours de marché en été.', supporters: 14 },
  { title: 'Un marché couvert le samedi', body: 'Une halle légère et démontable, pour que le marché du samedi tienne aussi par temps de pluie.', supporters: 6 },
  { title: 'Des arceaux à vélos', body: '', supporters: 1 },
] as const;

/** The place du marché's questions, one of each type, as every demo consultation asks them. */
export const QUESTIONS: readonly Question[] = ConsultationDefinitionSchema.parse(placeDuMarche).questions;

/** How many citizens answered the open, after-close and closed consultations before the story. */
export const SEEDED_RESPONSES = 47;

const CONSULTATIONS_URL = `${ENDPOINT}/v1/consultations`;
const CONSULTATION_URL = `${CONSULTATIONS_URL}/:id`;
const RESPONSES_URL = `${CONSULTATION_URL}/responses`;
const RESULTS_URL = `${CONSULTATION_URL}/results`;
const IDEAS_URL = `${CONSULTATION_URL}/ideas`;
const SUPPORTS_URL = `${IDEAS_URL}/:ideaId/supports`;

/** The place du marché as the reference backend seeds it, its fixed dates moved around now. */
function placeDuMarcheFrom(now: number, id: string, overrides: Partial<ConsultationDefinition>): MemoryConsultation {
  const definition = ConsultationDefinitionSchema.parse({
    ...placeDuMarche,
    id,
    opensAt: new Date(now - 3 * DAY).toISOString(),
    closesAt: new Date(now + 25 * DAY).toISOString(),
    ...overrides,
  });
  return { ...definition, id };
}

/** A repeatable random number in [0, 1) for each `seed` (mulberry32): the same results at every reload. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The `index`-th citizen's answers, every one acceptable, drawn so that the results look like a
 * real consultation's: the first options are preferred, in the order the commune listed them.
 */
function answersOf(questions: readonly Question[], index: number): Record<string, unknown> {
  const next = random(index + 1);
  // An option's position, drawn with the first ones more likely.
  const position = (count: number) => Math.min(count - 1, Math.floor(count * next() ** 1.8));
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const options = (question.options ?? []).map(({ id }) => id);
    switch (question.type) {
      case 'yesno':
        answers[question.id] = next() < 0.8;
        break;
      case 'single':
        answers[question.id] = options[position(options.length)];
        break;
      case 'multiple': {
        const chosen = new Set(Array.from({ length: 1 + Math.floor(next() * (question.max ?? options.length)) }, () => options[position(options.length)]!));
        answers[question.id] = options.filter((option) => chosen.has(option));
        break;
      }
      case 'ranking': {
        const weight = new Map(options.map((option, rank) => [option, rank + next() * options.length]));
        answers[question.id] = [...options].sort((a, b) => weight.get(a)! - weight.get(b)!);
        break;
      }
      case 'scale': {
        const min = question.min ?? 1;
        const span = (question.max ?? 5) - min + 1;
        // Around the middle, a little below it: the square as it is now does not please much.
        answers[question.id] = min + Math.min(span - 1, Math.floor(((next() + next() + next()) / 3) * span * 0.95));
        break;
      }
      case 'text':
        if (next() < 0.3) answers[question.id] = 'Pensez aux livraisons des commerçants le matin.';
    }
  }
  return answers;
}

async function seedResponses(adapter: MemoryAdapter, consultation: MemoryConsultation): Promise<void> {
  for (let index = 0; index < SEEDED_RESPONSES; index++) {
    const response: ConsultationResponse = { id: newId(), participant: `habitant-${index}`, answers: answersOf(consultation.questions, index) };
    const result = await adapter.submitConsultationResponse(consultation.id, response);
    if (!result.ok) throw new Error(`The seed's response ${index} was refused: ${result.error.message}`);
  }
}

async function seedIdeas(adapter: MemoryAdapter, consultation: string): Promise<void> {
  for (const [index, { title, body, supporters }] of IDEAS.entries()) {
    const id = newId();
    const proposed = await adapter.submitIdea(consultation, { id, participant: `auteur-${index}`, title, body });
    if (!proposed.ok) throw new Error(`The seed's idea "${title}" was refused: ${proposed.error.message}`);
    adapter.moderateIdea(consultation, id, { status: 'published' });
    for (let supporter = 0; supporter < supporters; supporter++) await adapter.supportIdea(consultation, id, `soutien-${supporter}`);
  }
  // Waiting for moderation: under pre-moderation nobody but its author sees it.
  await adapter.submitIdea(consultation, { id: newId(), participant: 'auteur-en-attente', title: 'Un parking souterrain', body: '' });
}

/**
 * A memory adapter holding the demo consultations, their answers and ideas, as they stand now.
 * The closed consultation is answered while it was open: the adapter's clock is set back meanwhile.
 */
async function seededAdapter(): Promise<MemoryAdapter> {
  let offset = 0;
  const adapter = createMemoryAdapter({ now: () => new Date(Date.now() + offset) });
  const now = Date.now();
  const consultation = (id: string, overrides: Partial<ConsultationDefinition> = {}) => {
    const definition = placeDuMarcheFrom(now, id, overrides);
    adapter.addConsultation(definition);
    return definition;
  };

  const open = consultation(CONSULTATIONS.open);
  await seedResponses(adapter, open);
  await seedIdeas(adapter, open.id);
  await seedResponses(adapter, consultation(CONSULTATIONS.afterClose, { resultsVisibility: 'after-close' }));
  consultation(CONSULTATIONS.never, { resultsVisibility: 'never' });
  consultation(CONSULTATIONS.postModeration, { ideas: { enabled: true, moderation: 'post' } });
  consultation(CONSULTATIONS.scheduled, { opensAt: new Date(now + 7 * DAY).toISOString(), closesAt: new Date(now + 37 * DAY).toISOString() });

  const closed = consultation(CONSULTATIONS.closed, {
    opensAt: new Date(now - 60 * DAY).toISOString(),
    closesAt: new Date(now - 10 * DAY).toISOString(),
    resultsVisibility: 'after-close',
  });
  offset = -30 * DAY;
  await seedResponses(adapter, closed);
  await seedIdeas(adapter, closed.id);
  offset = 0;
  return adapter;
}

const STATUS_BY_KIND: Partial<Record<AdapterErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
};

/** The contract's error answer for an adapter's error, with the status the reference backend gives it. */
export function errorAnswer({ kind, code, message, fields }: AdapterError) {
  const status = code === 'idempotency-conflict' ? 422 : (STATUS_BY_KIND[kind] ?? 500);
  return HttpResponse.json<ErrorBody>({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

const answer = <T extends DefaultBodyType>(result: Result<T>, status = 200) => (result.ok ? HttpResponse.json(result.data, { status }) : errorAnswer(result.error));

/**
 * A write's body as the client sent it, unchecked: the memory adapter checks it against the
 * contract as the server does, and refuses it as invalid when it does not fit (or is not JSON).
 */
const bodyOf = (request: Request): Promise<any> => request.json().catch(() => undefined);

/** As the reference backend: the Idempotency-Key header is optional, but when sent it names the body's id. */
function keyMismatch(request: Request, body: unknown) {
  const key = request.headers.get('Idempotency-Key');
  const id = (body as { id?: unknown } | undefined)?.id;
  if (key === null || typeof id !== 'string' || key === id) return undefined;
  return errorAnswer({
    kind: 'invalid',
    code: 'idempotency-key-mismatch',
    message: 'The Idempotency-Key header and the body id differ.',
    fields: [{ path: 'id', message: 'must equal the Idempotency-Key header' }],
  });
}

export interface ConsultationBackend {
  /** The consultation routes, answered by the memory adapter of the story being shown. */
  readonly handlers: HttpHandler[];
  /** That adapter, for a story that moderates an idea or stores an answer before it renders. */
  readonly adapter: MemoryAdapter;
  /** Starts anew from the seed: call it in a loader, so that no answer, idea or support carries over from the story before. */
  reset(): Promise<MemoryAdapter>;
  /** The support route as a server that counts each support, but whose reply never reaches the browser (a mobile link dropped on the way back). */
  supportRepliesLost(): HttpHandler;
}

/**
 * The backend of a stories file: its handlers go in `parameters.msw`, once; `reset()` in a loader
 * gives each story a backend of its own, as freshly seeded.
 */
export function consultationBackend(): ConsultationBackend {
  let current: MemoryAdapter | undefined;
  const adapter = () => {
    if (!current) throw new Error('The consultation backend was not seeded: call reset() in a loader.');
    return current;
  };
  type Id = { id: string };
  type Idea = { id: string; ideaId: string };

  const handlers = [
    http.get<Id>(CONSULTATION_URL, async ({ params }) => answer(await adapter().getConsultation(params.id))),

    http.post<Id>(RESPONSES_URL, async ({ params, request }) => {
      const body = await bodyOf(request);
      return keyMismatch(request, body) ?? answer(await adapter().submitConsultationResponse(params.id, body), 201);
    }),

    http.get<Id>(RESULTS_URL, async ({ params }) => answer(await adapter().getConsultationResults(params.id))),

    http.get<Id>(IDEAS_URL, async ({ params, request }) => {
      const participant = new URL(request.url).searchParams.get('participant');
      return answer(await adapter().listIdeas(params.id, participant === null ? {} : { participant }));
    }),

    http.post<Id>(IDEAS_URL, async ({ params, request }) => {
      const body = await bodyOf(request);
      return keyMismatch(request, body) ?? answer(await adapter().submitIdea(params.id, body), 201);
    }),

    http.post<Idea>(SUPPORTS_URL, async ({ params, request }) => answer(await support(params, request), 201)),
  ];

  async function support(params: Idea, request: Request) {
    const body: { participant?: unknown } | undefined = await bodyOf(request);
    return adapter().supportIdea(params.id, params.ideaId, typeof body?.participant === 'string' ? body.participant : '');
  }

  return {
    handlers,
    get adapter() {
      return adapter();
    },
    async reset() {
      current = await seededAdapter();
      return current;
    },
    supportRepliesLost: () =>
      http.post<Idea>(SUPPORTS_URL, async ({ params, request }) => {
        await support(params, request);
        return HttpResponse.error();
      }),
  };
}

/** The routes a failure can stand in for, by what they do. */
const ROUTES = {
  consultation: ['get', CONSULTATION_URL],
  responses: ['post', RESPONSES_URL],
  results: ['get', RESULTS_URL],
  ideas: ['get', IDEAS_URL],
  'propose-idea': ['post', IDEAS_URL],
  'support-idea': ['post', SUPPORTS_URL],
} as const;
export type Route = keyof typeof ROUTES;

const on = (route: Route, resolver: Parameters<typeof http.get>[1], options?: { once: boolean }) => {
  const [method, url] = ROUTES[route];
  return http[method](url, resolver, options);
};

/** The connection fails on `route`, as offline or on a dropped mobile link, for every attempt of the adapter. */
export const connectionFails = (route: Route) => on(route, () => HttpResponse.error());

/** The server refuses every request on `route` with `error`, as the reference backend would. */
export const refusedOn = (route: Route, error: AdapterError) => on(route, () => errorAnswer(error));

/** A server that takes the request on `route` and never answers. */
export const neverAnswers = (route: Route) => on(route, () => delay('infinite'));

/**
 * The answer the reference backend gives when an admin changed the consultation while the person
 * answered: once, so that after reloading the same answers are taken.
 */
export const definitionChanged = () =>
  on(
    'responses',
    () => errorAnswer({ kind: 'conflict', code: 'definition-changed', message: 'The consultation was changed while this response was sent; reload it.' }),
    { once: true },
  );
