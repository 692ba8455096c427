// msw handlers for the agents' survey routes of the v1 contract, so that <civic-agent-survey>'s
// stories run the element's real http adapter against a backend with the server's rules: each route
// hands the request to core's memory adapter, the invitation or read token taken from the
// Authorization header as the server takes it. The demo survey is the one of <civic-survey-results>'s
// stories (survey-results-fixture.ts), with a section for managers only and a question asked only
// of agents unhappy with their conditions, so that conditions can be seen at work.
import { delay, http, HttpResponse, type DefaultBodyType, type HttpHandler } from 'msw';
import { createMemoryAdapter, type ErrorBody, type MemoryAdapter, type Result, type SurveyDefinition, type SurveySection } from '@civic-pulse/core';
import { ENDPOINT } from './backend.js';
import { errorAnswer } from './consultation-backend.js';
import { SECTIONS } from './survey-results-fixture.js';

const DAY = 86_400_000;

/** The demo surveys the backend holds, by what a story shows of them. */
export const SURVEYS = {
  /** Open for three weeks more. */
  open: 'qvt-2027',
  /** Opens in a week. */
  scheduled: 'qvt-2027-a-venir',
  /** Closed yesterday, with twelve responses: its results are published. */
  closed: 'qvt-2026',
} as const;

/**
 * The tokens the stories use, as an invitation e-mail would carry them. The backend maps each to
 * one the memory adapter issued when it was seeded (a token is random there, as on the server).
 */
export const TOKENS = {
  /** Unused, for the open survey. */
  open: 'INVIT-7K2Q-M9XD',
  /** Unused, for the survey not open yet. */
  scheduled: 'INVIT-4TPL-8RWN',
  /** Unused, for the closed survey. */
  closed: 'INVIT-2BV6-QH3C',
  /** Already used, for the open survey: a colleague answered with it. */
  used: 'INVIT-9ZJE-5FAK',
  /** Issued by no one: a character mistyped. */
  unknown: 'INVIT-7K2Q-M9XO',
  /** A manager's read token for the closed survey's results. */
  reader: 'LECTURE-QVT-2026',
  /** A manager's read token for the open survey's results: the participation only, until it closes. */
  readerOpen: 'LECTURE-QVT-2027',
} as const;

/** The demo survey's sections: the fixture's, plus one for managers and a question asked on a condition. */
export const SURVEY_SECTIONS: SurveySection[] = [
  SECTIONS[0]!,
  {
    id: 'encadrement',
    title: 'Votre rôle d’encadrant',
    showIf: { question: 'encadrant', equals: true },
    questions: [
      {
        id: 'taille-equipe',
        type: 'single',
        label: 'Combien de personnes encadrez-vous\u202f?',
        required: true,
        options: [
          { id: 'moins-de-5', label: 'Moins de 5' },
          { id: '5-a-15', label: 'De 5 à 15' },
          { id: 'plus-de-15', label: 'Plus de 15' },
        ],
      },
    ],
  },
  {
    ...SECTIONS[1]!,
    questions: [
      ...SECTIONS[1]!.questions.slice(0, 1),
      {
        id: 'conditions-difficiles',
        type: 'text',
        label: 'Qu’est-ce qui rend vos conditions de travail difficiles\u202f?',
        required: false,
        maxLength: 500,
        showIf: { question: 'conditions', between: [1, 2] },
      },
      ...SECTIONS[1]!.questions.slice(1),
    ],
  },
  ...SECTIONS.slice(2),
];

function survey(id: string, opensIn: number, closesIn: number): SurveyDefinition & { id: string } {
  return {
    id,
    org: 'ville-exemple',
    title: 'Qualité de vie au travail et qualité du service rendu',
    intro:
      'Cette enquête interne est ouverte à tous les agents de la ville. Elle prend une dizaine de minutes. Ses résultats seront présentés en comité social territorial et publiés sur l’intranet.',
    opensAt: new Date(Date.now() + opensIn * DAY).toISOString(),
    closesAt: new Date(Date.now() + closesIn * DAY).toISOString(),
    sections: SURVEY_SECTIONS,
  };
}

/** The `i`-th of the closed survey's responses: every required question answered, varied. */
function answers(i: number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[i % list.length]!;
  const scale = ['pas-du-tout', 'plutot-pas', 'plutot', 'tout-a-fait'];
  const lead = i % 4 === 0;
  const conditions = (i % 5) + 1;
  return {
    direction: pick(['techniques', 'population', 'ressources', 'enfance']),
    encadrant: lead,
    ...(lead ? { 'taille-equipe': pick(['moins-de-5', '5-a-15']) } : {}),
    conditions,
    ...(conditions <= 2 ? { 'conditions-difficiles': 'Les pics d’activité sans renfort.' } : {}),
    affirmations: { sens: pick(scale), reconnaissance: scale[(i + 1) % 4], outils: scale[(i + 2) % 4], teletravail: scale[(i + 3) % 4] },
    priorites: pick([
      ['accueil', 'delais', 'en-ligne'],
      ['delais', 'en-ligne', 'accueil'],
    ]),
  };
}

