import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import {
  configure,
  createHttpAdapter,
  createMemoryAdapter,
  resetConfiguration,
  type BackendAdapter,
  type Consultation,
  type Idea,
  type IdeaSubmission,
  type IdeaSupportReceipt,
  type Result,
} from '@civic-pulse/core';
import './civic-consultation-ideas.js';
import type { CivicConsultationIdeas } from './consultation-ideas.js';
import { rememberParticipant } from './participant.js';
import { accessibleNames, hasAccessibleNode } from '../test-support/a11y.js';
import { goOffline, startNetwork } from '../test-support/network.js';
import { civicDatabases, forgetOutboxes, outboxOf, queuedEntries } from '../test-support/outbox.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const CONSULTATION_ID = 'place-du-marche';
const IDEAS_URL = `${ENDPOINT}/v1/consultations/${CONSULTATION_ID}/ideas`;
const STORAGE_KEY = `civic-pulse:consultation:${CONSULTATION_ID}`;

function consultation(overrides: Partial<Consultation> = {}, moderation: 'pre' | 'post' = 'pre'): Consultation {
  return {
    id: CONSULTATION_ID,
    org: 'ville-exemple',
    title: 'Réaménagement de la place du marché',
    description: 'Donnez votre avis sur le projet.',
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2027-01-31T00:00:00.000Z',
    status: 'open',
    resultsVisibility: 'after-vote',
    questions: [{ id: 'arbres', type: 'yesno', label: 'Plus d’arbres ?', required: true }],
    ideas: { enabled: true, moderation },
    ...overrides,
  };
}

