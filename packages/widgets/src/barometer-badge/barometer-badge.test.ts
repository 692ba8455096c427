import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { configure, createHttpAdapter, createMemoryAdapter, resetConfiguration, type Audit, type BackendAdapter, type Barometer, type Channel, type ErrorBody, type MemoryAdapter } from '@civic-pulse/core';
import './civic-barometer-badge.js';
import type { BadgeVariant, BarometerBadge } from './barometer-badge.js';
import { accessibleNames } from '../test-support/a11y.js';
import { startNetwork } from '../test-support/network.js';

const ORG = 'ville-exemple';
const ENDPOINT = 'https://avis.ville-exemple.test';
const METHODOLOGY = 'https://avis.ville-exemple.test/methodologie#barometer-methodology';
const NNBSP = '\u202f';

/** A full barometer: both sources, most channels published, two withheld or without data. */
const FULL: Barometer = {
  org: ORG,
  period: 'last-12-months',
  from: '2025-11-01',
  to: '2026-11-01',
  score: 72.4,
  responses: 1234,
  satisfaction: {
    score: 70.1,
    responses: 1234,
    byChannel: {
      counter: { score: 75.2, responses: 400 },
      phone: { score: 68, responses: 300 },
      email: { score: 66.5, responses: 200 },
      web: { score: 71, responses: 320 },
      mail: { score: null, responses: 14 },
      social: null,
    },
  },
  audit: {
    score: 74.7,
    audits: 48,
    byChannel: {
      counter: { score: 80.5, audits: 12 },
      phone: { score: 62.5, audits: 12 },
      email: { score: 77, audits: 10 },
      web: { score: 79, audits: 10 },
      mail: { score: null, audits: 4 },
      social: null,
    },
  },
  trend: { previous: 69.2, delta: 3.2 },
  weights: { audit: 0.5, satisfaction: 0.5, applied: { audit: 0.5, satisfaction: 0.5 } },
  minimum: { ratings: 30, audits: 5 },
  methodology: METHODOLOGY,
};

/** Satisfaction only: three audits, under the five it takes, so the score rests on the ratings. */
const PARTIAL: Barometer = {
  ...FULL,
  score: 70.1,
  audit: {
    score: null,
    audits: 3,
    byChannel: { counter: { score: null, audits: 3 }, phone: null, email: null, web: null, mail: null, social: null },
  },
  trend: { previous: null, delta: null },
  weights: { ...FULL.weights, applied: { audit: 0, satisfaction: 1 } },
};

/** Too little of either: twelve ratings and two audits. */
const NOT_ENOUGH: Barometer = {
  ...FULL,
  score: null,
  responses: 12,
  satisfaction: { score: null, responses: 12, byChannel: { counter: { score: null, responses: 12 }, phone: null, email: null, web: null, mail: null, social: null } },
  audit: { score: null, audits: 2, byChannel: { counter: { score: null, audits: 2 }, phone: null, email: null, web: null, mail: null, social: null } },
  trend: { previous: null, delta: null },
  weights: { ...FULL.weights, applied: { audit: 0, satisfaction: 0 } },
};

/** What the mocked server answers: a barometer, a failed connection, or an error with its status. */
type Reply = Barometer | 'offline' | { status: number; error: ErrorBody['error']; headers?: Record<string, string> } | (() => Promise<Response>);
const OFFLINE = 'offline' as const;
const SERVER_ERROR: Reply = { status: 503, error: { code: 'unavailable', message: 'Down for maintenance.' } };

let worker: Awaited<ReturnType<typeof startNetwork>>;

/**
 * The real http adapter, on a mocked GET /v1/orgs/:org/barometer that gives each reply in turn (the
 * last one repeats); `calls` records the org and period of each request.
 */
