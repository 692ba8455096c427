import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import {
  configure,
  createHttpAdapter,
  createMemoryAdapter,
  resetConfiguration,
  type BackendAdapter,
  type Consultation,
  type ConsultationResponse,
  type ConsultationResults,
  type MemoryAdapter,
  type ConsultationDefinition,
  type Question,
  type Receipt,
  type Result,
} from '@civic-pulse/core';
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import type { ConsultationSubmittedEvent } from '../events/consultation-events.js';
import { accessibleNames, hasAccessibleNode } from '../test-support/a11y.js';
import { startNetwork } from '../test-support/network.js';
import { civicDatabases, forgetOutboxes, outboxOf, queuedEntries } from '../test-support/outbox.js';
import { closeSubmissionOutboxes } from '../internal/submission-outbox.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const CONSULTATION_URL = `${ENDPOINT}/v1/consultations/parc-des-berges`;

/** A consultation as an admin defines it, as the memory adapter takes it. */
type MemoryConsultation = ConsultationDefinition & { id: string };

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const STORAGE_KEY = 'civic-pulse:consultation:parc-des-berges';

const QUESTIONS: Question[] = [
  {
    id: 'usage',
    type: 'single',
    label: 'Comment venez-vous au parc\u202f?',
    required: true,
    options: [
      { id: 'velo', label: 'À vélo' },
      { id: 'pied', label: 'À pied' },
      { id: 'voiture', label: 'En voiture' },
    ],
  },
  {
    id: 'equipements',
    type: 'multiple',
    label: 'Quels équipements souhaitez-vous\u202f?',
    help: 'Pensez aux enfants comme aux aînés.',
    required: true,
    max: 2,
    options: [
      { id: 'jeux', label: 'Des jeux' },
      { id: 'bancs', label: 'Des bancs' },
      { id: 'fontaine', label: 'Une fontaine' },
    ],
  },
  { id: 'eclairage', type: 'yesno', label: 'Faut-il éclairer le parc la nuit\u202f?', required: true },
  {
    id: 'lieux',
    type: 'text',
    label: 'Où manque-t-il de la lumière\u202f?',
    required: false,
    maxLength: 200,
    showIf: { question: 'eclairage', equals: true },
  },
  {
    id: 'satisfaction',
    type: 'scale',
    label: 'Êtes-vous satisfait du parc actuel\u202f?',
    required: true,
    min: 1,
    max: 5,
    minLabel: 'Pas du tout',
    maxLabel: 'Tout à fait',
  },
  {
    id: 'priorites',
    type: 'ranking',
    label: 'Classez ces priorités',
    required: true,
    options: [
      { id: 'arbres', label: 'Planter des arbres' },
      { id: 'jeux', label: 'Des jeux' },
      { id: 'sport', label: 'Un terrain de sport' },
    ],
  },
];

function definition(overrides: Partial<MemoryConsultation> = {}): MemoryConsultation {
  return {
    id: 'parc-des-berges',
    org: 'ville-exemple',
    title: 'Aménagement du parc des Berges',
    description: 'La ville réaménage le parc en 2027. Dites-nous ce qui compte pour vous.',
    opensAt: at(-1),
    closesAt: at(30),
    resultsVisibility: 'after-vote',
    questions: QUESTIONS,
    ideas: { enabled: false, moderation: 'pre' },
    ...overrides,
  };
}

const memory = (overrides: Partial<MemoryConsultation> = {}) => createMemoryAdapter({ consultations: [definition(overrides)] });

// Assertions name parts and controls by string: a failing chai assertion that prints one of these
// elements itself never reaches the runner (its serialisation hangs the test page).
const part = (el: ConsultationPoll, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: ConsultationPoll, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const hasPart = (el: ConsultationPoll, name: string) => part(el, name) !== null;
const text = (el: ConsultationPoll, name: string) => part(el, name)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const group = (el: ConsultationPoll, question: string) => el.shadowRoot!.getElementById(`q-${question}-group`);
const inputs = (el: ConsultationPoll, question: string) => [...(group(el, question)?.querySelectorAll<HTMLInputElement>('input') ?? [])];
/** The ids of the questions on screen, in order. */
const questionsShown = (el: ConsultationPoll) => parts(el, 'question').map((node) => node.id.replace(/^q-|-group$/g, ''));

/** What has focus inside the element: `legend usage`, `radio usage=velo`, `textarea lieux`, or a part name. */
function focused(el: ConsultationPoll): string {
  const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
  if (!active) return 'nothing';
  if (active.getAttribute('part') === 'legend') return `legend ${active.id.slice(2)}`;
  if (active.type === 'radio' || active.type === 'checkbox') return `${active.type} ${active.name}=${active.value}`;
  if (active.tagName === 'TEXTAREA') return `textarea ${active.id.replace(/^q-|-input$/g, '')}`;
  return active.getAttribute('part') ?? active.tagName.toLowerCase();
}

async function pollFixture(adapter: BackendAdapter | undefined, attributes = 'layout="form"') {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<civic-consultation-poll consultation="parc-des-berges" ${attributes}></civic-consultation-poll>`;
  const el = wrapper.firstElementChild as ConsultationPoll;
  if (adapter) el.adapter = adapter;
  await fixture<ConsultationPoll>(el);
  await waitUntil(() => hasPart(el, 'title') || hasPart(el, 'error'), 'the consultation loads');
  await el.updateComplete;
  return el;
}

async function pick(el: ConsultationPoll, question: string, value: string | number | boolean) {
  inputs(el, question)
    .find((input) => input.value === String(value))!
    .click();
  await el.updateComplete;
}

async function write(el: ConsultationPoll, question: string, value: string) {
  const area = group(el, question)!.querySelector('textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Presses a ranking's button: `down` on `option` moves it one place down. */
async function move(el: ConsultationPoll, option: string, direction: 'up' | 'down') {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-option="${option}"] [data-direction="${direction}"]`)!.click();
  await el.updateComplete;
}