let ideaCount = 0;
function idea(title: string, overrides: Partial<Idea> = {}): Idea {
  ideaCount++;
  return {
    id: `00000000-0000-4000-8000-${String(ideaCount).padStart(12, '0')}`,
    title,
    body: '',
    status: 'published',
    supports: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * A backend of ideas kept in the test, with the contract's rules: one support per participant,
 * only published ideas supported, pending ideas shown to their author only, the idea id idempotent.
 */
function ideasBackend(options: { ideas?: Idea[]; own?: Record<string, Idea[]>; moderation?: 'pre' | 'post' } = {}) {
  const published = [...(options.ideas ?? [])];
  const own = new Map(Object.entries(options.own ?? {}));
  const supporters = new Map<string, Set<string>>();
  const calls = { list: [] as { participant?: string }[], submit: [] as IdeaSubmission[], support: [] as { idea: string; participant: string }[] };
  const adapter = {
    async listIdeas(_consultation: string, query: { participant?: string } = {}): Promise<Result<Idea[]>> {
      calls.list.push(query);
      const mine = query.participant ? (own.get(query.participant) ?? []) : [];
      const supported = (item: Idea) => (query.participant ? { supported: supporters.get(item.id)?.has(query.participant) ?? false } : {});
      return { ok: true, data: [...published.map((item) => ({ ...item, ...supported(item) })), ...mine] };
    },
    async submitIdea(_consultation: string, submission: IdeaSubmission): Promise<Result<Idea>> {
      calls.submit.push(submission);
      const stored: Idea = {
        id: submission.id,
        title: submission.title,
        body: submission.body,
        status: options.moderation === 'post' ? 'published' : 'pending',
        supports: 0,
        createdAt: new Date().toISOString(),
      };
      if (stored.status === 'published') published.push(stored);
      else own.set(submission.participant, [...(own.get(submission.participant) ?? []), stored]);
      return { ok: true, data: stored };
    },
    async supportIdea(_consultation: string, ideaId: string, participant: string): Promise<Result<IdeaSupportReceipt>> {
      calls.support.push({ idea: ideaId, participant });
      const target = published.find(({ id }) => id === ideaId);
      if (!target) return { ok: false, error: { kind: 'conflict', code: 'not-published', message: 'Not published.' } };
      const set = supporters.get(ideaId) ?? new Set();
      if (set.has(participant)) return { ok: false, error: { kind: 'conflict', code: 'already-supported', message: 'Already.' } };
      supporters.set(ideaId, set.add(participant));
      target.supports++;
      return { ok: true, data: { idea: ideaId, supports: target.supports } };
    },
  };
  return { adapter: adapter as unknown as BackendAdapter, calls };
}

const part = (el: CivicConsultationIdeas, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: CivicConsultationIdeas, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
// Assertions compare strings: a failing chai assertion that prints one of our elements hangs the page.
const hasPart = (el: CivicConsultationIdeas, name: string) => part(el, name) !== null;
const text = (el: CivicConsultationIdeas, name: string) => part(el, name)?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '(none)';
const texts = (el: CivicConsultationIdeas, name: string) => parts(el, name).map((node) => node.textContent!.replace(/[ \t\r\n]+/g, ' ').trim());
const titleInput = (el: CivicConsultationIdeas) => part(el, 'title-input') as HTMLInputElement;
const bodyInput = (el: CivicConsultationIdeas) => part(el, 'body-input') as HTMLTextAreaElement;

/** What has focus inside the element, as its `part`. */
function focused(el: CivicConsultationIdeas): string {
  const active = el.shadowRoot!.activeElement;
  return active ? (active.getAttribute('part') ?? active.tagName.toLowerCase()) : 'nothing';
}

/** Ids named by `aria-describedby` of `node`, as the texts they point to. */
function description(el: CivicConsultationIdeas, node: HTMLElement): string {
  return node
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? `(missing ${id})`)
    .join(' | ');
}

async function ideasFixture(adapter: BackendAdapter, options: { consultation?: Consultation; lang?: string } = {}) {
  const el = await fixture<CivicConsultationIdeas>(html`
    <civic-consultation-ideas .consultation=${options.consultation ?? consultation()} .adapter=${adapter} lang=${options.lang ?? ''}></civic-consultation-ideas>
  `);
  await waitUntil(() => hasPart(el, 'list') || hasPart(el, 'empty') || hasPart(el, 'error'), 'the ideas are loaded', { timeout: 3000 });
  await el.updateComplete;
  return el;
}

function type(el: CivicConsultationIdeas, field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input'));
  return el.updateComplete;
}

/** Proposes the idea written, listening for `type` before pressing so that a quick adapter cannot beat it. */
async function proposeAndWait<K extends 'civic-idea-submitted' | 'civic-idea-error'>(el: CivicConsultationIdeas, eventType: K) {
  const settled = oneEvent(el, eventType);
  part(el, 'submit')!.click();
  const event = await settled;
  await el.updateComplete;
  return event as unknown as GlobalEventHandlersEventMap[K];
}

async function supportAndWait<K extends 'civic-idea-supported' | 'civic-idea-error'>(el: CivicConsultationIdeas, index: number, eventType: K) {
  const settled = oneEvent(el, eventType);
  parts(el, 'support')[index]!.click();
  const event = await settled;
  await el.updateComplete;
  return event as unknown as GlobalEventHandlersEventMap[K];
}

const stored = () => localStorage.getItem(STORAGE_KEY);

/** Moves the page's clock `days` ahead (`new Date()` and `Date.now()`, which the outbox reads) until the returned function puts it back. */
function clockAhead(days: number): () => void {
  const RealDate = Date;
  const shift = days * 86_400_000;
  class Later extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor>) {
      if (args.length) super(...args);
      else super(RealDate.now() + shift);
    }
    static override now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = Later as DateConstructor;
  return () => (globalThis.Date = RealDate);
}

describe('<civic-consultation-ideas>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await forgetOutboxes();
  });
  afterEach(() => {
    localStorage.clear();
    resetConfiguration();
  });

  describe('the list', () => {
    it('shows the published ideas, most supported first, titles as headings under the section, with their supports', async () => {
      const { adapter } = ideasBackend({
        ideas: [
          idea('Un marché couvert', { supports: 1 }),
          idea('Plus d’arbres', { supports: 12, body: 'Des platanes le long de la rue.\nEt des bancs.' }),
          idea('Des toilettes publiques'),
        ],
      });
      const el = await ideasFixture(adapter);
      expect(texts(el, 'idea-title')).to.deep.equal(['Plus d’arbres', 'Un marché couvert', 'Des toilettes publiques']);
      expect(texts(el, 'supports')).to.deep.equal(['12 soutiens', '1 soutien', '0 soutien']);
      expect(texts(el, 'idea-body')).to.deep.equal(['Des platanes le long de la rue. Et des bancs.']);
      expect(part(el, 'list')!.tagName).to.equal('UL');
      expect(await accessibleNames('heading')).to.deep.equal([
        'Idées des participants',
        'Idées publiées',
        'Plus d’arbres',
        'Un marché couvert',
        'Des toilettes publiques',
        'Proposer une idée',
      ]);
      expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('3');
      expect(part(el, 'idea-title')!.getAttribute('aria-level')).to.equal('5');
      await expect(el).to.be.accessible();
    });

    it('names each support button after its idea', async () => {
      const { adapter } = ideasBackend({ ideas: [idea('Plus d’arbres', { supports: 2 }), idea('Un marché couvert')] });
      await ideasFixture(adapter);
      expect(await accessibleNames('button')).to.deep.equal([
        'Soutenir l’idée «\u00a0Plus d’arbres\u00a0»',
        'Soutenir l’idée «\u00a0Un marché couvert\u00a0»',
        'Proposer mon idée',
      ]);
    });

    it('says it is loading while the ideas come', async () => {
      const backend = ideasBackend({ ideas: [idea('Plus d’arbres')] });
      let answer!: () => void;
      const adapter = {
        ...backend.adapter,
        listIdeas: (...args: Parameters<BackendAdapter['listIdeas']>) =>
          new Promise<Result<Idea[]>>((resolve) => (answer = () => resolve(backend.adapter.listIdeas(...args)))),
      };
      const el = await fixture<CivicConsultationIdeas>(html`<civic-consultation-ideas .consultation=${consultation()} .adapter=${adapter}></civic-consultation-ideas>`);
      await waitUntil(() => answer !== undefined, 'the ideas are asked for');
      expect(text(el, 'base')).to.contain('Chargement des idées…');
      await expect(el).to.be.accessible();
      answer();
      await waitUntil(() => hasPart(el, 'list'), 'the list shows', { timeout: 3000 });
      expect(text(el, 'base')).not.to.contain('Chargement des idées…');
    });

    it('says when no idea is published yet', async () => {
      const { adapter } = ideasBackend();
      const el = await ideasFixture(adapter);
      expect(text(el, 'empty')).to.equal('Aucune idée publiée pour l’instant.');
      expect(hasPart(el, 'list')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('asks for the ideas without a participant, and stores nothing, when the browser remembers none', async () => {
      const { adapter, calls } = ideasBackend({ ideas: [idea('Plus d’arbres')] });
      await ideasFixture(adapter);
      expect(calls.list).to.deep.equal([{}]);
      expect(localStorage.length).to.equal(0);
    });

    it('shows the person’s own pending and refused ideas, with the reason, when the browser remembers them', async () => {
      rememberParticipant(CONSULTATION_ID, { participant: 'p-1', answered: true });
      const { adapter, calls } = ideasBackend({
        ideas: [idea('Plus d’arbres', { supports: 3 })],
        own: {
          'p-1': [
            idea('Une fontaine', { status: 'pending' }),
            idea('Un parking de 500 places', { status: 'rejected', rejectionReason: 'Hors du périmètre du projet.' }),
          ],
        },
      });
      const el = await ideasFixture(adapter);
      expect(calls.list).to.deep.equal([{ participant: 'p-1' }]);
      expect(texts(el, 'list').length).to.equal(1);
      const own = parts(el, 'own-idea');
      expect(own.map((node) => node.querySelector('[part="idea-title"]')!.textContent)).to.deep.equal(['Une fontaine', 'Un parking de 500 places']);
      expect(texts(el, 'idea-status')).to.deep.equal(['En attente de validation', 'Refusée']);
      expect(text(el, 'own')).to.contain('Motif\u00a0: Hors du périmètre du projet.');
      expect(await hasAccessibleNode('heading', 'Vos idées non publiées')).to.be.true;
      // The author cannot support an idea of theirs that is not published.
      expect(parts(el, 'support').length).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('says when the ideas cannot be loaded, and loads them again on demand', async () => {
      let fail = true;
      const backend = ideasBackend({ ideas: [idea('Plus d’arbres')] });
      const adapter = {
        ...backend.adapter,
        listIdeas: (...args: Parameters<BackendAdapter['listIdeas']>) =>
          fail
            ? Promise.resolve({ ok: false as const, error: { kind: 'network' as const, code: 'network', message: 'offline' } })
            : backend.adapter.listIdeas(...args),
      };
      const errors: string[] = [];
      const wrapper = await fixture(html`<div @civic-idea-error=${(event: Event) => errors.push((event as GlobalEventHandlersEventMap['civic-idea-error']).action)}></div>`);
      const el = document.createElement('civic-consultation-ideas');
      el.consultation = consultation();
      el.adapter = adapter;
      wrapper.append(el);
      await waitUntil(() => hasPart(el, 'error'), 'the error shows', { timeout: 3000 });
      expect(text(el, 'error')).to.equal('Les idées n’ont pas pu être chargées.');
      expect(errors).to.deep.equal(['load']);
      await expect(el).to.be.accessible();
      fail = false;
      part(el, 'retry')!.click();
      await waitUntil(() => hasPart(el, 'list'), 'the list shows', { timeout: 3000 });
      expect(texts(el, 'idea-title')).to.deep.equal(['Plus d’arbres']);
    });

    it('tells the webmaster when it has no backend to talk to', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<CivicConsultationIdeas>(html`<civic-consultation-ideas .consultation=${consultation()}></civic-consultation-ideas>`);
        await waitUntil(() => hasPart(el, 'error'), 'the error shows', { timeout: 3000 });
        expect(text(el, 'error')).to.contain('il lui manque l’adresse du serveur');
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors.length).to.be.greaterThan(0);
    });

    it('renders nothing when the consultation takes no ideas', async () => {
      const { adapter, calls } = ideasBackend();
      const el = await fixture<CivicConsultationIdeas>(html`
        <civic-consultation-ideas .consultation=${consultation({ ideas: { enabled: false, moderation: 'pre' } })} .adapter=${adapter}></civic-consultation-ideas>
      `);
      await el.updateComplete;
      expect(hasPart(el, 'base')).to.be.false;
      expect(calls.list).to.have.length(0);
    });
  });

  describe('proposing', () => {
    it('has a labelled, required title of 140 characters and a description of 2,000, each with a counter and the personal-data warning', async () => {
      const el = await ideasFixture(ideasBackend().adapter);
      expect(titleInput(el).maxLength).to.equal(140);
      expect(bodyInput(el).maxLength).to.equal(2000);
      expect(titleInput(el).getAttribute('aria-required')).to.equal('true');
      expect(await hasAccessibleNode('textbox', 'Titre de votre idée (obligatoire)')).to.be.true;
      expect(await hasAccessibleNode('textbox', 'Description (facultatif)')).to.be.true;
      expect(description(el, titleInput(el))).to.equal(
        '140 caractères restants sur 140 | Votre idée sera publique\u00a0: n’y écrivez aucune donnée personnelle (nom, adresse, téléphone, courriel), ni sur vous ni sur d’autres personnes.',
      );
      expect(description(el, bodyInput(el))).to.contain('2\u202f000 caractères restants sur 2\u202f000');
      await type(el, titleInput(el), 'Plus d’arbres');
      await type(el, bodyInput(el), 'x'.repeat(1500));
      expect(description(el, titleInput(el))).to.contain('127 caractères restants sur 140');
      expect(description(el, bodyInput(el))).to.contain('500 caractères restants sur 2\u202f000');
      expect(text(el, 'form')).to.contain('Chaque idée est relue par l’équipe de la consultation avant d’être publiée.');
      await expect(el).to.be.accessible();
    });

    it('requires a title: says so next to the field, links the message to it, moves focus there, sends nothing', async () => {
      const { adapter, calls } = ideasBackend();
      const el = await ideasFixture(adapter);
      await type(el, titleInput(el), '   ');
      await type(el, bodyInput(el), 'Sans titre');
      part(el, 'submit')!.click();
      await el.updateComplete;
      await waitUntil(() => focused(el) === 'title-input', 'focus moves to the title');
      expect(text(el, 'field-error')).to.equal('Indiquez un titre pour votre idée.');
      expect(titleInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, titleInput(el))).to.match(/^Indiquez un titre pour votre idée\. \| 137 caractères/);
      expect(calls.submit).to.have.length(0);
      expect(localStorage.length).to.equal(0);
      await expect(el).to.be.accessible();

      await type(el, titleInput(el), 'Des bancs');
      expect(hasPart(el, 'field-error')).to.be.false;
      expect(titleInput(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('refuses a title longer than 140 characters set by script, and says by how much', async () => {
      const { adapter, calls } = ideasBackend();
      const el = await ideasFixture(adapter);
      await type(el, titleInput(el), 'a'.repeat(143));
      await el.propose();
      expect(text(el, 'field-error')).to.equal('3 caractères de trop');
      expect(calls.submit).to.have.length(0);
    });

    it('under pre-moderation, says plainly the idea waits for approval and shows it to its author only', async () => {
      const { adapter, calls } = ideasBackend({ ideas: [idea('Plus d’arbres', { supports: 4 })] });
      const el = await ideasFixture(adapter);
      await type(el, titleInput(el), '  Une fontaine  ');
      await type(el, bodyInput(el), 'Au centre de la place.');
      const { idea: proposed } = await proposeAndWait(el, 'civic-idea-submitted');
      expect(proposed.status).to.equal('pending');
      expect(calls.submit).to.have.length(1);
      expect(calls.submit[0]).to.include({ title: 'Une fontaine', body: 'Au centre de la place.' });
      expect(calls.submit[0]!.id).to.match(/^[0-9a-f-]{36}$/);
      const message =
        'Merci, votre idée a bien été reçue. Elle sera publiée après validation par l’équipe de la consultation\u202f; en attendant, elle n’est visible que par vous.';
      expect(text(el, 'confirmation')).to.equal(message);
      expect(text(el, 'status')).to.equal(message);
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(texts(el, 'idea-title')).to.deep.equal(['Plus d’arbres', 'Une fontaine']);
      expect(texts(el, 'idea-status')).to.deep.equal(['En attente de validation']);
      expect(titleInput(el).value).to.equal('');
      expect(bodyInput(el).value).to.equal('');
      // The participant is remembered now that the person has acted, and is the one sent.
      expect(JSON.parse(stored()!)).to.deep.equal({ participant: calls.submit[0]!.participant, answered: false });
      await expect(el).to.be.accessible();
    });

    it('under post-moderation, publishes the idea at once, on top of the list', async () => {
      const { adapter } = ideasBackend({ ideas: [idea('Plus d’arbres', { supports: 4 })], moderation: 'post' });
      const el = await ideasFixture(adapter, { consultation: consultation({}, 'post') });
      expect(text(el, 'form')).to.contain('Votre idée est publiée dès son envoi');
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-submitted');
      expect(texts(el, 'idea-title')).to.deep.equal(['Une fontaine', 'Plus d’arbres']);
      expect(text(el, 'confirmation')).to.equal('Merci, votre idée est publiée.');
      expect(hasPart(el, 'own')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('fires a cancelable civic-idea-submit before storing anything; a veto sends and stores nothing', async () => {
      const { adapter, calls } = ideasBackend();
      const el = await ideasFixture(adapter);
      const seen: string[] = [];
      el.addEventListener('civic-idea-submit', (event) => {
        seen.push(`${event.consultation} ${event.idea.title} ${stored() ?? 'nothing stored'}`);
        event.preventDefault();
      });
      await type(el, titleInput(el), 'Une fontaine');
      await el.propose();
      expect(seen).to.deep.equal(['place-du-marche Une fontaine nothing stored']);
      expect(calls.submit).to.have.length(0);
      expect(localStorage.length).to.equal(0);
      expect(titleInput(el).value).to.equal('Une fontaine');
    });

    it('sends each idea once, even when the button is pressed again while sending', async () => {
      let answer!: (result: Result<Idea>) => void;
      let calls = 0;
      // The outbox closed at the end of the test aborts it, so that it does not hold the outbox's lock for the next.
      const adapter = {
        ...ideasBackend().adapter,
        submitIdea: (_id: string, _idea: IdeaSubmission, options?: { signal?: AbortSignal }) => {
          calls++;
          return new Promise<Result<Idea>>((resolve) => {
            answer = resolve;
            options?.signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted', code: 'aborted', message: 'aborted' } }));
          });
        },
      };
      const el = await ideasFixture(adapter);
      await type(el, titleInput(el), 'Une fontaine');
      part(el, 'submit')!.click();
      await waitUntil(() => calls === 1, 'the idea is sent');
      await el.updateComplete;
      expect(text(el, 'submit')).to.equal('Envoi de votre idée…');
      expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
      expect(titleInput(el).readOnly).to.be.true;
      expect(text(el, 'status')).to.equal('Envoi de votre idée…');
      await expect(el).to.be.accessible();
      part(el, 'submit')!.click();
      await el.propose();
      expect(calls).to.equal(1);
      answer({ ok: true, data: idea('Une fontaine', { status: 'pending' }) });
    });

    it('runs the configured plugins with the kind idea, and acts as the participant a plugin verified, storing nothing', async () => {
      const kinds: string[] = [];
      configure({
        plugins: [{ name: 'franceconnect', participant: () => 'verified-42', beforeSubmit: ({ kind }) => void kinds.push(kind) }],
      });
      const { adapter, calls } = ideasBackend();
      const el = await ideasFixture(adapter);
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-submitted');
      expect(kinds).to.deep.equal(['idea']);
      expect(calls.submit[0]!.participant).to.equal('verified-42');
      expect(localStorage.length).to.equal(0);
    });
  });

  describe('supporting', () => {
    it('supports an idea once: the button says so, is announced as unavailable, and a second press sends nothing', async () => {
      const first = idea('Plus d’arbres', { supports: 1 });
      const { adapter, calls } = ideasBackend({ ideas: [first, idea('Un marché couvert')] });
      const el = await ideasFixture(adapter);
      expect(localStorage.length).to.equal(0);
      const { receipt } = await supportAndWait(el, 0, 'civic-idea-supported');
      expect(receipt).to.deep.equal({ idea: first.id, supports: 2 });
      expect(texts(el, 'supports')).to.deep.equal(['2 soutiens', '0 soutien']);
      expect(texts(el, 'support')).to.deep.equal(['✓ Vous soutenez cette idée', 'Soutenir']);
      expect(parts(el, 'support')[0]!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'status')).to.equal('Votre soutien est enregistré.');
      expect(await accessibleNames('button')).to.deep.equal([
        'Vous soutenez cette idée («\u00a0Plus d’arbres\u00a0»)',
        'Soutenir l’idée «\u00a0Un marché couvert\u00a0»',
        'Proposer mon idée',
      ]);
      expect(JSON.parse(stored()!).participant).to.equal(calls.support[0]!.participant);
      await expect(el).to.be.accessible();

      parts(el, 'support')[0]!.click();
      // Even asked with the idea as first loaded, the element knows it is supported now.
      await el.support(first);
      await el.updateComplete;
      expect(calls.support).to.have.length(1);
      expect(texts(el, 'supports')).to.deep.equal(['2 soutiens', '0 soutien']);
    });

    it('shows the ideas the remembered participant already supports as supported', async () => {
      rememberParticipant(CONSULTATION_ID, { participant: 'p-1', answered: false });
      const target = idea('Plus d’arbres', { supports: 1 });
      const backend = ideasBackend({ ideas: [target, idea('Un marché couvert')] });
      await backend.adapter.supportIdea(CONSULTATION_ID, target.id, 'p-1');
      const el = await ideasFixture(backend.adapter);
      expect(texts(el, 'support')).to.deep.equal(['✓ Vous soutenez cette idée', 'Soutenir']);
      expect(texts(el, 'supports')).to.deep.equal(['2 soutiens', '0 soutien']);
    });

    it('uses the same participant for proposing and supporting, and the kind idea-support for plugins', async () => {
      const kinds: string[] = [];
      configure({ plugins: [{ name: 'analytics', afterSubmit: ({ kind }) => void kinds.push(kind) }] });
      const { adapter, calls } = ideasBackend({ ideas: [idea('Plus d’arbres')] });
      const el = await ideasFixture(adapter);
      await supportAndWait(el, 0, 'civic-idea-supported');
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-submitted');
      expect(kinds).to.deep.equal(['idea-support', 'idea']);
      expect(calls.submit[0]!.participant).to.equal(calls.support[0]!.participant);
    });
  });

  describe('a consultation not open', () => {
    for (const [status, notice] of [
      ['scheduled', 'La consultation n’est pas encore ouverte\u00a0: vous pourrez proposer et soutenir des idées dès son ouverture.'],
      ['closed', 'La consultation est close\u00a0: il n’est plus possible de proposer ni de soutenir des idées.'],
    ] as const) {
      it(`when ${status}, shows the ideas and says why, without a form or support buttons`, async () => {
        const { adapter } = ideasBackend({ ideas: [idea('Plus d’arbres', { supports: 7 })] });
        const el = await ideasFixture(adapter, { consultation: consultation({ status }) });
        expect(text(el, 'notice')).to.equal(notice);
        expect(hasPart(el, 'form')).to.be.false;
        expect(hasPart(el, 'support')).to.be.false;
        expect(texts(el, 'supports')).to.deep.equal(['7 soutiens']);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('errors from the server', () => {
    let worker: Awaited<ReturnType<typeof startNetwork>>;
    const httpAdapter = () => createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 });
    /** The outbox of that backend, which every HTTP adapter for it shares. */
    const OUTBOX = outboxOf(ENDPOINT, 'ville-exemple');
    const listed = (ideas: Idea[]) => http.get(IDEAS_URL, () => HttpResponse.json(ideas));
    const refused = (status: number, code: string, headers: Record<string, string> = {}) =>
      HttpResponse.json({ error: { code, message: code } }, { status, headers });
    const storedIdea = async (request: Request, status: Idea['status'] = 'pending'): Promise<Idea> => {
      const body = (await request.json()) as IdeaSubmission;
      return { id: body.id, title: body.title, body: body.body, status, supports: 0, createdAt: new Date().toISOString() };
    };

    before(async () => {
      worker = await startNetwork();
    });
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('says the idea is kept on this device when the connection fails, frees the form, and sends that same idea once it is back', async () => {
      const ids: string[] = [];
      worker.use(listed([]), http.post(IDEAS_URL, async ({ request }) => (ids.push(((await request.json()) as IdeaSubmission).id), HttpResponse.error())));
      const el = await ideasFixture(httpAdapter());
      const errors: Event[] = [];
      el.addEventListener('civic-idea-error', (event) => errors.push(event));
      await type(el, titleInput(el), 'Une fontaine');
      expect(await civicDatabases(), 'nothing in IndexedDB before the person proposes').to.deep.equal([]);
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      const kept = 'Votre idée est enregistrée sur cet appareil et sera envoyée dès que la connexion reviendra.';
      expect(text(el, 'queued')).to.equal(kept);
      expect(text(el, 'status')).to.equal(kept);
      expect(focused(el)).to.equal('queued');
      expect(titleInput(el).value).to.equal('');
      expect(titleInput(el).readOnly).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      expect(hasPart(el, 'error')).to.be.false;
      expect(errors).to.have.length(0);
      expect((await queuedEntries(OUTBOX)).map(({ key }) => key)).to.deep.equal([`idea:${ids[0]}`]);
      await expect(el).to.be.accessible();

      worker.use(
        http.post(IDEAS_URL, async ({ request }) => {
          const body = await storedIdea(request.clone());
          ids.push(body.id);
          return HttpResponse.json(body, { status: 201 });
        }),
      );
      const sent = oneEvent(el, 'civic-idea-submitted');
      window.dispatchEvent(new Event('online'));
      const { idea: proposed } = (await sent) as unknown as GlobalEventHandlersEventMap['civic-idea-submitted'];
      await el.updateComplete;
      expect(ids.at(-1)).to.equal(ids[0]);
      expect(new Set(ids).size).to.equal(1);
      expect(proposed.id).to.equal(ids[0]);
      expect(text(el, 'confirmation')).to.contain('Merci, votre idée a bien été reçue.');
      expect(hasPart(el, 'queued')).to.be.false;
      expect(texts(el, 'idea-title')).to.deep.equal(['Une fontaine']);
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      expect(errors).to.have.length(0);
    });

    it('keeps saying ideas wait on the device until the last one is sent, and thanks and announces each one as it goes', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the first idea is kept on the device', { timeout: 5000 });
      await type(el, titleInput(el), 'Des bancs');
      part(el, 'submit')!.click();
      const both = 'Vos 2 idées sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.';
      await waitUntil(() => text(el, 'queued') === both, 'the second idea is kept too', { timeout: 5000 });
      expect(text(el, 'status')).to.equal(both);
      expect((await queuedEntries(OUTBOX)).length).to.equal(2);

      // The second idea's request is held, so that what shows between the two sends can be read.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.post(IDEAS_URL, async ({ request }) => {
          const body = await storedIdea(request);
          if (body.title === 'Des bancs') await held;
          return HttpResponse.json(body, { status: 201 });
        }),
      );
      const thanks = (title: string) =>
        `Votre idée «\u00a0${title}\u00a0», gardée sur cet appareil, a été envoyée. Merci, votre idée a bien été reçue. Elle sera publiée après validation par l’équipe de la consultation\u202f; en attendant, elle n’est visible que par vous.`;
      const first = oneEvent(el, 'civic-idea-submitted');
      window.dispatchEvent(new Event('online'));
      await first;
      await el.updateComplete;
      expect(text(el, 'confirmation')).to.equal(thanks('Une fontaine'));
      expect(text(el, 'status')).to.equal(thanks('Une fontaine'));
      expect(text(el, 'queued'), 'the second idea still waits').to.equal('Votre idée est enregistrée sur cet appareil et sera envoyée dès que la connexion reviendra.');
      await expect(el).to.be.accessible();

      const second = oneEvent(el, 'civic-idea-submitted');
      release();
      await second;
      await el.updateComplete;
      expect(text(el, 'confirmation')).to.equal(thanks('Des bancs'));
      expect(text(el, 'status')).to.equal(thanks('Des bancs'));
      expect(hasPart(el, 'queued')).to.be.false;
      expect(texts(el, 'idea-title')).to.deep.equal(['Des bancs', 'Une fontaine']);
      await expect(el).to.be.accessible();
    });

    it('says an idea kept on the device too long was not sent, not that the server was slow, and gives it back to send again', async () => {
      const ids: string[] = [];
      worker.use(listed([]), http.post(IDEAS_URL, async ({ request }) => (ids.push(((await request.json()) as IdeaSubmission).id), HttpResponse.error())));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      const tries = ids.length;
      const failed = oneEvent(el, 'civic-idea-error');
      const clockBack = clockAhead(15);
      try {
        window.dispatchEvent(new Event('online'));
        const { error } = (await failed) as unknown as GlobalEventHandlersEventMap['civic-idea-error'];
        expect(error.code).to.equal('expired');
      } finally {
        clockBack();
      }
      await el.updateComplete;
      expect(ids.length, 'an expired idea is not sent').to.equal(tries);
      expect(text(el, 'error')).to.equal(
        'Votre idée n’a pas pu être envoyée\u00a0: elle est restée trop longtemps sur cet appareil sans atteindre le serveur. Vous pouvez l’envoyer à nouveau.',
      );
      expect(text(el, 'status')).to.equal(text(el, 'error'));
      expect(titleInput(el).value).to.equal('Une fontaine');
      expect(hasPart(el, 'queued')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says in English that the idea is kept on this device', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter(), { lang: 'en' });
      await type(el, titleInput(el), 'A fountain');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      expect(text(el, 'queued')).to.equal('Your idea is saved on this device and will be sent as soon as the connection is back.');
    });

    it('puts an idea kept on the device, then refused, back in the empty form to mend, and says why', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      await type(el, bodyInput(el), 'Près des jeux.');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      expect(titleInput(el).value, 'the form is freed for another idea').to.equal('');

      worker.use(
        http.post(IDEAS_URL, () =>
          HttpResponse.json({ error: { code: 'invalid-body', message: 'Invalid', fields: [{ path: 'title', message: 'blank' }] } }, { status: 400 }),
        ),
      );
      const failed = oneEvent(el, 'civic-idea-error');
      window.dispatchEvent(new Event('online'));
      await failed;
      await el.updateComplete;
      expect(titleInput(el).value).to.equal('Une fontaine');
      expect(bodyInput(el).value).to.equal('Près des jeux.');
      expect(titleInput(el).readOnly, 'a refused idea is mended, not sent again as it is').to.be.false;
      expect(text(el, 'error')).to.equal('Votre idée n’a pas pu être enregistrée\u00a0: titre');
      expect(hasPart(el, 'queued')).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('leaves the next idea being written as it is when the one kept on the device is refused', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      await type(el, titleInput(el), 'Des bancs');

      worker.use(http.post(IDEAS_URL, () => refused(409, 'definition-changed')));
      const failed = oneEvent(el, 'civic-idea-error');
      window.dispatchEvent(new Event('online'));
      await failed;
      await el.updateComplete;
      expect(titleInput(el).value).to.equal('Des bancs');
      expect(text(el, 'error')).to.equal('Votre idée n’a pas pu être enregistrée.');
    });

    it('names the refused fields through the catalog, and lets the person mend them', async () => {
      worker.use(
        listed([]),
        http.post(IDEAS_URL, () =>
          HttpResponse.json(
            { error: { code: 'invalid-body', message: 'Invalid', fields: [{ path: 'title', message: 'blank' }, { path: 'body', message: 'long' }] } },
            { status: 400 },
          ),
        ),
      );
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-error');
      expect(text(el, 'error')).to.equal('Votre idée n’a pas pu être enregistrée\u00a0: titre et description');
      expect(titleInput(el).readOnly).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says when the person has proposed as many ideas as allowed (409 too-many-ideas)', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => refused(409, 'too-many-ideas')));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-error');
      expect(text(el, 'error')).to.equal('Vous avez déjà proposé autant d’idées que cette consultation le permet.');
      expect(hasPart(el, 'retry')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('when rate limited (429), keeps the idea on the device and says it will be sent in a moment', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => refused(429, 'rate-limited', { 'Retry-After': '40' })));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      part(el, 'submit')!.click();
      await waitUntil(() => hasPart(el, 'queued'), 'the idea is kept on the device', { timeout: 5000 });
      expect(text(el, 'queued')).to.equal('Votre idée est enregistrée sur cet appareil et sera envoyée automatiquement dans un instant.');
      expect((await queuedEntries(OUTBOX)).length).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('any other refusal reads as one, whatever its code', async () => {
      worker.use(listed([]), http.post(IDEAS_URL, () => refused(409, 'definition-changed')));
      const el = await ideasFixture(httpAdapter());
      await type(el, titleInput(el), 'Une fontaine');
      await proposeAndWait(el, 'civic-idea-error');
      expect(text(el, 'error')).to.equal('Votre idée n’a pas pu être enregistrée.');
    });

    for (const [code, notice] of [
      ['closed', 'La consultation est close\u00a0: il n’est plus possible de proposer ni de soutenir des idées.'],
      ['not-open', 'La consultation n’est pas encore ouverte\u00a0: vous pourrez proposer et soutenir des idées dès son ouverture.'],
      ['ideas-disabled', 'Cette consultation ne recueille pas d’idées.'],
    ] as const) {
      it(`when the server answers ${code}, takes the form away and moves focus to the reason`, async () => {
        worker.use(listed([]), http.post(IDEAS_URL, () => refused(409, code)));
        const el = await ideasFixture(httpAdapter());
        await type(el, titleInput(el), 'Une fontaine');
        await proposeAndWait(el, 'civic-idea-error');
        await waitUntil(() => focused(el) === 'notice', 'focus moves to the notice');
        expect(text(el, 'notice')).to.equal(notice);
        expect(hasPart(el, 'form')).to.be.false;
        await expect(el).to.be.accessible();
      });
    }

    it('marks an idea supported when the server says it already is (409 already-supported)', async () => {
      const target = idea('Plus d’arbres', { supports: 5 });
      worker.use(listed([target]), http.post(`${IDEAS_URL}/:idea/supports`, () => refused(409, 'already-supported')));
      const el = await ideasFixture(httpAdapter());
      const done = oneEvent(el, 'civic-idea-error');
      let errored = false;
      done.then(() => (errored = true));
      parts(el, 'support')[0]!.click();
      await waitUntil(() => texts(el, 'support')[0] === '✓ Vous soutenez cette idée', 'the idea reads as supported', { timeout: 3000 });
      expect(text(el, 'status')).to.equal('Vous soutenez déjà cette idée.');
      expect(texts(el, 'supports')).to.deep.equal(['5 soutiens']);
      expect(hasPart(el, 'idea-error')).to.be.false;
      expect(errored).to.be.false;
      await expect(el).to.be.accessible();
    });

    const SUPPORTS_URL = `${IDEAS_URL}/:idea/supports`;
    const KEPT_SUPPORT = 'Votre soutien est enregistré sur cet appareil et sera envoyé dès que la connexion reviendra.';
    const participantOf = async (request: Request) => ((await request.json()) as { participant: string }).participant;
    /** Presses the first support button and waits until the support is kept on the device. */
    async function supportKept(el: CivicConsultationIdeas) {
      parts(el, 'support')[0]!.click();
      await waitUntil(() => hasPart(el, 'support-queued'), 'the support is kept on the device', { timeout: 5000 });
      await el.updateComplete;
    }

    it('keeps a support given offline on the device, says so by the idea and in the status, and sends it once when the connection is back', async () => {
      const target = idea('Plus d’arbres', { supports: 5 });
      const tries: string[] = [];
      worker.use(
        listed([target]),
        http.post(SUPPORTS_URL, async ({ request, params }) => {
          tries.push(await participantOf(request));
          return HttpResponse.json({ idea: params.idea, supports: 6 }, { status: 201 });
        }),
      );
      const el = await ideasFixture(httpAdapter());
      const events: string[] = [];
      el.addEventListener('civic-idea-error', () => events.push('error'));
      el.addEventListener('civic-idea-supported', () => events.push('supported'));
      const backOnline = goOffline();
      try {
        await supportKept(el);
        expect(text(el, 'support-queued')).to.equal(KEPT_SUPPORT);
        expect(text(el, 'status')).to.equal(KEPT_SUPPORT);
        const button = parts(el, 'support')[0]!;
        expect(texts(el, 'support')).to.deep.equal(['Soutien en attente d’envoi']);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(await accessibleNames('button')).to.deep.equal(['Soutien en attente d’envoi («\u00a0Plus d’arbres\u00a0»)', 'Proposer mon idée']);
        expect(description(el, button)).to.equal(KEPT_SUPPORT);
        expect(texts(el, 'supports'), 'not counted before the server has it').to.deep.equal(['5 soutiens']);
        expect(hasPart(el, 'idea-error')).to.be.false;
        expect(tries, 'offline, nothing is tried').to.deep.equal([]);
        const participant = JSON.parse(stored()!).participant as string;
        expect((await queuedEntries(OUTBOX)).map(({ key }) => key)).to.deep.equal([`idea-support:${target.id}:${participant}`]);
        await expect(el).to.be.accessible();

        // A second press while it waits sends nothing more: the outbox sends the one it keeps.
        button.click();
        await el.updateComplete;
        expect(texts(el, 'support')).to.deep.equal(['Soutien en attente d’envoi']);
        expect(text(el, 'status')).to.equal(KEPT_SUPPORT);
      } finally {
        const sent = oneEvent(el, 'civic-idea-supported');
        backOnline();
        await sent;
      }
      await el.updateComplete;
      expect(tries).to.deep.equal([JSON.parse(stored()!).participant]);
      expect(texts(el, 'supports')).to.deep.equal(['6 soutiens']);
      expect(texts(el, 'support')).to.deep.equal(['✓ Vous soutenez cette idée']);
      expect(text(el, 'status')).to.equal('Votre soutien est enregistré.');
      expect(hasPart(el, 'support-queued')).to.be.false;
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      expect(events).to.deep.equal(['supported']);
    });

    it('reads a support whose reply was lost, then refused as already supported on the retry, as supported', async () => {
      const target = idea('Plus d’arbres', { supports: 5 });
      const supporters = new Set<string>();
      // The server stores the support, but its reply never reaches the browser.
      worker.use(
        listed([target]),
        http.post(SUPPORTS_URL, async ({ request }) => (supporters.add(await participantOf(request)), HttpResponse.error())),
      );
      const el = await ideasFixture(httpAdapter());
      let errored = false;
      el.addEventListener('civic-idea-error', () => (errored = true));
      await supportKept(el);
      expect(supporters.size).to.equal(1);

      worker.use(
        http.post(SUPPORTS_URL, async ({ request }) =>
          supporters.has(await participantOf(request)) ? refused(409, 'already-supported') : HttpResponse.json({ error: { code: 'unexpected', message: '' } }, { status: 500 }),
        ),
      );
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => texts(el, 'support')[0] === '✓ Vous soutenez cette idée', 'the idea reads as supported', { timeout: 5000 });
      expect(text(el, 'status')).to.equal('Vous soutenez déjà cette idée.');
      expect(texts(el, 'supports')).to.deep.equal(['5 soutiens']);
      expect(hasPart(el, 'support-queued')).to.be.false;
      expect(hasPart(el, 'idea-error')).to.be.false;
      expect(errored).to.be.false;
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
    });

    it('says why a support kept on the device was refused once sent, and supports with the same participant on a second press', async () => {
      const target = idea('Plus d’arbres', { supports: 5 });
      const participants: string[] = [];
      worker.use(listed([target]), http.post(SUPPORTS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter());
      await supportKept(el);

      worker.use(http.post(SUPPORTS_URL, async ({ request }) => (participants.push(await participantOf(request)), refused(409, 'not-published'))));
      const failed = oneEvent(el, 'civic-idea-error');
      window.dispatchEvent(new Event('online'));
      const { action, idea: failedIdea, error } = (await failed) as unknown as GlobalEventHandlersEventMap['civic-idea-error'];
      await el.updateComplete;
      expect([action, failedIdea, error.code]).to.deep.equal(['support', target.id, 'not-published']);
      const refusal = 'Cette idée n’est pas publiée\u00a0: elle ne peut pas être soutenue.';
      expect(text(el, 'idea-error')).to.equal(refusal);
      expect(text(el, 'status')).to.equal(refusal);
      expect(description(el, parts(el, 'support')[0]!)).to.equal(refusal);
      expect(texts(el, 'support')).to.deep.equal(['Soutenir']);
      expect(parts(el, 'support')[0]!.getAttribute('aria-disabled')).to.equal('false');
      expect(hasPart(el, 'support-queued')).to.be.false;
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      await expect(el).to.be.accessible();

      worker.use(
        http.post(SUPPORTS_URL, async ({ request, params }) => {
          participants.push(await participantOf(request));
          return HttpResponse.json({ idea: params.idea, supports: 6 });
        }),
      );
      await supportAndWait(el, 0, 'civic-idea-supported');
      expect(participants).to.have.length(2);
      expect(participants[1]).to.equal(participants[0]);
      expect(texts(el, 'supports')).to.deep.equal(['6 soutiens']);
      expect(hasPart(el, 'idea-error')).to.be.false;
    });

    it('takes the support buttons away when a support kept on the device finds the consultation closed', async () => {
      worker.use(listed([idea('Plus d’arbres')]), http.post(SUPPORTS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter());
      await supportKept(el);
      worker.use(http.post(SUPPORTS_URL, () => refused(409, 'closed')));
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => focused(el) === 'notice', 'focus moves to the notice', { timeout: 5000 });
      expect(text(el, 'notice')).to.equal('La consultation est close\u00a0: il n’est plus possible de proposer ni de soutenir des idées.');
      expect(hasPart(el, 'support')).to.be.false;
      expect(hasPart(el, 'form')).to.be.false;
    });

    it('when rate limited (429), keeps the support on the device and says it will be sent in a moment', async () => {
      worker.use(listed([idea('Plus d’arbres')]), http.post(SUPPORTS_URL, () => refused(429, 'rate-limited', { 'Retry-After': '40' })));
      const el = await ideasFixture(httpAdapter());
      await supportKept(el);
      const later = 'Votre soutien est enregistré sur cet appareil et sera envoyé automatiquement dans un instant.';
      expect(text(el, 'support-queued')).to.equal(later);
      expect(text(el, 'status')).to.equal(later);
      await expect(el).to.be.accessible();
    });

    it('says a support kept on the device too long was not sent, and offers to support again', async () => {
      worker.use(listed([idea('Plus d’arbres')]), http.post(SUPPORTS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter(), { lang: 'en' });
      await supportKept(el);
      const failed = oneEvent(el, 'civic-idea-error');
      const clockBack = clockAhead(15);
      try {
        window.dispatchEvent(new Event('online'));
        await failed;
      } finally {
        clockBack();
      }
      await el.updateComplete;
      const expired = 'Your support could not be sent: it stayed on this device too long without reaching the server. You can support this idea again.';
      expect(text(el, 'idea-error')).to.equal(expired);
      expect(text(el, 'status')).to.equal(expired);
      expect(parts(el, 'support')[0]!.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('says in English that the support is kept on this device', async () => {
      worker.use(listed([idea('More trees')]), http.post(SUPPORTS_URL, () => HttpResponse.error()));
      const el = await ideasFixture(httpAdapter(), { lang: 'en' });
      await supportKept(el);
      expect(text(el, 'support-queued')).to.equal('Your support is saved on this device and will be sent as soon as the connection is back.');
      expect(texts(el, 'support')).to.deep.equal(['Support waiting to be sent']);
      expect(parts(el, 'support')[0]!.getAttribute('aria-label')).to.equal('Support waiting to be sent (“More trees”)');
    });

    it('says an idea not published cannot be supported (409 not-published)', async () => {
      worker.use(listed([idea('Plus d’arbres')]), http.post(`${IDEAS_URL}/:idea/supports`, () => refused(409, 'not-published')));
      const el = await ideasFixture(httpAdapter());
      await supportAndWait(el, 0, 'civic-idea-error');
      expect(text(el, 'idea-error')).to.equal('Cette idée n’est pas publiée\u00a0: elle ne peut pas être soutenue.');
      await expect(el).to.be.accessible();
    });
  });

  describe('with the memory adapter', () => {
    const DAY = 86_400_000;
    function memory(moderation: 'pre' | 'post' = 'pre') {
      const { status: _status, ...definition } = consultation(
        { opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
        moderation,
      );
      const adapter = createMemoryAdapter({ consultations: [definition] });
      return { adapter, consultation: consultation({ opensAt: definition.opensAt, closesAt: definition.closesAt }, moderation) };
    }

    it('under pre-moderation: pending for its author only, then published by a moderator, or refused with the reason', async () => {
      const { adapter, consultation: open } = memory('pre');
      const el = await ideasFixture(adapter, { consultation: open });
      expect(text(el, 'empty')).to.equal('Aucune idée publiée pour l’instant.');
      await type(el, titleInput(el), 'Une fontaine');
      const { idea: first } = await proposeAndWait(el, 'civic-idea-submitted');
      await type(el, titleInput(el), 'Un parking');
      const { idea: second } = await proposeAndWait(el, 'civic-idea-submitted');
      expect(texts(el, 'idea-status')).to.deep.equal(['En attente de validation', 'En attente de validation']);
      expect(text(el, 'empty')).to.equal('Aucune idée publiée pour l’instant.');

      // Someone else sees nothing yet.
      const participant = stored();
      localStorage.clear();
      const other = await ideasFixture(adapter, { consultation: open });
      expect(hasPart(other, 'idea')).to.be.false;

      adapter.moderateIdea(CONSULTATION_ID, first.id, { status: 'published' });
      adapter.moderateIdea(CONSULTATION_ID, second.id, { status: 'rejected', reason: 'Hors du périmètre du projet.' });
      localStorage.setItem(STORAGE_KEY, participant!);
      const author = await ideasFixture(adapter, { consultation: open });
      expect(texts(author, 'idea-title')).to.deep.equal(['Une fontaine', 'Un parking']);
      expect(texts(author, 'idea-status')).to.deep.equal(['Refusée']);
      expect(text(author, 'own')).to.contain('Motif\u00a0: Hors du périmètre du projet.');
      await expect(author).to.be.accessible();
    });

    it('under post-moderation: published at once, for everyone', async () => {
      const { adapter, consultation: open } = memory('post');
      const el = await ideasFixture(adapter, { consultation: open });
      await type(el, titleInput(el), 'Une fontaine');
      await type(el, bodyInput(el), 'Au centre de la place.');
      await proposeAndWait(el, 'civic-idea-submitted');
      expect(texts(el, 'idea-title')).to.deep.equal(['Une fontaine']);
      localStorage.clear();
      const other = await ideasFixture(adapter, { consultation: open });
      expect(texts(other, 'idea-title')).to.deep.equal(['Une fontaine']);
      expect(texts(other, 'idea-body')).to.deep.equal(['Au centre de la place.']);
    });

    it('counts one support per participant: supported once, remembered on the next visit, refused a second time', async () => {
      const { adapter, consultation: open } = memory('post');
      const author = await ideasFixture(adapter, { consultation: open });
      await type(author, titleInput(author), 'Une fontaine');
      const { idea: proposed } = await proposeAndWait(author, 'civic-idea-submitted');
      localStorage.clear();

      const el = await ideasFixture(adapter, { consultation: open });
      expect(localStorage.length).to.equal(0);
      await supportAndWait(el, 0, 'civic-idea-supported');
      expect(texts(el, 'supports')).to.deep.equal(['1 soutien']);
      const { participant } = JSON.parse(stored()!);
      const again = await adapter.supportIdea(CONSULTATION_ID, proposed.id, participant);
      expect(again.ok ? 'accepted' : again.error.code).to.equal('already-supported');

      const later = await ideasFixture(adapter, { consultation: open });
      expect(texts(later, 'support')).to.deep.equal(['✓ Vous soutenez cette idée']);
      expect(texts(later, 'supports')).to.deep.equal(['1 soutien']);
    });

    it('refuses the idea of one participant too many, and says so', async () => {
      const { adapter, consultation: open } = memory('pre');
      rememberParticipant(CONSULTATION_ID, { participant: 'prolifique', answered: false });
      for (let i = 0; i < 20; i++) {
        await adapter.submitIdea(CONSULTATION_ID, { id: crypto.randomUUID(), participant: 'prolifique', title: `Idée ${i}`, body: '' });
      }
      const el = await ideasFixture(adapter, { consultation: open });
      await type(el, titleInput(el), 'Encore une');
      await proposeAndWait(el, 'civic-idea-error');
      expect(text(el, 'error')).to.equal('Vous avez déjà proposé autant d’idées que cette consultation le permet.');
    });
  });

  describe('layout', () => {
    it('fits a 320 px wide phone, with touch targets of 44 px at least', async () => {
      const { adapter } = ideasBackend({
        ideas: [idea('Une très longue idée sans espaces: https://exemple.test/'.padEnd(140, 'x'), { supports: 1234, body: 'y'.repeat(600) })],
      });
      const wrapper = await fixture(html`<div style="width: 320px"><civic-consultation-ideas></civic-consultation-ideas></div>`);
      const el = wrapper.querySelector('civic-consultation-ideas')!;
      el.consultation = consultation();
      el.adapter = adapter;
      await waitUntil(() => hasPart(el, 'list'), 'the list shows', { timeout: 3000 });
      const base = part(el, 'base')!;
      expect(`${base.scrollWidth} <= ${base.clientWidth}`).to.equal(`${Math.min(base.scrollWidth, base.clientWidth)} <= ${base.clientWidth}`);
      const small = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, textarea')]
        .filter((node) => node.getBoundingClientRect().height < 44 || node.getBoundingClientRect().right > wrapper.getBoundingClientRect().right + 0.5)
        .map((node) => node.getAttribute('part'));
      expect(small).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('reaches every support button, the fields and the send button with Tab, and acts with Enter and Space', async () => {
      const { adapter, calls } = ideasBackend({ ideas: [idea('Plus d’arbres', { supports: 2 }), idea('Un marché couvert')] });
      const wrapper = await fixture(html`<div><button>avant</button><civic-consultation-ideas></civic-consultation-ideas></div>`);
      const el = wrapper.querySelector('civic-consultation-ideas')!;
      el.consultation = consultation();
      el.adapter = adapter;
      await waitUntil(() => hasPart(el, 'list'), 'the list shows', { timeout: 3000 });
      wrapper.querySelector('button')!.focus();

      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('support');
      const supported = oneEvent(el, 'civic-idea-supported');
      await sendKeys({ press: 'Enter' });
      await supported;
      await el.updateComplete;
      // Focus stays where it was, on the button that now says the idea is supported.
      expect(focused(el)).to.equal('support');
      expect(texts(el, 'support')[0]).to.equal('✓ Vous soutenez cette idée');
      await sendKeys({ press: 'Tab' });
      expect(parts(el, 'support').indexOf(el.shadowRoot!.activeElement as HTMLElement)).to.equal(1);
      await sendKeys({ press: 'Space' });
      await waitUntil(() => calls.support.length === 2, 'the second idea is supported');

      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('title-input');
      await sendKeys({ type: 'Une fontaine' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('body-input');
      await sendKeys({ type: 'Au centre.' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('submit');
      const sent = oneEvent(el, 'civic-idea-submitted');
      await sendKeys({ press: 'Enter' });
      await sent;
      expect(calls.submit[0]).to.include({ title: 'Une fontaine', body: 'Au centre.' });
    });

    it('submits the form with Enter from the title field', async () => {
      const { adapter, calls } = ideasBackend();
      const el = await ideasFixture(adapter);
      titleInput(el).focus();
      await sendKeys({ type: 'Des bancs' });
      const sent = oneEvent(el, 'civic-idea-submitted');
      await sendKeys({ press: 'Enter' });
      await sent;
      expect(calls.submit.map(({ title }) => title)).to.deep.equal(['Des bancs']);
    });
  });

  describe('languages', () => {
    it('speaks English, plurals and all', async () => {
      const { adapter } = ideasBackend({ ideas: [idea('More trees', { supports: 1 }), idea('A fountain', { supports: 3 })] });
      const el = await ideasFixture(adapter, { lang: 'en' });
      expect(text(el, 'heading')).to.equal('Participants’ ideas');
      expect(texts(el, 'supports')).to.deep.equal(['3 supporters', '1 supporter']);
      expect(await accessibleNames('button')).to.deep.equal(['Support the idea “A fountain”', 'Support the idea “More trees”', 'Propose my idea']);
      expect(description(el, bodyInput(el))).to.contain('2,000 of 2,000 characters left');
      part(el, 'submit')!.click();
      await el.updateComplete;
      expect(text(el, 'field-error')).to.equal('Enter a title for your idea.');
      await type(el, titleInput(el), 'Benches');
      await proposeAndWait(el, 'civic-idea-submitted');
      expect(text(el, 'confirmation')).to.contain('Thank you, your idea has been received.');
      await supportAndWait(el, 0, 'civic-idea-supported');
      expect(texts(el, 'support')[0]).to.equal('✓ You support this idea');
      await expect(el).to.be.accessible();
    });

    it('speaks English when the page around it does', async () => {
      const { adapter } = ideasBackend();
      const wrapper = await fixture(html`<div lang="en-GB"><civic-consultation-ideas></civic-consultation-ideas></div>`);
      const el = wrapper.querySelector('civic-consultation-ideas')!;
      el.consultation = consultation({ status: 'closed' });
      el.adapter = adapter;
      await waitUntil(() => hasPart(el, 'empty'), 'the empty state shows', { timeout: 3000 });
      expect(text(el, 'empty')).to.equal('No ideas published yet.');
      expect(text(el, 'notice')).to.equal('The consultation is closed: ideas can no longer be proposed or supported.');
    });
  });
});
