import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import {
  createHttpAdapter,
  createMemoryAdapter,
  type BackendAdapter,
  type MemoryAdapter,
  type SurveyDefinition,
  type SurveyResponse,
} from '@civic-pulse/core';
import './civic-agent-survey.js';
import type { AgentSurvey } from './agent-survey.js';
import { accessibleNames } from '../test-support/a11y.js';
import { goOffline, startNetwork } from '../test-support/network.js';
import { ageQueuedEntries, civicDatabases, forgetOutboxes, outboxOf, queuedEntries } from '../test-support/outbox.js';
import { closeSubmissionOutboxes, enqueueSubmission, watchSubmission } from '../internal/submission-outbox.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const SURVEY = 'qualite-de-service-2027';
const SURVEY_URL = `${ENDPOINT}/v1/surveys/${SURVEY}`;
const DRAFT_KEY = `civic-pulse:survey:${SURVEY}`;
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type MemorySurvey = SurveyDefinition & { id: string };

const LIKERT = [
  { id: 'non', label: 'Pas du tout d’accord' },
  { id: 'plutot-non', label: 'Plutôt pas d’accord' },
  { id: 'plutot-oui', label: 'Plutôt d’accord' },
  { id: 'oui', label: 'Tout à fait d’accord' },
];

/** Four sections: the second only for those who lead a team, the fourth's text only for a heavy workload. */
function definition(overrides: Partial<MemorySurvey> = {}): MemorySurvey {
  return {
    id: SURVEY,
    org: 'ville-exemple',
    title: 'Qualité du service rendu 2027',
    intro: 'Cette enquête interne nous aide à améliorer nos conditions de travail et le service rendu aux habitants.',
    opensAt: at(-1),
    closesAt: at(20),
    sections: [
      {
        id: 'vous',
        title: 'Vous et votre service',
        questions: [
          {
            id: 'direction',
            type: 'single',
            label: 'Votre direction',
            required: true,
            breakdown: true,
            options: [
              { id: 'technique', label: 'Services techniques' },
              { id: 'population', label: 'Services à la population' },
            ],
          },
          { id: 'encadrant', type: 'yesno', label: 'Encadrez-vous une équipe\u202f?', required: true },
          { id: 'charge', type: 'scale', label: 'Votre charge de travail', required: true, min: 1, max: 5, minLabel: 'Légère', maxLabel: 'Très lourde' },
        ],
      },
      {
        id: 'encadrement',
        title: 'Votre équipe',
        showIf: { question: 'encadrant', equals: true },
        questions: [
          {
            id: 'besoins',
            type: 'multiple',
            label: 'De quoi votre équipe manque-t-elle\u202f?',
            required: true,
            max: 2,
            options: [
              { id: 'temps', label: 'De temps' },
              { id: 'outils', label: 'D’outils' },
              { id: 'formation', label: 'De formation' },
            ],
          },
        ],
      },
      {
        id: 'qualite',
        title: 'Le service rendu',
        questions: [
          {
            id: 'perception',
            type: 'matrix',
            label: 'Le service rendu aux habitants',
            required: true,
            options: LIKERT,
            statements: [
              { id: 'delais', label: 'Les délais sont tenus.' },
              { id: 'accueil', label: 'L’accueil est bon.' },
            ],
          },
          {
            id: 'priorites',
            type: 'ranking',
            label: 'Classez ces priorités',
            required: true,
            options: [
              { id: 'effectifs', label: 'Les effectifs' },
              { id: 'locaux', label: 'Les locaux' },
              { id: 'numerique', label: 'Le numérique' },
            ],
          },
          { id: 'allegement', type: 'text', label: 'Que faudrait-il alléger\u202f?', required: false, maxLength: 300, showIf: { question: 'charge', between: [4, 5] } },
        ],
      },
      {
        id: 'idees',
        title: 'Vos idées',
        questions: [{ id: 'idee', type: 'text', label: 'Une idée pour mieux servir les habitants', required: false, maxLength: 500 }],
      },
    ],
    ...overrides,
  };
}

function memory(overrides: Partial<MemorySurvey> = {}) {
  const adapter = createMemoryAdapter({ surveys: [definition(overrides)] });
  const [token, second] = adapter.inviteToSurvey(SURVEY, 2);
  return { adapter, token: token!, second: second! };
}