export interface SurveyBackend {
  /** The survey routes, answered by the memory adapter of the story being shown. */
  readonly handlers: HttpHandler[];
  /** That adapter, for a story that looks at what was stored. */
  readonly adapter: MemoryAdapter;
  /** Starts anew from the seed: call it in a loader, so that no answer or used token carries over. */
  reset(): Promise<MemoryAdapter>;
  /**
   * The next send is recorded, but its reply never reaches the browser (the connection drops on the
   * way back): the answers are stored, then the request fails. The adapter's retry meets a used token.
   */
  replyLost(): HttpHandler;
  /** The memory adapter's token behind a demo token, for a story that reads the backend itself. */
  token(demo: string): string;
}

const answer = <T extends DefaultBodyType>(result: Result<T>, status = 200) => (result.ok ? HttpResponse.json(result.data, { status }) : errorAnswer(result.error));

export function surveyBackend(): SurveyBackend {
  let current: { adapter: MemoryAdapter; tokens: Map<string, string> } | undefined;
  const seeded = () => {
    if (!current) throw new Error('The survey backend was not seeded: call reset() in a loader.');
    return current;
  };
  /** The memory adapter's token for the demo token in the request's Authorization header. */
  const tokenOf = (request: Request) => {
    const sent = request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';
    return seeded().tokens.get(sent) ?? sent;
  };
  type Id = { id: string };
  const url = `${ENDPOINT}/v1/surveys/:id`;
  const submit = async (id: string, request: Request) =>
    seeded().adapter.submitSurveyResponse(id, tokenOf(request), await request.json().catch(() => undefined));

  const handlers = [
    http.get<Id>(url, async ({ params, request }) => answer(await seeded().adapter.getSurvey(params.id, tokenOf(request)))),
    http.post<Id>(`${url}/responses`, async ({ params, request }) => answer(await submit(params.id, request), 201)),
    http.get<Id>(`${url}/results`, async ({ params, request }) => answer(await seeded().adapter.getSurveyResults(params.id, tokenOf(request)))),
  ];

  return {
    handlers,
    get adapter() {
      return seeded().adapter;
    },
    async reset() {
      const adapter = createMemoryAdapter({ surveys: [survey(SURVEYS.open, -2, 21), survey(SURVEYS.scheduled, 7, 28), survey(SURVEYS.closed, -30, 1)] });
      const [open, used] = adapter.inviteToSurvey(SURVEYS.open, 2) as [string, string];
      const [scheduled] = adapter.inviteToSurvey(SURVEYS.scheduled, 1) as [string];
      const closedTokens = adapter.inviteToSurvey(SURVEYS.closed, 13);
      await adapter.submitSurveyResponse(SURVEYS.open, used, { id: crypto.randomUUID(), answers: answers(1) });
      for (const [i, token] of closedTokens.slice(1).entries()) await adapter.submitSurveyResponse(SURVEYS.closed, token, { id: crypto.randomUUID(), answers: answers(i) });
      adapter.closeSurvey(SURVEYS.closed);
      const tokens = new Map<string, string>([
        [TOKENS.open, open],
        [TOKENS.used, used],
        [TOKENS.scheduled, scheduled],
        [TOKENS.closed, closedTokens[0]!],
        [TOKENS.reader, adapter.issueSurveyReader(SURVEYS.closed)],
        [TOKENS.readerOpen, adapter.issueSurveyReader(SURVEYS.open)],
      ]);
      current = { adapter, tokens };
      return adapter;
    },
    token: (demo) => seeded().tokens.get(demo) ?? demo,
    replyLost: () => http.post<Id>(`${url}/responses`, async ({ params, request }) => (await submit(params.id, request), HttpResponse.error()), { once: true }),
  };
}

/** The routes a failure can stand in for. */
const ROUTES = { survey: ['get', `${ENDPOINT}/v1/surveys/:id`], responses: ['post', `${ENDPOINT}/v1/surveys/:id/responses`] } as const;
type Route = keyof typeof ROUTES;
const on = (route: Route, resolver: Parameters<typeof http.get>[1], options?: { once: boolean }) => http[ROUTES[route][0]](ROUTES[route][1], resolver, options);

/** The connection fails on `route`, for every attempt of the adapter. */
export const surveyConnectionFails = (route: Route) => on(route, () => HttpResponse.error());

/** A server that takes the request on `route` and never answers. */
export const surveyNeverAnswers = (route: Route) => on(route, () => delay('infinite'));

/** 429 with a Retry-After longer than the adapter waits for itself: the element tells the agent and holds its retry button. */
export const surveyRateLimited = (seconds: number) =>
  on('responses', () =>
    HttpResponse.json<ErrorBody>({ error: { code: 'rate-limited', message: 'Too many requests.' } }, { status: 429, headers: { 'Retry-After': String(seconds) } }),
  );