function serve(...replies: Reply[]) {
  const calls: { org: string; period: string | null }[] = [];
  worker.use(
    http.get(`${ENDPOINT}/v1/orgs/:org/barometer`, ({ request, params }) => {
      calls.push({ org: String(params.org), period: new URL(request.url).searchParams.get('period') });
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
      if (reply === OFFLINE) return HttpResponse.error();
      if (typeof reply === 'function') return reply();
      if ('status' in reply) return HttpResponse.json({ error: reply.error }, { status: reply.status, headers: reply.headers });
      return HttpResponse.json(reply);
    }),
  );
  return { adapter: createHttpAdapter({ endpoint: ENDPOINT, org: ORG, retries: 0 }), calls };
}
// Assertions compare strings: a failing chai assertion that prints one of these elements hangs the test page.
const part = (el: BarometerBadge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: BarometerBadge, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const hasPart = (el: BarometerBadge, name: string) => part(el, name) !== null;
const squash = (text: string | null | undefined) => (text ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
/** What a screen reader reads of a part: its text without what is hidden from it. */
const spoken = (el: BarometerBadge, name: string) => {
  const node = part(el, name);
  if (!node) return '';
  const clone = node.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return squash(clone.textContent);
};
/** What the eye reads of the score: "72,4/100". */
const scoreShown = (el: BarometerBadge) => squash(part(el, 'score')?.querySelector('[aria-hidden="true"]')?.textContent);

async function badge(adapter: BackendAdapter | undefined, options: { variant?: BadgeVariant; period?: string; lang?: string; theme?: string; headingLevel?: number; light?: boolean } = {}) {
  const el = await fixture<BarometerBadge>(html`
    <civic-barometer-badge
      org=${ORG}
      .adapter=${adapter}
      variant=${options.variant ?? 'card'}
      period=${options.period ?? 'last-12-months'}
      lang=${options.lang ?? 'fr'}
      theme=${options.theme ?? 'light'}
      heading-level=${options.headingLevel ?? 2}
    >${options.light ? html`<a href="https://www.ville-exemple.test/barometre">Notre baromètre de l’expérience usager</a>` : ''}</civic-barometer-badge>
  `);
  await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'the barometer loads');
  return el;
}

/** Holds the barometer until `open()`: the loading state, for as long as a test needs it. */
function gate(barometer: Barometer) {
  let open!: () => void;
  const held = new Promise<void>((resolve) => (open = resolve));
  return { reply: async () => (await held, HttpResponse.json(barometer)), open: () => open() };
}

describe('<civic-barometer-badge>', () => {
  before(async () => {
    worker = await startNetwork();
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('each variant in each state', () => {
    it('compact, full: the title and the score on one line, shown “72,4/100” and said “72,4 sur 100”', async () => {
      const el = await badge(serve(FULL).adapter, { variant: 'compact' });
      expect(scoreShown(el)).to.equal('72,4/100');
      expect(spoken(el, 'base')).to.equal('Baromètre de l’expérience usager\u00a0: 72,4 sur 100');
      expect(hasPart(el, 'title')).to.be.false;
      expect(hasPart(el, 'trend')).to.be.false;
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.lessThan(40);
      await expect(el).to.be.accessible();
    });

    it('compact, partial: says the score rests on the ratings alone', async () => {
      const el = await badge(serve(PARTIAL).adapter, { variant: 'compact' });
      expect(spoken(el, 'base')).to.equal('Baromètre de l’expérience usager\u00a0: 70,1 sur 100 (d’après les avis des usagers seuls)');
      await expect(el).to.be.accessible();
    });

    it('compact, not enough data: words, no number', async () => {
      const el = await badge(serve(NOT_ENOUGH).adapter, { variant: 'compact' });
      expect(spoken(el, 'base')).to.equal('Baromètre de l’expérience usager\u00a0: pas encore assez de données');
      expect(hasPart(el, 'score')).to.be.false;
      expect(squash(part(el, 'base')!.textContent)).not.to.match(/\d/);
      await expect(el).to.be.accessible();
    });

    for (const variant of ['card', 'detailed'] as const) {
      it(`${variant}, full: score, what it rests on, the period, the trend, the methodology`, async () => {
        const el = await badge(serve(FULL).adapter, { variant });
        expect(await accessibleNames('heading')).to.include('Baromètre de l’expérience usager');
        expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
        expect(scoreShown(el)).to.equal('72,4/100');
        expect(spoken(el, 'score')).to.equal('72,4 sur 100');
        expect(spoken(el, 'basis')).to.equal(`D’après 1${NNBSP}234 avis d’usagers et 48 audits mystère, sur les 12 derniers mois.`);
        expect(spoken(el, 'range')).to.equal('du 1 novembre 2025 au 31 octobre 2026');
        expect(spoken(el, 'trend')).to.equal('Tendance\u00a0: en hausse de 3,2 points par rapport à la période précédente');
        expect(part(el, 'trend')!.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
        expect(hasPart(el, 'partial')).to.be.false;
        expect(part(el, 'methodology')!.getAttribute('href')).to.equal(METHODOLOGY);
        expect(await accessibleNames('link')).to.include('Comment ce score est calculé');
        expect(hasPart(el, 'breakdown')).to.equal(variant === 'detailed');
        await expect(el).to.be.accessible();
      });

      it(`${variant}, partial: says the score rests on user satisfaction alone, and why`, async () => {
        const el = await badge(serve(PARTIAL).adapter, { variant });
        expect(spoken(el, 'score')).to.equal('70,1 sur 100');
        expect(spoken(el, 'partial')).to.equal(
          'Ce score repose sur la satisfaction des usagers seule\u00a0: les audits mystère sont trop peu nombreux pour compter (il en faut 5).',
        );
        expect(spoken(el, 'basis')).to.contain('3 audits mystère');
        expect(spoken(el, 'trend')).to.equal('Tendance\u00a0: pas de comparaison possible, la période précédente a trop peu de données');
        await expect(el).to.be.accessible();
      });

      it(`${variant}, not enough data: the minimums and the counts so far, never a score of 0`, async () => {
        const el = await badge(serve(NOT_ENOUGH).adapter, { variant });
        expect(spoken(el, 'not-enough')).to.equal('Pas encore assez de données\u00a0: le score est publié à partir de 30 avis ou de 5 audits.');
        expect(spoken(el, 'basis')).to.equal('Pour l’instant, sur les 12 derniers mois\u00a0: 12 avis et 2 audits.');
        expect(hasPart(el, 'score')).to.be.false;
        expect(hasPart(el, 'trend')).to.be.false;
        expect(hasPart(el, 'breakdown')).to.be.false;
        expect(squash(part(el, 'base')!.textContent)).not.to.contain('/100');
        expect(hasPart(el, 'methodology')).to.be.true;
        await expect(el).to.be.accessible();
      });
    }

    for (const variant of ['compact', 'card', 'detailed'] as const) {
      it(`${variant}, loading: says so, busy, and holds the height it will take`, async () => {
        const held = gate(FULL);
        const el = await fixture<BarometerBadge>(html`<civic-barometer-badge org=${ORG} lang="fr" variant=${variant} .adapter=${serve(held.reply).adapter}></civic-barometer-badge>`);
        await el.updateComplete;
        expect(spoken(el, 'loading')).to.equal('Chargement du baromètre…');
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
        const loading = part(el, 'base')!.getBoundingClientRect().height;
        held.open();
        await waitUntil(() => hasPart(el, 'score'), 'the score shows');
        const loaded = part(el, 'base')!.getBoundingClientRect().height;
        expect(Math.abs(loaded - loading), `${loading} px loading, ${loaded} px loaded`).to.be.at.most(variant === 'compact' ? 2 : 24);
      });

      it(`${variant}, error: says it could not load, and loads again on retry`, async () => {
        const { adapter, calls } = serve(OFFLINE, FULL);
        const el = await badge(adapter, { variant });
        expect(spoken(el, 'error')).to.equal('Le baromètre n’a pas pu être chargé\u00a0: la connexion a échoué ou le serveur n’a pas répondu.');
        expect(spoken(el, 'retry')).to.equal('Réessayer');
        await expect(el).to.be.accessible();
        part(el, 'retry')!.click();
        await waitUntil(() => hasPart(el, 'score'), 'the retry loads the barometer');
        expect(calls.length).to.equal(2);
        expect(hasPart(el, 'error')).to.be.false;
      });
    }
  });

  it('rate limited: the retry button waits for the Retry-After', async () => {
    const { adapter, calls } = serve({ status: 429, error: { code: 'rate-limited', message: 'Too many requests.' }, headers: { 'Retry-After': '1' } }, FULL);
    const el = await badge(adapter);
    expect(part(el, 'retry')!.getAttribute('aria-disabled')).to.equal('true');
    part(el, 'retry')!.click();
    await el.updateComplete;
    expect(calls.length).to.equal(1);
    await waitUntil(() => part(el, 'retry')?.getAttribute('aria-disabled') === 'false', 'the retry button comes back', { timeout: 3000 });
    part(el, 'retry')!.click();
    await waitUntil(() => hasPart(el, 'score'), 'the retry loads the barometer');
  });

  describe('errors that a retry would not mend', () => {
    it('an unknown org: says so, offers no retry, and tells the webmaster', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await badge(serve({ status: 404, error: { code: 'unknown-org', message: 'There is no org.' } }).adapter);
        expect(spoken(el, 'error')).to.equal('Ce baromètre est introuvable.');
        expect(hasPart(el, 'retry')).to.be.false;
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors.length).to.equal(1);
    });

    it('a period the server refuses: names it', async () => {
      const el = await badge(serve({ status: 400, error: { code: 'invalid-query', message: 'Bad period.', fields: [{ path: 'period', message: 'a year, a quarter or last-12-months' }] } }).adapter, { period: '2026-Q5' });
      expect(spoken(el, 'error')).to.equal('Cette période n’est pas reconnue\u00a0: « 2026-Q5 ».');
      expect(hasPart(el, 'retry')).to.be.false;
    });

    it('no backend: says it is not configured, and tells the webmaster', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const el = await badge(undefined);
        expect(spoken(el, 'error')).to.equal('Ce baromètre n’est pas configuré.');
      } finally {
        console.error = original;
      }
    });

    it('without an org attribute, asks for the page’s data-org through its data-endpoint', async () => {
      const { calls } = serve(FULL);
      configure({ endpoint: ENDPOINT, org: 'ville-configuree' });
      try {
        const el = await fixture<BarometerBadge>(html`<civic-barometer-badge lang="fr"></civic-barometer-badge>`);
        await waitUntil(() => hasPart(el, 'score'), 'the barometer loads');
        expect(JSON.stringify(calls)).to.equal(JSON.stringify([{ org: 'ville-configuree', period: 'last-12-months' }]));
      } finally {
        resetConfiguration();
      }
    });

    it('asks for the org and period of its attributes', async () => {
      const { adapter, calls } = serve({ ...FULL, period: '2026-Q3', from: '2026-07-01', to: '2026-10-01' });
      await badge(adapter, { period: '2026-Q3' });
      expect(JSON.stringify(calls)).to.equal(JSON.stringify([{ org: ORG, period: '2026-Q3' }]));
    });
  });

  describe('trend', () => {
    const cases: [string, Barometer['trend'], string, string][] = [
      ['up', { previous: 69.2, delta: 3.2 }, 'Tendance\u00a0: en hausse de 3,2 points par rapport à la période précédente', 'Trend: up 3.2 points on the previous period'],
      ['down by one point', { previous: 73.4, delta: -1 }, 'Tendance\u00a0: en baisse de 1 point par rapport à la période précédente', 'Trend: down 1 point on the previous period'],
      ['down', { previous: 76.9, delta: -4.5 }, 'Tendance\u00a0: en baisse de 4,5 points par rapport à la période précédente', 'Trend: down 4.5 points on the previous period'],
      ['flat', { previous: 72.4, delta: 0 }, 'Tendance\u00a0: stable par rapport à la période précédente', 'Trend: stable on the previous period'],
      ['unknown', { previous: null, delta: null }, 'Tendance\u00a0: pas de comparaison possible, la période précédente a trop peu de données', 'Trend: no comparison possible, the previous period has too little data'],
    ];
    for (const [name, trend, fr, en] of cases) {
      it(`${name}, in French and in English`, async () => {
        const adapter = serve({ ...FULL, trend }).adapter;
        expect(spoken(await badge(adapter), 'trend')).to.equal(fr);
        expect(spoken(await badge(adapter, { lang: 'en' }), 'trend')).to.equal(en);
      });
    }

    it('an arrow only for a known trend, hidden from screen readers', async () => {
      const up = await badge(serve(FULL).adapter);
      expect(part(up, 'trend')!.querySelectorAll('svg[aria-hidden="true"]').length).to.equal(1);
      const unknown = await badge(serve(PARTIAL).adapter);
      expect(part(unknown, 'trend')!.querySelectorAll('svg').length).to.equal(0);
    });
  });

  describe('numbers and dates through Intl', () => {
    it('English: “72.4/100”, “1,234 ratings”, the twelve months in words and dates', async () => {
      const el = await badge(serve(FULL).adapter, { lang: 'en' });
      expect(scoreShown(el)).to.equal('72.4/100');
      expect(spoken(el, 'score')).to.equal('72.4 out of 100');
      expect(spoken(el, 'basis')).to.equal('Based on 1,234 ratings from users and 48 mystery-shopping audits, over the last 12 months.');
      expect(spoken(el, 'range')).to.equal('from November 1, 2025 to October 31, 2026');
      expect(await accessibleNames('heading')).to.include('Public service experience barometer');
    });

    for (const [period, from, to, fr, en] of [
      ['2026', '2026-01-01', '2027-01-01', 'en 2026', 'in 2026'],
      ['2026-Q3', '2026-07-01', '2026-10-01', 'au 3ᵉ trimestre 2026', 'in the 3rd quarter of 2026'],
      ['2026-Q1', '2026-01-01', '2026-04-01', 'au 1ᵉʳ trimestre 2026', 'in the 1st quarter of 2026'],
    ] as const) {
      it(`the period ${period} in words: “${fr}”, “${en}”`, async () => {
        const adapter = serve({ ...FULL, period, from, to }).adapter;
        const french = await badge(adapter, { period });
        expect(spoken(french, 'basis')).to.match(new RegExp(`, ${fr}\\.$`));
        expect(hasPart(french, 'range')).to.be.false;
        expect(spoken(await badge(adapter, { period, lang: 'en' }), 'basis')).to.match(new RegExp(`, ${en}\\.$`));
      });
    }

    it('one rating, one audit: singular', async () => {
      const el = await badge(serve({ ...NOT_ENOUGH, responses: 1, audit: { ...NOT_ENOUGH.audit, audits: 1 } }).adapter, { lang: 'en' });
      expect(spoken(el, 'basis')).to.equal('So far, over the last 12 months: 1 rating and 1 mystery-shopping audit.');
    });
  });

  describe('detailed: the breakdown by channel', () => {
    it('draws bars for the published parts, names the withheld ones in words, and holds everything in a captioned table', async () => {
      const el = await badge(serve(FULL).adapter, { variant: 'detailed' });
      const breakdown = part(el, 'breakdown')!;
      expect(breakdown.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
      expect(part(el, 'bars')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'bars')!.querySelectorAll('li').length).to.equal(8);
      expect(squash(part(el, 'bars')!.querySelector('li')!.textContent)).to.equal('Accueil physique, audits mystère 80,5/100');
      expect(spoken(el, 'withheld')).to.equal(
        'Non publiés, faute de données suffisantes\u00a0: Courrier (audits mystère et satisfaction) et Réseaux sociaux (audits mystère et satisfaction).',
      );
      const table = part(el, 'table') as HTMLTableElement;
      expect(squash(table.caption!.textContent)).to.equal('Scores sur 100 par canal de contact, sur les 12 derniers mois');
      const rows = [...table.rows].map((row) => [...row.cells].map((cell) => squash(cell.textContent)).join(' | '));
      expect(rows).to.deep.equal([
        'Canal | Audits mystère | Satisfaction des usagers',
        'Accueil physique | 80,5/100 (12 audits) | 75,2/100 (400 avis)',
        'Téléphone | 62,5/100 (12 audits) | 68/100 (300 avis)',
        'Courriel | 77/100 (10 audits) | 66,5/100 (200 avis)',
        'Site internet | 79/100 (10 audits) | 71/100 (320 avis)',
        'Courrier | non publié (4 audits, trop peu) | non publié (14 avis, trop peu)',
        'Réseaux sociaux | aucune donnée | aucune donnée',
      ]);
      expect([...table.querySelectorAll('th')].map((th) => th.getAttribute('scope')).join()).to.equal('col,col,col,row,row,row,row,row,row');
      await expect(el).to.be.accessible();
    });

    it('partial: the audits’ withheld channels are never drawn as 0', async () => {
      const el = await badge(serve(PARTIAL).adapter, { variant: 'detailed' });
      const bars = [...part(el, 'bars')!.querySelectorAll('li')].map((li) => squash(li.textContent));
      expect(bars.every((bar) => bar.includes('satisfaction'))).to.be.true;
      expect(bars.some((bar) => /\b0\/100/.test(bar))).to.be.false;
      expect(squash(part(el, 'table')!.textContent)).to.contain('non publié (3 audits, trop peu)');
    });
  });

  describe('on the memory adapter: the states as core computes them from ratings and audits', () => {
    const NOW = new Date('2026-11-29T12:00:00Z');
    let sequence = 0;
    /** `count` ratings on a five-level scale, all `score`, on `channel`, in March of `year`. */
    async function rate(adapter: MemoryAdapter, count: number, channel: Channel, score: number, year = 2026) {
      for (let i = 0; i < count; i++) {
        const result = await adapter.submitRating({
          id: crypto.randomUUID(),
          service: 'etat-civil',
          channel,
          source: 'web',
          scale: 'smileys-5',
          score,
          occurredAt: `${year}-03-0${1 + (i % 9)}T10:00:00.000Z`,
        });
        if (!result.ok) throw new Error(result.error.message);
      }
    }
    const audits = (count: number, channel: Channel, met: number, year = 2026): Audit[] =>
      Array.from({ length: count }, () => ({ id: `A-${++sequence}`, date: `${year}-04-02`, channel, criteriaMet: met, criteriaTotal: 4 }));
    const memory = () => createMemoryAdapter({ org: ORG, now: () => NOW });

    it('full: 30 ratings and 5 audits weigh half and half', async () => {
      const adapter = memory();
      await rate(adapter, 20, 'counter', 5); // 100
      await rate(adapter, 10, 'counter', 4); // 75
      adapter.addAudits(ORG, audits(5, 'phone', 3)); // 75
      const el = await badge(adapter, { variant: 'detailed', period: '2026' });
      expect(spoken(el, 'score')).to.equal('83,3 sur 100'); // (91,67 + 75) / 2
      expect(spoken(el, 'basis')).to.equal('D’après 30 avis d’usagers et 5 audits mystère, en 2026.');
      expect(hasPart(el, 'partial')).to.be.false;
      const rows = [...(part(el, 'table') as HTMLTableElement).rows].slice(1, 3).map((row) => [...row.cells].map((cell) => squash(cell.textContent)).join(' | '));
      expect(rows).to.deep.equal(['Accueil physique | aucune donnée | 91,7/100 (30 avis)', 'Téléphone | 75/100 (5 audits) | aucune donnée']);
      await expect(el).to.be.accessible();
    });

    it('partial: ratings without audits rest on satisfaction alone; audits without ratings, on the audits alone', async () => {
      const rated = memory();
      await rate(rated, 30, 'web', 4);
      expect(spoken(await badge(rated, { period: '2026' }), 'partial')).to.match(/^Ce score repose sur la satisfaction des usagers seule/);
      const audited = memory();
      audited.addAudits(ORG, audits(6, 'counter', 4));
      const el = await badge(audited, { period: '2026' });
      expect(spoken(el, 'score')).to.equal('100 sur 100');
      expect(spoken(el, 'partial')).to.equal('Ce score repose sur les audits mystère seuls\u00a0: les avis d’usagers sont trop peu nombreux pour compter (il en faut 30).');
    });

    it('not enough data: 12 ratings and 2 audits', async () => {
      const adapter = memory();
      await rate(adapter, 12, 'web', 5);
      adapter.addAudits(ORG, audits(2, 'web', 4));
      const el = await badge(adapter, { period: '2026', variant: 'detailed' });
      expect(hasPart(el, 'score')).to.be.false;
      expect(spoken(el, 'basis')).to.equal('Pour l’instant, en 2026\u00a0: 12 avis et 2 audits.');
    });

    it('the trend from the year before', async () => {
      const adapter = memory();
      await rate(adapter, 30, 'web', 5); // 100 in 2026
      await rate(adapter, 30, 'web', 4, 2025); // 75 in 2025
      const el = await badge(adapter, { period: '2026', lang: 'en' });
      expect(spoken(el, 'trend')).to.equal('Trend: up 25 points on the previous period');
    });

    it('an org the adapter does not hold: not found', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const el = await fixture<BarometerBadge>(html`<civic-barometer-badge org="autre-ville" lang="fr" .adapter=${memory()}></civic-barometer-badge>`);
        await waitUntil(() => hasPart(el, 'error'), 'the error shows');
        expect(spoken(el, 'error')).to.equal('Ce baromètre est introuvable.');
      } finally {
        console.error = original;
      }
    });
  });

  describe('themes', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('dark: light text on a dark surface, every contrast checked by axe', async () => {
      const el = await badge(serve(FULL).adapter, { variant: 'detailed', theme: 'dark' });
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(22, 22, 22)');
      expect(getComputedStyle(part(el, 'base')!).color).to.equal('rgb(246, 246, 246)');
      await expect(el).to.be.accessible();
    });

    it('dark: the error and its retry button too', async () => {
      const el = await badge(serve(SERVER_ERROR).adapter, { theme: 'dark' });
      await expect(el).to.be.accessible();
    });

    it('auto: follows prefers-color-scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await badge(serve(PARTIAL).adapter, { theme: 'auto' });
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(22, 22, 22)');
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
      await waitUntil(() => getComputedStyle(part(el, 'base')!).backgroundColor === 'rgb(255, 255, 255)', 'light again');
    });

    it('light by default: dark text on white', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await badge(serve(FULL).adapter);
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    });
  });

  describe('on a 320 px phone', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    for (const variant of ['compact', 'card', 'detailed'] as const) {
      it(`${variant}: no horizontal scroll`, async () => {
        await setViewport({ width: 320, height: 640 });
        const el = await badge(serve(FULL).adapter, { variant });
        const base = part(el, 'base')!;
        expect(base.scrollWidth, 'inside the badge').to.be.at.most(base.clientWidth);
        expect(base.getBoundingClientRect().right, 'the badge on the page').to.be.at.most(320);
        expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(320);
      });
    }
  });

  describe('the no-JavaScript fallback', () => {
    it('is hidden once the badge renders', async () => {
      const el = await badge(serve(FULL).adapter, { light: true });
      const link = el.querySelector('a')!;
      expect(link.getClientRects().length).to.equal(0);
      expect(await accessibleNames('link')).to.deep.equal(['Comment ce score est calculé']);
    });

    it('lends its href to the methodology link when the backend gives none that can be linked', async () => {
      const el = await badge(serve({ ...FULL, methodology: 'javascript:alert(1)' }).adapter, { light: true });
      expect(part(el, 'methodology')!.getAttribute('href')).to.equal('https://www.ville-exemple.test/barometre');
      const bare = await badge(serve({ ...FULL, methodology: 'javascript:alert(1)' }).adapter);
      expect(hasPart(bare, 'methodology')).to.be.false;
    });
  });

  it('heading-level sets the title’s level and the breakdown’s one below', async () => {
    const el = await badge(serve(FULL).adapter, { variant: 'detailed', headingLevel: 3 });
    expect(parts(el, 'title').map((title) => title.getAttribute('aria-level')).join()).to.equal('3');
    expect(part(el, 'breakdown')!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
  });
});
