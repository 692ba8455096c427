// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import { createMemoryAdapter, type BackendAdapter, type Consultation } from '@civic-pulse/core';
import './civic-consultation-ideas.js';
import type { CivicConsultationIdeas } from './consultation-ideas.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const DAY = 86_400_000;
const consultation: Consultation = {
  id: 'place-du-marche',
  title: 'Réaménagement de la place du marché',
  description: 'Donnez votre avis sur le projet.',
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  status: 'open',
  resultsVisibility: 'after-vote',
  questions: [{ id: 'arbres', type: 'yesno', label: 'Plus d’arbres ?', required: true }],
  ideas: { enabled: true, moderation: 'pre' },
};

/** No idea yet, and every idea proposed fails as a connection gone does. */
function offlineAdapter(): BackendAdapter {
  const base = createMemoryAdapter();
  return {
    ...base,
    listIdeas: async () => ({ ok: true, data: [] }),
    submitIdea: async () => ({ ok: false, error: { kind: 'network', code: 'network', message: 'Offline.' } }),
  };
}

const part = (el: CivicConsultationIdeas, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-ideas> offline before the first idea', () => {
  before(startWithoutOutbox);
  afterEach(() => localStorage.clear());

  after(forgetOutboxesAfter);

  it('fetches the outbox’s code once in view, before anything is written, and keeps an idea proposed after the connection went', async () => {
    const el = document.createElement('civic-consultation-ideas') as CivicConsultationIdeas;
    Object.assign(el, { consultation, adapter: offlineAdapter() });
    await outboxCodeComesWithTheView(el, () => part(el, 'empty'));
    const propose = async () => {
      const title = part(el, 'title-input') as HTMLInputElement;
      title.value = 'Une fontaine';
      title.dispatchEvent(new Event('input'));
      await el.updateComplete;
      part(el, 'submit')!.click();
    };
    await keptAfterTheConnectionWent(el, propose, 'Votre idée est enregistrée sur cet appareil et sera envoyée dès que la connexion reviendra.');
  });
});