const ranking = (el: ConsultationPoll) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="ranking-item"]')].map((item) => item.dataset.option);

/** Answers every question of the form layout: usage, two equipments, lighting no, 4 of 5, sport moved to the top. */
async function answerAll(el: ConsultationPoll) {
  await pick(el, 'usage', 'velo');
  await pick(el, 'equipements', 'jeux');
  await pick(el, 'equipements', 'bancs');
  await pick(el, 'eclairage', false);
  await pick(el, 'satisfaction', 4);
  await move(el, 'sport', 'up');
  await move(el, 'sport', 'up');
}

async function submitAndWait<K extends 'civic-consultation-submitted' | 'civic-consultation-error'>(el: ConsultationPoll, type: K) {
  const settled = oneEvent(el, type);
  part(el, 'submit')!.click();
  const event = await settled;
  await el.updateComplete;
  return event as unknown as GlobalEventHandlersEventMap[K];
}

/**
 * A memory adapter whose answers to responses the test gives when it wants, to look at the sending
 * state. The outbox closed at the end of the test aborts it, so that it does not hold the outbox's
 * lock for the next.
 */
function heldAdapter(base: MemoryAdapter) {
  let answer!: (result: Result<Receipt>) => void;
  let calls = 0;
  const adapter: BackendAdapter = {
    ...base,
    getConsultation: (id, options) => base.getConsultation(id, options),
    getConsultationResults: (id, options) => base.getConsultationResults(id, options),
    submitConsultationResponse: (_id, _response, options) => {
      calls++;
      return new Promise((resolve) => {
        answer = resolve;
        options?.signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted', code: 'aborted', message: 'aborted' } }));
      });
    },
  };
  return { adapter, calls: () => calls, answer: (result: Result<Receipt>) => answer(result) };
}