// Assertions compare strings: a failing chai assertion that prints an element hangs the runner.
const part = (el: AgentSurvey, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const hasPart = (el: AgentSurvey, name: string) => part(el, name) !== null;
const text = (el: AgentSurvey, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const group = (el: AgentSurvey, question: string) => el.shadowRoot!.getElementById(`q-${question}-group`);
const inputs = (el: AgentSurvey, question: string) => [...(group(el, question)?.querySelectorAll<HTMLInputElement>('input') ?? [])];
const questionsShown = (el: AgentSurvey) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="question"]')].map((node) => node.id.replace(/^q-|-group$/g, ''));

/** What has focus inside the element: a part's name, or `radio name=value`. */
function focused(el: AgentSurvey): string {
  const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
  if (!active) return 'nothing';
  if (active.type === 'radio' || active.type === 'checkbox') return `${active.type} ${active.name}=${active.value}`;
  if (active.tagName === 'TEXTAREA') return `textarea ${active.id.replace(/^q-|-input$/g, '')}`;
  return active.getAttribute('part') ?? active.tagName.toLowerCase();
}

const settle = async (el: AgentSurvey) => {
  await el.updateComplete;
  await el.updateComplete;
};

async function surveyFixture(adapter: BackendAdapter | undefined, attributes = '', container?: HTMLElement) {
  const wrapper = container ?? document.createElement('div');
  wrapper.innerHTML = `<civic-agent-survey survey="${SURVEY}" ${attributes}></civic-agent-survey>`;
  const el = wrapper.firstElementChild as AgentSurvey;
  if (adapter) el.adapter = adapter;
  if (container) document.body.append(container);
  else await fixture<AgentSurvey>(el);
  await waitUntil(() => ['title', 'error', 'thanks', 'results'].some((name) => hasPart(el, name)), 'the survey loads');
  await settle(el);
  return el;
}

async function pick(el: AgentSurvey, question: string, value: string | number | boolean) {
  inputs(el, question)
    .find((input) => input.value === String(value))!
    .click();
  await el.updateComplete;
}

/** Chooses `option` for `statement` of a matrix question. */
async function rate(el: AgentSurvey, question: string, statement: string, option: string) {
  inputs(el, question)
    .find((input) => input.name === `${question}.${statement}` && input.value === option)!
    .click();
  await el.updateComplete;
}

async function write(el: AgentSurvey, question: string, value: string) {
  const area = group(el, question)!.querySelector('textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function press(el: AgentSurvey, name: string) {
  part(el, name)!.click();
  await settle(el);
}

/** From the intro: answers the first section (lead a team: `lead`, workload 5) and goes on. */
async function answerFirstSection(el: AgentSurvey, lead = false) {
  if (hasPart(el, 'start')) await press(el, 'start');
  await pick(el, 'direction', 'technique');
  await pick(el, 'encadrant', lead);
  await pick(el, 'charge', 5);
  await press(el, 'next');
}

/** From the quality section: rates both statements, moves a priority, writes what to lighten, goes on. */
async function answerQualitySection(el: AgentSurvey) {
  await rate(el, 'perception', 'delais', 'plutot-non');
  await rate(el, 'perception', 'accueil', 'oui');
  el.shadowRoot!.querySelector<HTMLButtonElement>('[data-option="numerique"] [data-direction="up"]')!.click();
  await el.updateComplete;
  await write(el, 'allegement', 'Les réunions');
  await press(el, 'next');
}

async function sendAndWait<K extends 'civic-survey-submitted' | 'civic-survey-error'>(el: AgentSurvey, type: K) {
  const settled = oneEvent(el, type);
  part(el, 'submit')!.click();
  const event = await settled;
  await settle(el);
  return event as unknown as GlobalEventHandlersEventMap[K];
}

/** Answers and sends while offline, then leaves the page (`leaving` runs before the connection returns). */
async function leaveAnswersQueued(adapter: BackendAdapter, token: string, leaving: () => Promise<void>) {
  const el = await surveyFixture(adapter, `token="${token}"`);
  await answerFirstSection(el);
  await answerQualitySection(el);
  const online = goOffline();
  try {
    part(el, 'submit')!.click();
    await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device');
    el.remove();
    await leaving();
  } finally {
    online();
  }
}

/** Puts `#token=…` in the page's URL, as the invitation link does. */
const setHash = (token: string) => history.replaceState(null, '', token ? `#token=${token}` : location.pathname + location.search);

describe('<civic-agent-survey>', () => {
  before(async function () {
    this.timeout(30_000);
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });
  beforeEach(async () => {
    localStorage.clear();
    await forgetOutboxes();
  });
  afterEach(() => {
    setHash('');
    localStorage.clear();
  });

  describe('the invitation token', () => {
    it('reads the token from the #token= fragment, shows the intro with the anonymity promise, and stores nothing', async () => {
      const { adapter, token } = memory();
      setHash(token);
      const el = await surveyFixture(adapter);
      expect(text(el, 'title')).to.equal('Qualité du service rendu 2027');
      expect(text(el, 'intro')).to.contain('améliorer nos conditions de travail');
      expect(text(el, 'anonymity')).to.contain(
        'Vos réponses sont anonymes\u00a0: le jeton ne sert qu’à vérifier qu’il est utilisé une seule fois\u202f; il n’est pas enregistré avec vos réponses, l’heure non plus\u202f; les résultats ne sont montrés que pour des groupes d’au moins 5 personnes',
      );
      expect(text(el, 'start')).to.equal('Commencer');
      expect(await accessibleNames('heading')).to.deep.equal(['Qualité du service rendu 2027', 'Votre anonymat']);
      expect(localStorage.length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('tells the survey’s own minimum group size', async () => {
      const { adapter, token } = memory({ minimumGroup: 8 });
      const el = await surveyFixture(adapter, `token="${token}"`);
      expect(text(el, 'anonymity')).to.contain('groupes d’au moins 8 personnes');
    });

    it('asks for the token when there is none, checks it is given, and opens the survey with the one typed', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter);
      expect(text(el, 'title')).to.equal('Accès à l’enquête');
      expect(await accessibleNames('textbox')).to.deep.equal(['Jeton d’invitation']);
      await expect(el).to.be.accessible();

      await press(el, 'token-submit');
      expect(text(el, 'field-error')).to.equal('Saisissez votre jeton d’invitation.');
      expect(focused(el)).to.equal('token-input');
      await expect(el).to.be.accessible();

      part(el, 'token-input')!.focus();
      await sendKeys({ type: token });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el, 'title') === 'Qualité du service rendu 2027', 'the survey opens');
      await settle(el);
      expect(focused(el)).to.equal('title');
      expect(localStorage.length).to.equal(0);
    });

    it('says an unknown token is not recognised and lets the agent type it again', async () => {
      const { adapter, token } = memory();
      setHash('pas-un-jeton');
      const el = await surveyFixture(adapter);
      expect(text(el, 'error')).to.equal(
        'Ce jeton d’invitation n’est pas reconnu pour cette enquête. Vérifiez-le (un caractère manque peut-être) puis saisissez-le de nouveau.',
      );
      expect(part(el, 'token-input')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      (part(el, 'token-input') as HTMLInputElement).value = token;
      await press(el, 'token-submit');
      await waitUntil(() => hasPart(el, 'start'), 'the survey opens');
    });

    it('says a used token has already served, and offers no form', async () => {
      const { adapter, token } = memory();
      await adapter.submitSurveyResponse(SURVEY, token, { id: crypto.randomUUID(), answers: { direction: 'technique', encadrant: false, charge: 2, perception: { delais: 'oui', accueil: 'oui' }, priorites: ['effectifs', 'locaux', 'numerique'] } });
      const el = await surveyFixture(adapter, `token="${token}"`);
      expect(text(el, 'error')).to.contain('Ce jeton d’invitation a déjà servi');
      expect(hasPart(el, 'token-form')).to.be.false;
      expect(hasPart(el, 'start')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says when a survey not yet open opens, and a closed one is closed, with no form', async () => {
      const scheduled = memory({ opensAt: at(3), closesAt: at(10) });
      let el = await surveyFixture(scheduled.adapter, `token="${scheduled.token}"`);
      expect(text(el, 'dates')).to.contain('Cette enquête n’est pas encore ouverte\u00a0: vous pourrez y répondre du ');
      expect(hasPart(el, 'start')).to.be.false;
      await expect(el).to.be.accessible();

      const closed = memory({ opensAt: at(-10), closesAt: at(-1) });
      el = await surveyFixture(closed.adapter, `token="${closed.token}"`);
      expect(text(el, 'dates')).to.contain('Cette enquête est close depuis le');
      expect(hasPart(el, 'start')).to.be.false;
      await expect(el).to.be.accessible();
    });
  });

  describe('answering', () => {
    it('goes through the sections one at a time, with their progress, focus on each section’s title', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      expect(text(el, 'progress')).to.equal('Partie 1 sur 3');
      expect(await accessibleNames('progressbar')).to.deep.equal(['Partie 1 sur 3']);
      expect(text(el, 'section-title')).to.equal('Vous et votre service');
      expect(focused(el)).to.equal('section-title');
      expect(questionsShown(el)).to.deep.equal(['direction', 'encadrant', 'charge']);
      expect(hasPart(el, 'previous')).to.be.false;
      expect(text(el, 'next')).to.equal('Partie suivante');
      await expect(el).to.be.accessible();

      await answerFirstSection(el);
      expect(text(el, 'section-title')).to.equal('Le service rendu');
      expect(text(el, 'progress')).to.equal('Partie 2 sur 3');
      expect(text(el, 'status')).to.equal('Partie 2 sur 3\u00a0: Le service rendu');
      expect(focused(el)).to.equal('section-title');
      await press(el, 'previous');
      expect(focused(el)).to.equal('section-title');
      expect(text(el, 'section-title')).to.equal('Vous et votre service');
      expect(inputs(el, 'direction')[0]!.checked).to.be.true;
    });

    it('asks a section only when its condition holds, counting it in the progress', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      await pick(el, 'encadrant', true);
      expect(text(el, 'progress')).to.equal('Partie 1 sur 4');
      await answerFirstSection(el, true);
      expect(text(el, 'section-title')).to.equal('Votre équipe');
      expect(text(el, 'progress')).to.equal('Partie 2 sur 4');
      expect(text(el, 'question')).to.contain('Nombre de réponses à choisir\u00a0: au plus 2.');
    });

    it('asks a question only when its condition holds', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      await pick(el, 'direction', 'population');
      await pick(el, 'encadrant', false);
      await pick(el, 'charge', 2);
      await press(el, 'next');
      expect(questionsShown(el)).to.deep.equal(['perception', 'priorites']);
      await press(el, 'previous');
      await pick(el, 'charge', 4);
      await press(el, 'next');
      expect(questionsShown(el)).to.deep.equal(['perception', 'priorites', 'allegement']);
    });

    it('will not go on without the required answers: the summary takes focus and links each question', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      await pick(el, 'direction', 'technique');
      await press(el, 'next');
      expect(focused(el)).to.equal('error-summary');
      expect(text(el, 'section-title')).to.equal('Vous et votre service');
      expect(text(el, 'error-summary')).to.equal(
        'À compléter ou à corriger\u00a0: Encadrez-vous une équipe\u202f?\u00a0: Répondez à cette question. Votre charge de travail\u00a0: Répondez à cette question.',
      );
      expect(inputs(el, 'encadrant')[0]!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      part(el, 'error-summary')!.querySelector('a')!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal('radio encadrant=true');
      await pick(el, 'encadrant', false);
      await pick(el, 'charge', 3);
      expect(hasPart(el, 'error-summary')).to.be.false;
    });

    it('asks a matrix as one group per statement, each option a named radio, and wants every statement answered', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      const statements = [...group(el, 'perception')!.querySelectorAll('[part~="statement"]')].map((node) => node.querySelector('legend')!.textContent!.trim());
      expect(statements).to.deep.equal(['Les délais sont tenus.', 'L’accueil est bon.']);
      const radios = await accessibleNames('radio');
      expect(radios.slice(0, 4)).to.deep.equal(LIKERT.map(({ label }) => label));
      expect(radios.length).to.equal(8);
      await expect(el).to.be.accessible();

      await rate(el, 'perception', 'delais', 'oui');
      await press(el, 'next');
      expect(text(el, 'error-summary')).to.contain('Le service rendu aux habitants\u00a0: Répondez pour chaque affirmation.');
      const invalid = inputs(el, 'perception').filter((input) => input.getAttribute('aria-invalid') === 'true').map((input) => input.name);
      expect([...new Set(invalid)]).to.deep.equal(['perception.accueil']);
      await expect(el).to.be.accessible();
    });

    it('sends every type of answer, as the server takes it, and thanks the agent', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el, true);
      await pick(el, 'besoins', 'temps');
      await pick(el, 'besoins', 'formation');
      await press(el, 'next');
      await answerQualitySection(el);
      expect(text(el, 'section-title')).to.equal('Vos idées');
      expect(text(el, 'submit')).to.equal('Envoyer mes réponses');
      await write(el, 'idee', 'Un guichet unique');
      const sent = await sendAndWait(el, 'civic-survey-submitted');
      expect(sent.survey).to.equal(SURVEY);
      expect(adapter.surveyResponses(SURVEY)).to.deep.equal([
        {
          direction: 'technique',
          encadrant: true,
          charge: 5,
          besoins: ['temps', 'formation'],
          perception: { delais: 'plutot-non', accueil: 'oui' },
          priorites: ['effectifs', 'numerique', 'locaux'],
          allegement: 'Les réunions',
          idee: 'Un guichet unique',
        },
      ]);
      expect(text(el, 'thanks')).to.contain('Merci, vos réponses ont bien été enregistrées.');
      expect(text(el, 'status')).to.equal('Merci, vos réponses ont bien été enregistrées.');
      expect(focused(el)).to.equal('thanks');
      await expect(el).to.be.accessible();
    });

    it('can be completed with the keyboard alone', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      const tabTo = async (name: string) => {
        for (let i = 0; i < 30 && focused(el) !== name; i++) await sendKeys({ press: 'Tab' });
        expect(focused(el)).to.equal(name);
      };
      const activate = async (name: string) => {
        await tabTo(name);
        await sendKeys({ press: 'Enter' });
        await settle(el);
      };
      part(el, 'title')!.focus();
      await activate('start');
      expect(focused(el)).to.equal('section-title');
      await tabTo('radio direction=technique');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      expect(focused(el)).to.equal('radio encadrant=true');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await activate('next');
      expect(text(el, 'section-title')).to.equal('Le service rendu');
      await tabTo('radio perception.delais=non');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('radio perception.accueil=non');
      await sendKeys({ press: 'ArrowRight' });
      await tabTo('checkbox =on');
      await sendKeys({ press: 'Space' });
      await activate('next');
      await activate('submit');
      await waitUntil(() => hasPart(el, 'thanks'), 'sent');
      expect(adapter.surveyResponses(SURVEY)).to.deep.equal([
        { direction: 'population', encadrant: false, charge: 2, perception: { delais: 'non', accueil: 'plutot-non' }, priorites: ['effectifs', 'locaux', 'numerique'] },
      ]);
      expect(focused(el)).to.equal('thanks');
    });
  });

  describe('states in between', () => {
    /** A memory adapter whose answers the test gives when it wants, to look at loading and sending. */
    function held(base: MemoryAdapter) {
      const waiting: (() => void)[] = [];
      const hold = <T>(call: () => Promise<T>) => new Promise<T>((resolve) => waiting.push(() => void call().then(resolve)));
      const adapter: BackendAdapter = {
        ...base,
        getSurvey: (...args) => hold(() => base.getSurvey(...args)),
        submitSurveyResponse: (...args) => hold(() => base.submitSurveyResponse(...args)),
      };
      return { adapter, release: () => waiting.splice(0).forEach((go) => go()) };
    }

    it('says it is loading, then shows the survey', async () => {
      const { adapter: base, token } = memory();
      const { adapter, release } = held(base);
      const el = document.createElement('civic-agent-survey');
      el.survey = SURVEY;
      el.token = token;
      el.adapter = adapter;
      await fixture(el);
      expect(text(el, 'base')).to.equal('Chargement de l’enquête…');
      await expect(el).to.be.accessible();
      release();
      await waitUntil(() => hasPart(el, 'start'), 'the survey loads');
    });

    it('says it is sending, locks the answers, and announces the outcome', async () => {
      const { adapter: base, token } = memory();
      const { adapter, release } = held(base);
      const el = document.createElement('civic-agent-survey');
      el.survey = SURVEY;
      el.token = token;
      el.adapter = adapter;
      await fixture(el);
      release();
      await waitUntil(() => hasPart(el, 'start'), 'the survey loads');
      await answerFirstSection(el);
      await answerQualitySection(el);
      part(el, 'submit')!.click();
      await waitUntil(() => text(el, 'submit') === 'Envoi de vos réponses…', 'sending');
      expect(text(el, 'status')).to.equal('Envoi de vos réponses…');
      expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
      expect(hasPart(el, 'previous')).to.be.false;
      expect((group(el, 'idee')!.querySelector('textarea') as HTMLTextAreaElement).disabled).to.be.true;
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'civic-survey-submitted');
      release();
      await sent;
      await settle(el);
      expect(hasPart(el, 'thanks')).to.be.true;
    });

    it('says it is not configured without a backend, and tells the webmaster', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        const el = await surveyFixture(undefined, 'token="x"');
        expect(text(el, 'error')).to.contain('Ce module d’enquête n’est pas configuré');
        expect(String(errors[0]?.[0])).to.contain('<civic-agent-survey> needs a survey id and a backend');
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });

    it('puts its headings at the level the page asks for', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}" heading-level="3"`);
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('3');
      await press(el, 'start');
      expect(part(el, 'section-title')!.getAttribute('aria-level')).to.equal('4');
    });
  });

  describe('the draft', () => {
    it('keeps nothing until the agent answers, then keeps the answers and the section reached', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      await pick(el, 'direction', 'technique');
      const draft = JSON.parse(localStorage.getItem(DRAFT_KEY)!);
      expect(draft.token).to.equal(token);
      expect(draft.answers).to.deep.equal({ direction: 'technique' });
      expect(draft.section).to.equal('vous');
      expect(draft.responseId).to.match(/^[0-9a-f-]{36}$/);
      expect(draft.attempted).to.equal(false);
    });

    it('resumes at the saved section with the answers in place after a reload, and says so', async () => {
      const { adapter, token } = memory();
      setHash(token);
      let el = await surveyFixture(adapter);
      await answerFirstSection(el);
      await rate(el, 'perception', 'delais', 'oui');
      el.remove();

      el = await surveyFixture(adapter);
      expect(text(el, 'resumed')).to.equal('Brouillon repris\u00a0: les réponses gardées sur cet appareil sont rétablies.');
      expect(text(el, 'status')).to.equal(text(el, 'resumed'));
      expect(text(el, 'section-title')).to.equal('Le service rendu');
      expect(text(el, 'progress')).to.equal('Partie 2 sur 3');
      expect(inputs(el, 'perception').find((input) => input.checked)?.value).to.equal('oui');
      await expect(el).to.be.accessible();
      await press(el, 'previous');
      expect(inputs(el, 'charge').find((input) => input.checked)?.value).to.equal('5');
      expect(hasPart(el, 'resumed')).to.be.false;
    });

    it('resumes with a token typed before the reload, which is not in the URL', async () => {
      const { adapter, token } = memory();
      let el = await surveyFixture(adapter);
      (part(el, 'token-input') as HTMLInputElement).value = token;
      await press(el, 'token-submit');
      await waitUntil(() => hasPart(el, 'start'), 'the survey opens');
      await answerFirstSection(el);
      el.remove();

      el = await surveyFixture(adapter);
      expect(text(el, 'section-title')).to.equal('Le service rendu');
    });

    it('is deleted once the answers are sent', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      expect(localStorage.getItem(DRAFT_KEY)).to.not.equal(null);
      await sendAndWait(el, 'civic-survey-submitted');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('before sending, takes the agent back to a part whose answers the draft lacks', async () => {
      const { adapter, token } = memory();
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ token, section: 'idees', responseId: crypto.randomUUID(), attempted: false, answers: { direction: 'technique', encadrant: false, perception: { delais: 'oui', accueil: 'oui' }, priorites: ['effectifs', 'locaux', 'numerique'] } }));
      const el = await surveyFixture(adapter, `token="${token}"`);
      expect(text(el, 'section-title')).to.equal('Vos idées');
      await press(el, 'submit');
      expect(text(el, 'section-title')).to.equal('Vous et votre service');
      expect(text(el, 'error-summary')).to.contain('Votre charge de travail\u00a0: Répondez à cette question.');
      expect(focused(el)).to.equal('error-summary');
      expect(adapter.surveyResponses(SURVEY).length).to.equal(0);
    });

    it('is erased on request, for a shared computer: nothing left on the device, back to the start, said and focused', async () => {
      const { adapter, token } = memory();
      let el = await surveyFixture(adapter, `token="${token}"`);
      await press(el, 'start');
      expect(hasPart(el, 'forget')).to.be.false;
      await answerFirstSection(el);
      expect(text(el, 'forget')).to.equal('Effacer mes réponses de cet appareil');
      await press(el, 'forget');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(hasPart(el, 'start')).to.be.true;
      expect(text(el, 'status')).to.equal('Vos réponses sont effacées de cet appareil. Votre invitation reste valable\u00a0: vous pouvez recommencer quand vous voulez.');
      expect(focused(el)).to.equal('title');
      await expect(el).to.be.accessible();
      await press(el, 'start');
      expect(inputs(el, 'direction').some((input) => input.checked)).to.be.false;
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);

      el.remove();
      el = await surveyFixture(adapter, `token="${token}"`);
      expect(hasPart(el, 'resumed')).to.be.false;
    });

    it('is not taken up with another token', async () => {
      const { adapter, token, second } = memory();
      let el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      el.remove();
      el = await surveyFixture(adapter, `token="${second}"`);
      expect(hasPart(el, 'start')).to.be.true;
      expect(hasPart(el, 'resumed')).to.be.false;
    });
  });

  describe('sending', () => {
    /** A memory adapter whose first send is recorded but whose reply is lost on the way back. */
    function replyLost(base: MemoryAdapter) {
      const ids: string[] = [];
      const adapter: BackendAdapter = {
        ...base,
        getSurvey: (...args) => base.getSurvey(...args),
        submitSurveyResponse: async (survey, token, response, options) => {
          ids.push(response.id);
          const result = await base.submitSurveyResponse(survey, token, response, options);
          return ids.length === 1 && result.ok ? { ok: false, error: { kind: 'network', code: 'network', message: 'The reply was lost.' } } : result;
        },
      };
      return { adapter, ids };
    }

    /** A memory adapter that opens the survey but refuses every send: someone else has used the token. */
    const usedElsewhere = (base: MemoryAdapter): BackendAdapter => ({
      ...base,
      getSurvey: (...args) => base.getSurvey(...args),
      submitSurveyResponse: async () => ({ ok: false, error: { kind: 'forbidden', code: 'token-used', message: 'Used.', status: 403 } }),
    });

    it('keeps the answers on the device when a reply is lost, then reads the used token its retry meets as sent, and deletes the draft', async () => {
      const { adapter: base, token } = memory();
      const { adapter, ids } = replyLost(base);
      const el = await surveyFixture(adapter, `token="${token}"`);
      const errors: Event[] = [];
      el.addEventListener('civic-survey-error', (event) => errors.push(event));
      await answerFirstSection(el);
      await answerQualitySection(el);
      const sent = oneEvent(el, 'civic-survey-submitted');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device');
      expect(text(el, 'queued')).to.contain('Vos réponses sont enregistrées sur cet appareil');
      expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).attempted, 'the draft stays until the answers are acknowledged').to.equal(true);
      expect((await sent).receipt).to.equal(undefined);
      await settle(el);
      expect(ids).to.have.length(2);
      expect(ids[1]).to.equal(ids[0]);
      expect(text(el, 'thanks')).to.contain('Merci');
      expect(focused(el)).to.equal('thanks');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(base.surveyResponses(SURVEY).length).to.equal(1);
      expect(errors).to.have.length(0);
    });

    it('after a reload, reads the used token of its own lost attempt as success', async () => {
      const { adapter: base, token } = memory();
      const { adapter } = replyLost(base);
      let el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device');
      el.remove();
      closeSubmissionOutboxes(); // the page is left before the outbox's retry
      el = await surveyFixture(adapter, `token="${token}"`);
      expect(text(el, 'thanks')).to.contain('Merci, vos réponses ont bien été enregistrées.');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      await expect(el).to.be.accessible();
      // The outbox that the reload resumed reads its retry's used token as sent, and forgets the answers and the token.
      await waitUntil(async () => (await queuedEntries()).length === 0, 'the outbox is emptied');
      expect(base.surveyResponses(SURVEY).length).to.equal(1);
    });

    it('says a used token is used when no attempt of this device could have used it, and deletes the draft', async () => {
      const { adapter: base, token } = memory();
      // Someone else answered with the same invitation since it opened the survey here.
      const adapter = usedElsewhere(base);
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      const failed = await sendAndWait(el, 'civic-survey-error');
      expect(failed.error.code).to.equal('token-used');
      expect(text(el, 'error')).to.contain('Ce jeton d’invitation a déjà servi');
      expect(hasPart(el, 'thanks')).to.be.false;
      expect(focused(el)).to.equal('error');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(await queuedEntries()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('after a reload, sends by itself the answers an earlier page kept on the device, which never reached the server', async () => {
      const { adapter, token } = memory();
      const responseId = crypto.randomUUID();
      const answers = { direction: 'technique', encadrant: false, charge: 2, perception: { delais: 'oui', accueil: 'oui' }, priorites: ['effectifs', 'locaux', 'numerique'] };
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ token, section: 'idees', responseId, attempted: false, queued: true, answers }));
      const el = await surveyFixture(adapter, `token="${token}"`);
      await waitUntil(() => hasPart(el, 'thanks'), 'the answers are sent without the agent sending them again');
      expect(adapter.surveyResponses(SURVEY)).to.deep.equal([answers]);
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('after a reload, watches the answers the page’s outbox sends by itself rather than queue them again into a used token', async () => {
      const { adapter: base, token } = memory();
      const calls: string[] = [];
      // The second page's survey and the outbox's request are held, to take up the draft while the
      // outbox's request is in flight, and to answer it just as the element takes the answers up.
      const holds = { survey: undefined as (() => void) | undefined, request: undefined as (() => void) | undefined, on: false };
      const hold = <T>(name: 'survey' | 'request', call: () => Promise<T>) =>
        holds.on ? new Promise<T>((resolve) => (holds[name] = () => void call().then(resolve))) : call();
      const adapter: BackendAdapter = {
        ...base,
        getSurvey: (...args) => hold('survey', () => base.getSurvey(...args)),
        // The outbox's request is recorded; a second one with the same token would be refused as used.
        submitSurveyResponse: (...args) => (calls.push(args[2].id), hold('request', () => base.submitSurveyResponse(...args))),
      };
      await leaveAnswersQueued(adapter, token, async () => closeSubmissionOutboxes()); // its entry and draft stay on the device
      holds.on = true;
      const errors: Event[] = [];
      const wrapper = document.createElement('div');
      wrapper.addEventListener('civic-survey-error', (event) => errors.push(event));
      wrapper.innerHTML = `<civic-agent-survey survey="${SURVEY}" token="${token}"></civic-agent-survey>`;
      const el = wrapper.firstElementChild as AgentSurvey;
      el.adapter = adapter;
      document.body.append(wrapper);
      const { setItem } = Storage.prototype;
      try {
        await waitUntil(() => holds.request && holds.survey, 'the outbox sends what the last page left while the survey loads', { timeout: 5000 });
        // The outbox's request is answered once the element takes the draft up: as it writes it
        // again to queue the answers, or as it says it is sending them.
        Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
          setItem.call(this, key, value);
          if (key === DRAFT_KEY) holds.request?.();
        };
        holds.survey!();
        await waitUntil(() => hasPart(el, 'thanks') || text(el, 'status') === 'Envoi de vos réponses…', 'the element takes the answers up', { timeout: 5000 });
        holds.request!();
        await waitUntil(() => hasPart(el, 'thanks') || hasPart(el, 'error'), 'the answers are settled', { timeout: 5000 });
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(calls.length, 'sent once, by the outbox').to.equal(1);
      expect(errors.length, 'no used-token error of its own').to.equal(0);
      expect(hasPart(el, 'thanks') && !hasPart(el, 'error'), 'thanked').to.equal(true);
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(await queuedEntries()).to.deep.equal([]);
      wrapper.remove();
    });

    it('after a reload, does not take a used token for its own when its answers never left the device', async () => {
      const { adapter: base, token } = memory();
      // Someone else answered with the same invitation while these answers waited, offline.
      const adapter = usedElsewhere(base);
      await leaveAnswersQueued(adapter, token, async () => {
        const draft = JSON.parse(localStorage.getItem(DRAFT_KEY)!);
        expect(draft.queued, 'a reload sends them on').to.equal(true);
        expect(draft.attempted, 'no request left the device').to.equal(false);
        await forgetOutboxes(); // the outbox's entry is lost (memory-only storage, then a reload)
      });
      const el = await surveyFixture(adapter, `token="${token}"`);
      await waitUntil(() => hasPart(el, 'error'), 'the answers sent again are refused', { timeout: 5000 });
      expect(text(el, 'error')).to.contain('Ce jeton d’invitation a déjà servi');
      expect(hasPart(el, 'thanks')).to.be.false;
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('marks its answers as tried once a request may have left, so that a reload reads its used token as its own', async () => {
      const { adapter: base, token } = memory();
      let el = await surveyFixture(base, `token="${token}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      const adapter: BackendAdapter = {
        ...base,
        getSurvey: (...args) => base.getSurvey(...args),
        // Recorded, but the reply is lost.
        submitSurveyResponse: async (...args) => (await base.submitSurveyResponse(...args), { ok: false, error: { kind: 'timeout', code: 'timeout', message: 'Lost.' } }),
      };
      el.adapter = adapter;
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device');
      expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).attempted).to.equal(true);
      el.remove();
      await forgetOutboxes();
      el = await surveyFixture(base, `token="${token}"`);
      expect(text(el, 'thanks')).to.contain('Merci, vos réponses ont bien été enregistrées.');
      expect(base.surveyResponses(SURVEY).length).to.equal(1);
    });

    it('says a survey closed meanwhile is closed', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      adapter.closeSurvey(SURVEY);
      await sendAndWait(el, 'civic-survey-error');
      expect(text(el, 'error')).to.equal('Cette enquête est close\u00a0: vos réponses n’ont pas pu être enregistrées.');
      await expect(el).to.be.accessible();
    });
  });

  describe('over the network', () => {
    let worker: Awaited<ReturnType<typeof startNetwork>>;
    const httpAdapter = () => createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 });
    /** The outbox of that backend, which every HTTP adapter for it shares. */
    const OUTBOX = outboxOf(ENDPOINT, 'ville-exemple');
    const TOKEN = 'jeton-de-test-0001';

    before(async () => {
      worker = await startNetwork();
    });
    beforeEach(() => worker.use(http.get(SURVEY_URL, () => HttpResponse.json({ ...definition(), status: 'open' }))));
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('sends the token in the Authorization header only', async () => {
      let authorization = '';
      worker.use(http.get(SURVEY_URL, ({ request }) => ((authorization = request.headers.get('Authorization') ?? ''), HttpResponse.json({ ...definition(), status: 'open' }))));
      await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      expect(authorization).to.equal(`Bearer ${TOKEN}`);
    });

    it('keeps the answers and the token on the device when offline, says so, and sends the same response once online', async () => {
      const sent: SurveyResponse[] = [];
      worker.use(http.post(`${SURVEY_URL}/responses`, async ({ request }) => (sent.push((await request.json()) as SurveyResponse), HttpResponse.error())));
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      expect(await civicDatabases(), 'nothing in IndexedDB before the agent sends').to.deep.equal([]);
      const errors: Event[] = [];
      el.addEventListener('civic-survey-error', (event) => errors.push(event));
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device', { timeout: 5000 });
      expect(text(el, 'queued')).to.contain('Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
      expect(text(el, 'queued')).to.contain('cet appareil garde vos réponses et votre jeton d’invitation');
      expect(text(el, 'status')).to.equal('Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
      expect(focused(el)).to.equal('queued');
      expect(hasPart(el, 'retry')).to.be.false;
      expect(errors).to.have.length(0);
      const [entry] = await queuedEntries(OUTBOX);
      expect(entry!.key).to.equal(`survey-response:${sent[0]!.id}`);
      expect((entry!.payload as { token: string }).token, 'the token waits with the answers').to.equal(TOKEN);
      expect(entry!.tried, 'marked before the first attempt left').to.equal(true);
      expect(localStorage.getItem(DRAFT_KEY)).to.not.equal(null);
      await expect(el).to.be.accessible();

      worker.use(
        http.post(`${SURVEY_URL}/responses`, async ({ request }) => {
          const response = (await request.json()) as SurveyResponse;
          sent.push(response);
          return HttpResponse.json({ id: response.id, receivedOn: new Date().toISOString().slice(0, 10) }, { status: 201 });
        }),
      );
      const done = oneEvent(el, 'civic-survey-submitted');
      window.dispatchEvent(new Event('online'));
      await done;
      await settle(el);
      expect(sent.at(-1)!.id).to.equal(sent[0]!.id);
      expect(sent.at(-1)!.answers).to.deep.equal(sent[0]!.answers);
      expect(focused(el)).to.equal('thanks');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
      expect(await queuedEntries(OUTBOX), 'the token is deleted with the item').to.deep.equal([]);
    });

    it('says answers kept too long on the device were dropped for that, not that the server was slow', async () => {
      worker.use(http.post(`${SURVEY_URL}/responses`, () => HttpResponse.error()));
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device', { timeout: 5000 });
      await ageQueuedEntries(OUTBOX, 15);
      const dropped = oneEvent(el, 'civic-survey-error');
      window.dispatchEvent(new Event('online'));
      const { error } = await dropped;
      await settle(el);
      expect(error.code).to.equal('expired');
      expect(text(el, 'error')).to.equal(
        'Vos réponses n’ont pas pu être envoyées\u00a0: elles sont restées trop longtemps sur cet appareil sans atteindre le serveur, et en ont été effacées avec votre jeton. Réessayez pour les envoyer à nouveau.',
      );
      expect(localStorage.getItem(DRAFT_KEY), 'the draft and its token go with the entry').to.equal(null);
      expect(hasPart(el, 'retry'), 'the answers, still on the page, can be sent again').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('says in English that the answers are kept on this device', async () => {
      worker.use(http.post(`${SURVEY_URL}/responses`, () => HttpResponse.error()));
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}" lang="en"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device', { timeout: 5000 });
      expect(text(el, 'queued')).to.contain('Your answers are saved on this device and will be sent as soon as the connection is back.');
    });

    it('when rate limited, keeps the answers on the device and sends them again only after Retry-After', async () => {
      const times: number[] = [];
      worker.use(
        http.post(`${SURVEY_URL}/responses`, async ({ request }) => {
          times.push(performance.now());
          const response = (await request.json()) as SurveyResponse;
          return HttpResponse.json({ id: response.id, receivedOn: new Date().toISOString().slice(0, 10) }, { status: 201 });
        }),
      );
      worker.use(
        http.post(
          `${SURVEY_URL}/responses`,
          () => (times.push(performance.now()), HttpResponse.json({ error: { code: 'rate-limited', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '1' } })),
          { once: true },
        ),
      );
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      const done = oneEvent(el, 'civic-survey-submitted');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers are kept on the device', { timeout: 3000 });
      expect(text(el, 'queued')).to.contain('Vos réponses sont enregistrées sur cet appareil et seront envoyées automatiquement dans un instant.');
      await done;
      expect(times).to.have.length(2);
      expect(times[1]! - times[0]!).to.be.at.least(990);
    });

    it('offers to load the survey again when the connection failed', async () => {
      worker.use(http.get(SURVEY_URL, () => HttpResponse.error(), { once: true }));
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      expect(text(el, 'error')).to.equal('L’enquête n’a pas pu être chargée. Vérifiez votre connexion puis réessayez.');
      await expect(el).to.be.accessible();
      await press(el, 'retry');
      await waitUntil(() => hasPart(el, 'start'), 'the survey loads');
      expect(focused(el)).to.equal('title');
    });

    it('names the questions whose answers the server refused', async () => {
      worker.use(
        http.post(`${SURVEY_URL}/responses`, () =>
          HttpResponse.json({ error: { code: 'invalid-body', message: 'No.', fields: [{ path: 'answers.charge', message: 'out of range' }] } }, { status: 400 }),
        ),
      );
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      await sendAndWait(el, 'civic-survey-error');
      expect(text(el, 'error')).to.equal('Vos réponses n’ont pas pu être enregistrées. À vérifier\u00a0: Votre charge de travail');
      expect(hasPart(el, 'previous')).to.be.true;
    });

    it('reads the 403 token-used that the outbox’s retry meets, after a reply lost, as success', async () => {
      let stored = 0;
      // msw tries the handlers of one use() call in their order: the lost reply once, then the used token.
      worker.use(
        http.post(`${SURVEY_URL}/responses`, () => (stored++, HttpResponse.error()), { once: true }),
        http.post(`${SURVEY_URL}/responses`, () => HttpResponse.json({ error: { code: 'token-used', message: 'Used.' } }, { status: 403 })),
      );
      // The adapter's own retries are not used for a survey (see core's outbox kinds): the outbox retries.
      const el = await surveyFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 1, retryDelay: 10 }), `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      const sent = await sendAndWait(el, 'civic-survey-submitted');
      expect(stored).to.equal(1);
      expect(sent.receipt).to.equal(undefined);
      expect(text(el, 'thanks')).to.contain('Merci');
      expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('does not count its response as tried when a rating ahead of it in the outbox is the one that fails', async () => {
      let surveyPosts = 0;
      worker.use(
        http.post(`${ENDPOINT}/v1/orgs/ville-exemple/ratings`, () => HttpResponse.json({ error: { code: 'server', message: 'Down.' } }, { status: 503 })),
        http.post(`${SURVEY_URL}/responses`, () => (surveyPosts++, HttpResponse.error())),
      );
      // A rating of the page, given through the same adapter, waits at the head of the outbox.
      const adapter = httpAdapter();
      const ratingId = crypto.randomUUID();
      let ratingWaits = 0;
      watchSubmission(OUTBOX, 'rating', ratingId, { sent: () => undefined, dropped: () => undefined, waiting: () => ratingWaits++ });
      const rating = { id: ratingId, service: 'etat-civil', channel: 'web', source: 'widget', scale: 'smileys-3', score: 3, occurredAt: new Date().toISOString() } as const;
      await enqueueSubmission(adapter, OUTBOX, { kind: 'rating', payload: rating });
      await waitUntil(() => ratingWaits > 0, 'the rating’s try gets a 503', { timeout: 3000 });
      const el = await surveyFixture(adapter, `token="${TOKEN}"`);
      await answerFirstSection(el);
      await answerQualitySection(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the answers wait behind the rating', { timeout: 3000 });
      expect(surveyPosts, 'no request of the survey left').to.equal(0);
      expect(String(JSON.parse(localStorage.getItem(DRAFT_KEY)!).attempted), 'the draft does not say a request may have used the token').to.equal('false');
    });

    it('reads the server’s 403 token-used as the used-token message', async () => {
      worker.use(http.get(SURVEY_URL, () => HttpResponse.json({ error: { code: 'token-used', message: 'Used.' } }, { status: 403 })));
      const el = await surveyFixture(httpAdapter(), `token="${TOKEN}"`);
      expect(text(el, 'error')).to.contain('Ce jeton d’invitation a déjà servi');
    });
  });

  describe('the manager’s view (results)', () => {
    it('reads the results with the read token and shows them in <civic-survey-results>, in its language and heading level', async () => {
      const { adapter, token } = memory();
      await adapter.submitSurveyResponse(SURVEY, token, { id: crypto.randomUUID(), answers: { direction: 'technique', encadrant: false, charge: 2, perception: { delais: 'oui', accueil: 'oui' }, priorites: ['effectifs', 'locaux', 'numerique'] } });
      const reader = adapter.issueSurveyReader(SURVEY);
      const el = await surveyFixture(adapter, `results token="${reader}" heading-level="3" lang="en"`);
      await waitUntil(() => el.shadowRoot!.querySelector('civic-survey-results')?.shadowRoot?.textContent, 'the results view renders');
      const view = el.shadowRoot!.querySelector('civic-survey-results')!;
      expect(view.results?.received).to.equal(1);
      expect(view.getAttribute('lang')).to.equal('en');
      expect(view.getAttribute('heading-level')).to.equal('3');
      expect(localStorage.length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('asks for the read token when there is none, and says an invitation token does not open the results', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, 'results');
      expect(hasPart(el, 'token-form')).to.be.true;
      (part(el, 'token-input') as HTMLInputElement).value = token;
      await press(el, 'token-submit');
      await waitUntil(() => hasPart(el, 'error'), 'refused');
      expect(text(el, 'error')).to.contain('n’est pas reconnu');
      expect(hasPart(el, 'token-form')).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow columns and languages', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits a 320 px intranet column, matrix included, with 44 px touch targets', async () => {
      const { adapter, token } = memory();
      const column = document.createElement('div');
      column.style.width = '320px';
      const el = await surveyFixture(adapter, `token="${token}"`, column);
      const fits = () => part(el, 'base')!.scrollWidth <= 320 && el.getBoundingClientRect().width <= 320;
      expect(fits()).to.be.true;
      await answerFirstSection(el);
      expect(fits()).to.be.true;
      const small = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, [part="choice"]')]
        .map((node) => node.getBoundingClientRect())
        .filter(({ height, width }) => height < 44 || width < 44);
      expect(small.length).to.equal(0);
      column.remove();
    });

    it('fits a phone', async () => {
      await setViewport({ width: 360, height: 640 });
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}"`);
      await answerFirstSection(el);
      expect(document.documentElement.scrollWidth <= 360).to.be.true;
    });

    it('speaks English when asked, the anonymity promise and the matrix included', async () => {
      const { adapter, token } = memory();
      const el = await surveyFixture(adapter, `token="${token}" lang="en"`);
      expect(text(el, 'anonymity')).to.contain('Your answers are anonymous: the token only serves to check that it is used once');
      expect(text(el, 'start')).to.equal('Start');
      await press(el, 'start');
      expect(text(el, 'progress')).to.equal('Part 1 of 3');
      expect(inputs(el, 'encadrant').map((input) => input.parentElement!.textContent!.trim())).to.deep.equal(['Yes', 'No']);
      expect(text(el, 'question')).to.contain('(required)');
      await expect(el).to.be.accessible();
    });
  });
});