describe('<civic-consultation-poll>', () => {
  // axe's first run loads axe-core: seconds on a busy machine, which the first test should not pay.
  before(async function () {
    this.timeout(30_000);
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });
  beforeEach(async () => {
    localStorage.clear();
    await forgetOutboxes();
  });
  afterEach(() => {
    resetConfiguration();
    localStorage.clear();
  });

  describe('what it shows first', () => {
    it('shows the title, the description and until when one may answer, in the page’s language, and stores nothing', async () => {
      const el = await pollFixture(memory());
      expect(text(el, 'title')).to.equal('Aménagement du parc des Berges');
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(await accessibleNames('heading')).to.deep.equal(['Aménagement du parc des Berges']);
      expect(text(el, 'description')).to.contain('réaménage le parc');
      const closes = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(definition().closesAt));
      expect(text(el, 'dates')).to.equal(`Vous pouvez répondre jusqu’au ${closes}.`);
      expect(localStorage.length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('says it is loading the consultation, then its results', async () => {
      const base = memory({ opensAt: at(-9), closesAt: at(-1) });
      const gate = () => {
        let open!: () => void;
        return { held: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
      };
      const [consultation, results] = [gate(), gate()];
      const adapter: BackendAdapter = {
        ...base,
        getConsultation: async (id, options) => (await consultation.held, base.getConsultation(id, options)),
        getConsultationResults: async (id, options) => (await results.held, base.getConsultationResults(id, options)),
      };
      const wrapper = document.createElement('div');
      wrapper.innerHTML = '<civic-consultation-poll consultation="parc-des-berges"></civic-consultation-poll>';
      const el = wrapper.firstElementChild as ConsultationPoll;
      el.adapter = adapter;
      await fixture(el);
      expect(text(el, 'base')).to.equal('Chargement de la consultation…');
      await expect(el).to.be.accessible();
      consultation.open();
      await waitUntil(() => text(el, 'results').includes('Chargement des résultats…'), 'the results are loading');
      await expect(el).to.be.accessible();
      results.open();
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
    });

    it('says when a consultation not yet open opens, and offers no form', async () => {
      const el = await pollFixture(memory({ opensAt: at(2), closesAt: at(9) }));
      expect(text(el, 'dates')).to.match(/^Cette consultation n’est pas encore ouverte\u00a0: vous pourrez y répondre du .+ 2\d{3} .+ au .+\.$/);
      expect(hasPart(el, 'question')).to.be.false;
      expect(hasPart(el, 'submit')).to.be.false;
      expect(hasPart(el, 'results')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says a closed consultation is closed, offers no form, and shows its results when they are published', async () => {
      const el = await pollFixture(memory({ opensAt: at(-9), closesAt: at(-1), resultsVisibility: 'after-close' }));
      expect(text(el, 'dates')).to.match(/^Cette consultation est close depuis le .+\u00a0: il n’est plus possible d’y répondre\.$/);
      expect(hasPart(el, 'question')).to.be.false;
      expect(hasPart(el, 'submit')).to.be.false;
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(parts(el, 'result')).to.have.length(QUESTIONS.length);
      await expect(el).to.be.accessible();
    });

    it('says when a consultation cannot be found, and tells the webmaster', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await pollFixture(createMemoryAdapter());
        expect(text(el, 'error')).to.equal('Cette consultation est introuvable\u00a0: le lien est peut-être erroné, ou elle a été retirée.');
        expect(hasPart(el, 'retry')).to.be.false;
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
    });

    it('says it is not configured when it has no backend, and tells the webmaster', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await pollFixture(undefined);
        expect(text(el, 'error')).to.contain('Ce module de consultation n’est pas configuré');
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors.length).to.be.greaterThan(0);
    });
  });

  describe('questions', () => {
    it('puts each question in a fieldset with its legend, says “(obligatoire)” in words, and names every control', async () => {
      const el = await pollFixture(memory());
      expect(questionsShown(el)).to.deep.equal(['usage', 'equipements', 'eclairage', 'satisfaction', 'priorites']);
      const legends = parts(el, 'legend').map((legend) => `${legend.tagName} ${legend.textContent!.replace(/[ \t\n\r]+/g, ' ').trim()}`);
      expect(legends).to.deep.equal([
        'LEGEND Comment venez-vous au parc\u202f? (obligatoire)',
        'LEGEND Quels équipements souhaitez-vous\u202f? (obligatoire)',
        'LEGEND Faut-il éclairer le parc la nuit\u202f? (obligatoire)',
        'LEGEND Êtes-vous satisfait du parc actuel\u202f? (obligatoire)',
        'LEGEND Classez ces priorités (obligatoire)',
      ]);
      expect(await accessibleNames('radio')).to.deep.equal(['À vélo', 'À pied', 'En voiture', 'Oui', 'Non', '1 Pas du tout', '2', '3', '4', '5 Tout à fait']);
      expect(await accessibleNames('checkbox')).to.deep.equal(['Des jeux', 'Des bancs', 'Une fontaine', 'Je valide ce classement']);
      await expect(el).to.be.accessible();
    });

    it('says up front how many choices a multiple question takes, with its help, and checks it', async () => {
      const el = await pollFixture(memory());
      const fieldset = group(el, 'equipements')!;
      const description = fieldset
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent)
        .join(' ');
      expect(description).to.equal('Pensez aux enfants comme aux aînés. Nombre de réponses à choisir\u00a0: au plus 2.');
      await answerAll(el);
      await pick(el, 'equipements', 'fontaine');
      part(el, 'submit')!.click();
      await el.updateComplete;
      expect(text(el, 'field-error')).to.equal('Nombre de réponses à choisir\u00a0: au plus 2.');
      expect(text(el, 'error-summary')).to.contain('Quels équipements souhaitez-vous\u202f?\u00a0: Nombre de réponses à choisir\u00a0: au plus 2.');
    });

    it('asks a text question in a labelled text area with its length counted', async () => {
      const el = await pollFixture(memory());
      await pick(el, 'eclairage', true);
      expect(questionsShown(el)).to.deep.equal(['usage', 'equipements', 'eclairage', 'lieux', 'satisfaction', 'priorites']);
      const area = group(el, 'lieux')!.querySelector('textarea')!;
      expect(area.maxLength).to.equal(200);
      expect(await hasAccessibleNode('textbox', 'Où manque-t-il de la lumière')).to.be.true;
      await write(el, 'lieux', 'Près du lac');
      expect(el.shadowRoot!.getElementById('q-lieux-count')!.textContent).to.equal('189 caractères restants sur 200');
      expect(area.getAttribute('aria-describedby')).to.contain('q-lieux-count');
      await expect(el).to.be.accessible();
    });

    it('asks a question with showIf only when its condition holds, and sends no answer to one it took back', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter);
      expect(questionsShown(el)).not.to.include('lieux');
      await pick(el, 'eclairage', true);
      await write(el, 'lieux', 'Allée des saules');
      await pick(el, 'eclairage', false);
      expect(questionsShown(el)).not.to.include('lieux');
      await answerAll(el);
      const { response } = await submitAndWait(el, 'civic-consultation-submitted');
      expect(response.answers).to.deep.equal({
        usage: 'velo',
        equipements: ['jeux', 'bancs'],
        eclairage: false,
        satisfaction: 4,
        priorites: ['sport', 'arbres', 'jeux'],
      });
      expect(adapter.responses('parc-des-berges')).to.have.length(1);
    });

    it('before sending, lists each missing answer in a summary that takes focus, and marks each question', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter);
      await pick(el, 'usage', 'pied');
      part(el, 'submit')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused(el)).to.equal('error-summary');
      const links = [...part(el, 'error-summary')!.querySelectorAll('a')].map((link) => link.textContent!.replace(/[ \t\n\r]+/g, ' ').trim());
      expect(links).to.deep.equal([
        'Quels équipements souhaitez-vous\u202f?\u00a0: Répondez à cette question.',
        'Faut-il éclairer le parc la nuit\u202f?\u00a0: Répondez à cette question.',
        'Êtes-vous satisfait du parc actuel\u202f?\u00a0: Répondez à cette question.',
        'Classez ces priorités\u00a0: Classez les éléments, ou cochez la case pour valider l’ordre affiché.',
      ]);
      expect(inputs(el, 'eclairage').map((input) => input.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true']);
      expect(inputs(el, 'usage').map((input) => input.getAttribute('aria-invalid'))).to.deep.equal(['false', 'false', 'false']);
      expect(group(el, 'eclairage')!.getAttribute('aria-describedby')).to.equal('q-eclairage-error');
      expect(el.shadowRoot!.getElementById('q-eclairage-error')!.textContent).to.equal('Répondez à cette question.');
      expect(adapter.responses('parc-des-berges')).to.have.length(0);
      expect(localStorage.length).to.equal(0);
      await expect(el).to.be.accessible();

      part(el, 'error-summary')!.querySelectorAll('a')[1]!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal('radio eclairage=true');
      await pick(el, 'eclairage', true);
      expect(el.shadowRoot!.getElementById('q-eclairage-error')).to.equal(null);
    });

    it('shows how many questions are answered in the form layout', async () => {
      const el = await pollFixture(memory());
      expect(text(el, 'progress')).to.equal('Questions répondues\u00a0: 0 sur 5');
      await pick(el, 'usage', 'velo');
      expect(text(el, 'progress')).to.equal('Questions répondues\u00a0: 1 sur 5');
    });
  });

  describe('steps layout', () => {
    it('is the default: one question at a time, with its progress', async () => {
      const el = await pollFixture(memory(), '');
      expect(questionsShown(el)).to.deep.equal(['usage']);
      expect(text(el, 'progress')).to.equal('Question 1 sur 5');
      expect(hasPart(el, 'previous')).to.be.false;
      expect(text(el, 'next')).to.equal('Question suivante');
      await expect(el).to.be.accessible();
    });

    it('will not go on without a required answer, says so, and moves focus to the new question’s legend', async () => {
      const el = await pollFixture(memory(), 'layout="steps"');
      part(el, 'next')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused(el)).to.equal('error-summary');
      expect(questionsShown(el)).to.deep.equal(['usage']);
      await expect(el).to.be.accessible();

      await pick(el, 'usage', 'velo');
      part(el, 'next')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(questionsShown(el)).to.deep.equal(['equipements']);
      expect(text(el, 'progress')).to.equal('Question 2 sur 5');
      expect(focused(el)).to.equal('legend equipements');
      expect(hasPart(el, 'error-summary')).to.be.false;

      part(el, 'previous')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused(el)).to.equal('legend usage');
      expect(inputs(el, 'usage')[0]!.checked).to.be.true;
    });

    it('counts a question shown by a condition in the progress', async () => {
      const el = await pollFixture(memory(), '');
      await pick(el, 'usage', 'velo');
      part(el, 'next')!.click();
      await el.updateComplete;
      await pick(el, 'equipements', 'jeux');
      part(el, 'next')!.click();
      await el.updateComplete;
      await pick(el, 'eclairage', true);
      expect(text(el, 'progress')).to.equal('Question 3 sur 6');
      part(el, 'next')!.click();
      await el.updateComplete;
      expect(questionsShown(el)).to.deep.equal(['lieux']);
    });

    it('can be completed with the keyboard alone', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter, '');
      const tabTo = async (name: string) => {
        for (let i = 0; i < 12 && focused(el) !== name; i++) await sendKeys({ press: 'Tab' });
        expect(focused(el)).to.equal(name);
      };
      const next = async () => {
        await tabTo('next');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        await el.updateComplete;
      };
      inputs(el, 'usage')[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await next();
      expect(focused(el)).to.equal('legend equipements');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await next();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('radio eclairage=true');
      await sendKeys({ press: 'Space' });
      await next();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('textarea lieux');
      await sendKeys({ type: 'Près du lac' });
      await next();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await next();
      expect(focused(el)).to.equal('legend priorites');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await tabTo('submit');
      const sent = oneEvent(el, 'civic-consultation-submitted');
      await sendKeys({ press: 'Enter' });
      const { response } = (await sent) as unknown as ConsultationSubmittedEvent;
      await el.updateComplete;
      expect(response.answers).to.deep.equal({
        usage: 'pied',
        equipements: ['jeux'],
        eclairage: true,
        lieux: 'Près du lac',
        satisfaction: 3,
        priorites: ['jeux', 'arbres', 'sport'],
      });
      expect(focused(el)).to.equal('thanks');
    });
  });

  describe('ranking', () => {
    it('names each button after its item and announces the new position', async () => {
      const el = await pollFixture(memory());
      const names = await accessibleNames('button');
      expect(names).to.include.members(['Monter «\u00a0Planter des arbres\u00a0»', 'Descendre «\u00a0Un terrain de sport\u00a0»']);
      await move(el, 'jeux', 'up');
      expect(ranking(el)).to.deep.equal(['jeux', 'arbres', 'sport']);
      expect(text(el, 'status')).to.equal('«\u00a0Des jeux\u00a0» est maintenant en position 1 sur 3.');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('moves an item with the keyboard, focus following the item, and does nothing past either end', async () => {
      const el = await pollFixture(memory());
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-option="arbres"] [data-direction="down"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ranking(el)).to.deep.equal(['jeux', 'arbres', 'sport']);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(ranking(el)).to.deep.equal(['jeux', 'sport', 'arbres']);
      const active = el.shadowRoot!.activeElement as HTMLElement;
      expect(`${active.closest('li')!.dataset.option} ${active.dataset.direction} ${active.getAttribute('aria-disabled')}`).to.equal('arbres down true');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ranking(el)).to.deep.equal(['jeux', 'sport', 'arbres']);
    });

    it('counts the order shown only once the person confirms it, and sends the order moved by touch or click', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter);
      await pick(el, 'usage', 'velo');
      await pick(el, 'equipements', 'jeux');
      await pick(el, 'eclairage', false);
      await pick(el, 'satisfaction', 2);
      part(el, 'submit')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.getElementById('q-priorites-error')!.textContent).to.equal(
        'Classez les éléments, ou cochez la case pour valider l’ordre affiché.',
      );
      const confirm = inputs(el, 'priorites')[0]!;
      confirm.click();
      await el.updateComplete;
      const { response } = await submitAndWait(el, 'civic-consultation-submitted');
      expect(response.answers.priorites).to.deep.equal(['arbres', 'jeux', 'sport']);
    });

    it('ticks the confirmation once an item is moved', async () => {
      const el = await pollFixture(memory());
      expect(inputs(el, 'priorites')[0]!.checked).to.be.false;
      await move(el, 'sport', 'up');
      expect(inputs(el, 'priorites')[0]!.checked).to.be.true;
    });
  });

  describe('sending', () => {
    it('announces sending, then thanks, moves focus to the thank-you and shows the results', async () => {
      const base = memory();
      const held = heldAdapter(base);
      const el = await pollFixture(held.adapter);
      await answerAll(el);
      part(el, 'submit')!.click();
      await waitUntil(() => text(el, 'status') === 'Envoi de vos réponses…', 'sending is announced');
      expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
      expect((group(el, 'usage') as HTMLFieldSetElement).disabled).to.be.true;
      await expect(el).to.be.accessible();

      const sent = oneEvent(el, 'civic-consultation-submitted');
      await waitUntil(() => held.calls() > 0, 'the outbox sends the response');
      held.answer({ ok: true, data: { id: 'x', receivedAt: new Date().toISOString() } });
      await sent;
      await el.updateComplete;
      expect(text(el, 'status')).to.equal('Merci, vos réponses ont bien été enregistrées.');
      expect(focused(el)).to.equal('thanks');
      expect(hasPart(el, 'question')).to.be.false;
      await waitUntil(() => hasPart(el, 'results'), 'the results show');
      await expect(el).to.be.accessible();
    });

    it('sends once, even when the button is pressed twice', async () => {
      const held = heldAdapter(memory());
      const el = await pollFixture(held.adapter);
      await answerAll(el);
      part(el, 'submit')!.click();
      part(el, 'submit')!.click();
      await el.updateComplete;
      await el.send();
      await waitUntil(() => held.calls() > 0, 'sent');
      expect(held.calls()).to.equal(1);
    });

    it('keeps a participant id on the device only once the person sends, and remembers the answer', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter);
      await answerAll(el);
      expect(localStorage.length).to.equal(0);
      const { response } = await submitAndWait(el, 'civic-consultation-submitted');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({ participant: response.participant, answered: true });
      expect(adapter.responses('parc-des-berges')[0]!.participant).to.equal(response.participant);
    });

    it('lets the host page veto the sending, before anything is stored', async () => {
      const adapter = memory();
      const el = await pollFixture(adapter);
      el.addEventListener('civic-consultation-submit', (event) => event.preventDefault());
      await answerAll(el);
      part(el, 'submit')!.click();
      await el.updateComplete;
      expect(adapter.responses('parc-des-berges')).to.have.length(0);
      expect(localStorage.length).to.equal(0);
      expect(hasPart(el, 'thanks')).to.be.false;
    });

    it('answers as the verified participant a plugin gives, and then stores nothing on the device', async () => {
      const seen: string[] = [];
      configure({ plugins: [{ name: 'franceconnect', participant: () => 'fc-123', afterSubmit: ({ kind }) => void seen.push(kind) }] });
      const adapter = memory();
      const el = await pollFixture(adapter);
      await answerAll(el);
      const { response } = await submitAndWait(el, 'civic-consultation-submitted');
      expect(response.participant).to.equal('fc-123');
      expect(localStorage.length).to.equal(0);
      expect(seen).to.deep.equal(['consultation-response']);
    });
  });

  describe('already answered', () => {
    it('opens on “already took part” with the results when this browser has answered before', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ participant: 'b5f1d7a2-0000-4000-8000-000000000001', answered: true }));
      const el = await pollFixture(memory());
      expect(text(el, 'already-answered')).to.equal(
        'Ce navigateur a déjà participé à cette consultation\u00a0: on ne peut y répondre qu’une fois.',
      );
      expect(hasPart(el, 'question')).to.be.false;
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      await expect(el).to.be.accessible();
    });

    it('offers the form again when the remembered participant has not answered', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ participant: 'b5f1d7a2-0000-4000-8000-000000000001', answered: false }));
      const adapter = memory();
      const el = await pollFixture(adapter);
      await answerAll(el);
      const { response } = await submitAndWait(el, 'civic-consultation-submitted');
      expect(response.participant).to.equal('b5f1d7a2-0000-4000-8000-000000000001');
    });
  });

  describe('results', () => {
    async function answered(overrides: Partial<MemoryConsultation> = {}, lang = '') {
      const adapter = memory(overrides);
      const el = await pollFixture(adapter, `layout="form" ${lang}`);
      await pick(el, 'eclairage', true);
      await write(el, 'lieux', 'Près du lac');
      await answerAll(el);
      await pick(el, 'eclairage', true);
      await submitAndWait(el, 'civic-consultation-submitted');
      return el;
    }

    // French writes a no-break space before %, which one depends on the browser's CLDR version.
    const percent = (share: number) => new Intl.NumberFormat('fr', { style: 'percent' }).format(share);
    const table = (el: ConsultationPoll, index: number) => {
      const node = parts(el, 'table')[index]!;
      return [node.querySelector('caption')!.textContent, ...[...node.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent).join(' | '))];
    };

    it('shows each tally as bars and as a table with a caption, ranking as Borda points, the mean of a scale', async () => {
      const el = await answered();
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(table(el, 0)).to.deep.equal([
        'Comment venez-vous au parc\u202f?',
        'Réponse | Nombre de réponses | Part des réponses',
        `À vélo | 1 | ${percent(1)}`,
        `À pied | 0 | ${percent(0)}`,
        `En voiture | 0 | ${percent(0)}`,
      ]);
      expect(table(el, 2)).to.deep.equal(['Faut-il éclairer le parc la nuit\u202f?', 'Réponse | Nombre de réponses | Part des réponses', `Oui | 1 | ${percent(1)}`, `Non | 0 | ${percent(0)}`]);
      expect(table(el, 4)).to.deep.equal([
        'Classez ces priorités',
        'Réponse | Points',
        'Un terrain de sport | 3',
        'Planter des arbres | 2',
        'Des jeux | 1',
      ]);
      const results = parts(el, 'result').map((node) => node.textContent!.replace(/[ \t\n\r]+/g, ' ').trim());
      expect(results[4]).to.contain('Moyenne\u00a0: 4, sur une échelle de 1 à 5');
      expect(results[4]).to.contain('Réponses à cette question\u00a0: 1');
      expect(results[5]).to.contain('Classement par points\u00a0: chaque participation donne 3 points');
      expect(results.find((result) => result.startsWith('Où manque-t-il'))).to.contain('Réponses écrites\u00a0: 1. Elles ne sont pas publiées.');
      expect(part(el, 'bars')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('puts its headings at the level the page asks for', async () => {
      const adapter = memory({ ideas: { enabled: true, moderation: 'post' } });
      const el = await pollFixture(adapter, 'layout="form" heading-level="3"');
      await answerAll(el);
      await submitAndWait(el, 'civic-consultation-submitted');
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      const levels = [...el.shadowRoot!.querySelectorAll('[role="heading"]')].map((node) => `${node.getAttribute('aria-level')} ${node.textContent}`);
      expect(levels.slice(0, 3)).to.deep.equal(['3 Aménagement du parc des Berges', '4 Résultats', '5 Comment venez-vous au parc\u202f?']);
      expect(part(el, 'ideas')!.getAttribute('heading-level')).to.equal('4');
    });

    it('says when results published at the close will come', async () => {
      const el = await answered({ resultsVisibility: 'after-close' });
      const closes = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(definition().closesAt).getTime() - 0);
      expect(text(el, 'results')).to.contain(`Les résultats seront publiés à la clôture de la consultation, le ${closes}.`);
      expect(hasPart(el, 'table')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says when results will not be published', async () => {
      const el = await answered({ resultsVisibility: 'never' });
      expect(text(el, 'results')).to.contain('Les résultats de cette consultation ne seront pas publiés.');
      expect(hasPart(el, 'table')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('writes numbers and shares the English way in English', async () => {
      const el = await answered({}, 'lang="en"');
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(table(el, 2)).to.deep.equal(['Faut-il éclairer le parc la nuit\u202f?', 'Answer | Number of answers | Share of answers', 'Yes | 1 | 100%', 'No | 0 | 0%']);
      expect(text(el, 'thanks')).to.equal('Thank you, your answers have been recorded.');
      await expect(el).to.be.accessible();
    });

    // The results' messages are a bundle of their own, fetched with their code: they follow the element's language too.
    it('speaks the language it is switched to once the results are shown', async () => {
      const el = await answered();
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(text(el, 'results')).to.contain('Réponses à cette question');
      el.lang = 'en';
      await waitUntil(() => text(el, 'results').includes('Answers to this question: 1'), 'the results speak English');
      expect(text(el, 'results')).not.to.contain('Réponses à cette question');
    });
  });

  describe('ideas', () => {
    it('shows the citizens’ ideas below the questions when the consultation takes ideas, with its adapter and language', async () => {
      const adapter = memory({ ideas: { enabled: true, moderation: 'pre' } });
      const el = await pollFixture(adapter, 'layout="form" lang="en"');
      const ideas = part(el, 'ideas') as (HTMLElement & { consultation?: { id: string }; adapter?: unknown }) | null;
      expect(ideas?.tagName).to.equal('CIVIC-CONSULTATION-IDEAS');
      expect(ideas!.consultation!.id).to.equal('parc-des-berges');
      expect(ideas!.adapter === adapter).to.be.true;
      expect(ideas!.getAttribute('lang')).to.equal('en');
      await waitUntil(() => ideas!.shadowRoot?.querySelector('[part~="heading"]'), 'the ideas load');
      await expect(el).to.be.accessible();
    });

    it('shows no ideas when the consultation takes none', async () => {
      const el = await pollFixture(memory());
      expect(hasPart(el, 'ideas')).to.be.false;
    });
  });

  describe('over the network', () => {
    let worker: Awaited<ReturnType<typeof startNetwork>>;
    const consultation: Consultation = { ...definition(), status: 'open' };
    const results: ConsultationResults = {
      consultation: 'parc-des-berges',
      responses: 4,
      questions: {
        usage: { answered: 4, counts: { velo: 2, pied: 1, voiture: 1 } },
        equipements: { answered: 4, counts: { jeux: 3, bancs: 1 } },
        eclairage: { answered: 4, counts: { yes: 3, no: 1 } },
        lieux: { answered: 2 },
        satisfaction: { answered: 4, counts: { '2': 1, '3': 1, '4': 1, '5': 1 }, mean: 3.5 },
        priorites: { answered: 4, counts: { arbres: 10, jeux: 7, sport: 7 } },
      },
    };
    const httpAdapter = () => createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 });
    /** The outbox of that backend, which every HTTP adapter for it shares, and the one an element makes for it. */
    const OUTBOX = outboxOf(ENDPOINT, 'ville-exemple');

    before(async () => {
      worker = await startNetwork();
    });
    beforeEach(() =>
      worker.use(
        http.get(CONSULTATION_URL, () => HttpResponse.json(consultation)),
        http.get(`${CONSULTATION_URL}/results`, () => HttpResponse.json(results)),
      ),
    );
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('says the answers are kept on this device when the connection fails, and sends that same response once it is back', async () => {
      const sent: ConsultationResponse[] = [];
      worker.use(http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => (sent.push((await request.json()) as ConsultationResponse), HttpResponse.error())));
      const el = await pollFixture(httpAdapter());
      const errors: Event[] = [];
      const submitted: Event[] = [];
      el.addEventListener('civic-consultation-error', (event) => errors.push(event));
      el.addEventListener('civic-consultation-submitted', (event) => submitted.push(event));
      await answerAll(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the answers are kept', { timeout: 5000 });
      const kept = 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.';
      expect(text(el, 'queued')).to.equal(kept);
      expect(text(el, 'status')).to.equal(kept);
      expect(focused(el)).to.equal('queued');
      expect(hasPart(el, 'question')).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      expect(hasPart(el, 'error')).to.be.false;
      expect(hasPart(el, 'results'), 'no results before the answers are counted').to.be.false;
      expect(errors, 'answers kept for later are no error for the page').to.have.length(0);
      expect(submitted, 'nor are they stored yet').to.have.length(0);
      expect((await queuedEntries(OUTBOX)).map(({ key }) => key)).to.deep.equal([`consultation-response:${sent[0]!.id}`]);
      await expect(el).to.be.accessible();

      worker.use(
        http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => {
          const response = (await request.json()) as ConsultationResponse;
          sent.push(response);
          expect(request.headers.get('Idempotency-Key')).to.equal(response.id);
          return HttpResponse.json({ id: response.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
      const done = oneEvent(el, 'civic-consultation-submitted');
      window.dispatchEvent(new Event('online'));
      const { response } = await done;
      await el.updateComplete;
      expect(sent.at(-1)).to.deep.equal(sent[0]);
      expect(new Set(sent.map(({ id }) => id)).size).to.equal(1);
      expect(response.id).to.equal(sent[0]!.id);
      expect(text(el, 'status')).to.equal('Merci, vos réponses ont bien été enregistrées.');
      expect(focused(el)).to.equal('thanks');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({ participant: response.participant, answered: true });
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      expect(errors).to.have.length(0);
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      await expect(el).to.be.accessible();
    });

    it('has the ideas wait in its own outbox, the one of its backend that it resumes at start', async () => {
      worker.use(
        http.get(CONSULTATION_URL, () => HttpResponse.json({ ...consultation, ideas: { enabled: true, moderation: 'pre' } })),
        http.get(`${CONSULTATION_URL}/ideas`, () => HttpResponse.json([])),
      );
      configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
      const el = await pollFixture(undefined);
      await waitUntil(() => hasPart(el, 'ideas'), 'the ideas show');
      const ideas = part(el, 'ideas') as HTMLElement & { outbox?: string };
      expect(ideas.outbox).to.equal(OUTBOX);
      await waitUntil(() => ideas.shadowRoot?.querySelector('[part~="empty"]'), 'the ideas load');
    });

    it('says in English that the answers are kept on this device', async () => {
      worker.use(http.post(`${CONSULTATION_URL}/responses`, () => HttpResponse.error()));
      const el = await pollFixture(httpAdapter(), 'layout="form" lang="en"');
      await answerAll(el);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the answers are kept', { timeout: 5000 });
      expect(text(el, 'queued')).to.equal('Your answers are saved on this device and will be sent as soon as the connection is back.');
    });

    it('writes nothing to the device before the person sends', async () => {
      const el = await pollFixture(httpAdapter());
      await answerAll(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await civicDatabases()).to.deep.equal([]);
      expect(localStorage.length).to.equal(0);
    });

    it('sends at start what an earlier page left queued for this backend', async () => {
      const name = OUTBOX;
      worker.use(http.post(`${CONSULTATION_URL}/responses`, () => HttpResponse.error()));
      configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
      const first = await pollFixture(undefined);
      await answerAll(first);
      part(first, 'submit')!.click();
      await waitUntil(() => hasPart(first, 'queued'), 'the answers are kept', { timeout: 5000 });
      const [entry] = await queuedEntries(name);
      first.remove();
      closeSubmissionOutboxes(); // the page is left: what it queued stays on the device

      const stored: string[] = [];
      worker.use(
        http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => {
          const response = (await request.json()) as ConsultationResponse;
          stored.push(response.id);
          return HttpResponse.json({ id: response.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ participant: 'p-1', answered: true }));
      const second = await pollFixture(undefined);
      await waitUntil(() => stored.length === 1, 'the response left queued is sent', { timeout: 5000 });
      expect(`consultation-response:${stored[0]}`).to.equal(entry!.key);
      await waitUntil(async () => (await queuedEntries(name)).length === 0, 'and removed from the device');
      await waitUntil(() => hasPart(second, 'table'), 'the results load');
    });

    it('when the server says this participant has answered, says this browser took part, remembers it, and shows the results', async () => {
      worker.use(
        http.post(`${CONSULTATION_URL}/responses`, () =>
          HttpResponse.json({ error: { code: 'already-answered', message: 'This participant has already answered this consultation.' } }, { status: 409 }),
        ),
      );
      const el = await pollFixture(httpAdapter());
      await answerAll(el);
      const { response } = await submitAndWait(el, 'civic-consultation-error');
      await el.updateComplete;
      expect(text(el, 'already-answered')).to.contain('Ce navigateur a déjà participé à cette consultation');
      expect(focused(el)).to.equal('already-answered');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({ participant: response!.participant, answered: true });
      expect(hasPart(el, 'submit')).to.be.false;
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(parts(el, 'table')[4]!.querySelector('tbody')!.textContent!.replace(/[ \t\n\r]+/g, ' ').trim()).to.equal(
        'Planter des arbres 10 Des jeux 7 Un terrain de sport 7',
      );
      await expect(el).to.be.accessible();
    });

    it('says the results could not be loaded and loads them again on demand', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ participant: 'p-1', answered: true }));
      worker.use(http.get(`${CONSULTATION_URL}/results`, () => HttpResponse.error(), { once: true }));
      const el = await pollFixture(httpAdapter());
      await waitUntil(() => text(el, 'results').includes('Les résultats n’ont pas pu être chargés.'), 'the failure shows');
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
    });

    it('when rate limited, keeps the answers on the device and sends them again only after Retry-After', async () => {
      const times: number[] = [];
      worker.use(
        http.post(
          `${CONSULTATION_URL}/responses`,
          () => (times.push(performance.now()), HttpResponse.json({ error: { code: 'rate-limited', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '1' } })),
          { once: true },
        ),
        http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => {
          times.push(performance.now());
          const response = (await request.json()) as ConsultationResponse;
          return HttpResponse.json({ id: response.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
      const el = await pollFixture(httpAdapter());
      await answerAll(el);
      const done = oneEvent(el, 'civic-consultation-submitted');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the answers are kept', { timeout: 3000 });
      expect(text(el, 'queued')).to.equal('Vos réponses sont enregistrées sur cet appareil et seront envoyées automatiquement dans un instant.');
      await expect(el).to.be.accessible();
      await done;
      expect(times).to.have.length(2);
      expect(times[1]! - times[0]!).to.be.at.least(990);
      await el.updateComplete;
      expect(focused(el)).to.equal('thanks');
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
    });

    it('says what the server says when it withholds the results', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ participant: 'p-1', answered: true }));
      worker.use(
        http.get(`${CONSULTATION_URL}/results`, () =>
          HttpResponse.json({ error: { code: 'results-hidden', message: 'The results of this consultation are not published.' } }, { status: 403 }),
        ),
      );
      const el = await pollFixture(httpAdapter());
      await waitUntil(() => text(el, 'results').includes('ne seront pas publiés'), 'the refusal shows');
      expect(hasPart(el, 'retry')).to.be.false;
    });

    it('offers to load the consultation again when the connection failed', async () => {
      worker.use(http.get(CONSULTATION_URL, () => HttpResponse.error(), { once: true }));
      const el = await pollFixture(httpAdapter());
      expect(text(el, 'error')).to.equal('La consultation n’a pas pu être chargée. Vérifiez votre connexion puis réessayez.');
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await waitUntil(() => hasPart(el, 'title'), 'the consultation loads');
      await waitUntil(() => focused(el) === 'title', 'focus goes to the title');
    });
  });

  describe('small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits a 320 px wide screen, questions and results alike, with 44 px touch targets', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await pollFixture(memory({ title: 'Réaménagement complet du parc des Berges et de ses abords immédiats' }));
      const base = part(el, 'base')!;
      const fits = () =>
        base.scrollWidth <= el.getBoundingClientRect().width && el.getBoundingClientRect().right <= 320 && document.documentElement.scrollWidth <= 320;
      expect(fits()).to.be.true;
      const small = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, [part="choice"]')]
        .map((node) => node.getBoundingClientRect())
        .filter(({ height, width }) => height < 44 || width < 44);
      expect(small).to.have.length(0);
      await answerAll(el);
      await submitAndWait(el, 'civic-consultation-submitted');
      await waitUntil(() => hasPart(el, 'table'), 'the results load');
      expect(fits()).to.be.true;
    });
  });

  describe('languages', () => {
    it('speaks English when the element or the page says so', async () => {
      const el = await pollFixture(memory(), 'layout="steps" lang="en"');
      expect(text(el, 'progress')).to.equal('Question 1 of 5');
      const closes = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(definition().closesAt));
      expect(text(el, 'dates')).to.equal(`You can answer until ${closes}.`);
      expect(text(el, 'legend')).to.equal('Comment venez-vous au parc\u202f? (required)');
      expect(text(el, 'next')).to.equal('Next question');
      part(el, 'next')!.click();
      await el.updateComplete;
      expect(text(el, 'field-error')).to.equal('Answer this question.');
      await expect(el).to.be.accessible();
    });

    // The question controls' messages are a bundle of their own, fetched with their code: they follow the element's language too.
    it('speaks the language it is switched to, in its questions too', async () => {
      const el = await pollFixture(memory(), 'layout="steps"');
      expect(text(el, 'legend')).to.equal('Comment venez-vous au parc\u202f? (obligatoire)');
      el.lang = 'en';
      await waitUntil(() => text(el, 'legend') === 'Comment venez-vous au parc\u202f? (required)', 'the question speaks English');
      expect(text(el, 'next')).to.equal('Next question');
    });
  });

  describe('refusals', () => {
    function refusing(code: string, kind: 'conflict' | 'invalid' = 'conflict', fields?: { path: string; message: string }[]) {
      const base = memory();
      const adapter: BackendAdapter = {
        ...base,
        getConsultation: (id, options) => base.getConsultation(id, options),
        getConsultationResults: (id, options) => base.getConsultationResults(id, options),
        submitConsultationResponse: async () => ({ ok: false, error: { kind, code, message: code, ...(fields ? { fields } : {}) } }),
      };
      return adapter;
    }

    it('says a consultation closed meanwhile is closed, and offers no form', async () => {
      const el = await pollFixture(refusing('closed'));
      await answerAll(el);
      await submitAndWait(el, 'civic-consultation-error');
      expect(text(el, 'error')).to.equal('Cette consultation est close\u00a0: vos réponses n’ont pas pu être enregistrées.');
      expect(hasPart(el, 'question')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says a consultation not yet open is not open', async () => {
      const el = await pollFixture(refusing('not-open'));
      await answerAll(el);
      await submitAndWait(el, 'civic-consultation-error');
      expect(text(el, 'error')).to.equal('Cette consultation n’est pas encore ouverte\u00a0: vos réponses n’ont pas pu être enregistrées.');
      expect(hasPart(el, 'submit')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('names the questions whose answers were refused, and lets the person mend them and send anew', async () => {
      const el = await pollFixture(refusing('invalid-body', 'invalid', [{ path: 'answers.satisfaction', message: 'must be a whole number' }]));
      await answerAll(el);
      const { response } = await submitAndWait(el, 'civic-consultation-error');
      expect(text(el, 'error')).to.equal('Vos réponses n’ont pas pu être enregistrées. À vérifier\u00a0: Êtes-vous satisfait du parc actuel\u202f?');
      expect((group(el, 'satisfaction') as HTMLFieldSetElement).disabled).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      const again = await submitAndWait(el, 'civic-consultation-error');
      expect(again.response!.id).not.to.equal(response!.id);
      await expect(el).to.be.accessible();
    });

    it('asks to reload a consultation changed while sending, and reloads it keeping the answers', async () => {
      const el = await pollFixture(refusing('definition-changed'));
      await answerAll(el);
      await submitAndWait(el, 'civic-consultation-error');
      expect(text(el, 'error')).to.contain('La consultation a été modifiée pendant votre envoi.');
      expect(text(el, 'retry')).to.equal('Recharger la consultation');
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await waitUntil(() => hasPart(el, 'submit'), 'the consultation is reloaded');
      expect(inputs(el, 'usage')[0]!.checked).to.be.true;
      await waitUntil(() => focused(el) === 'title', 'focus goes to the title');
    });
  });
});

