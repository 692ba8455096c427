// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import { createMemoryAdapter, type BackendAdapter } from '@civic-pulse/core';
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const DAY = 86_400_000;
const OFFLINE = { ok: false as const, error: { kind: 'network' as const, code: 'network', message: 'Offline.' } };

function offlineAdapter(): BackendAdapter {
  const base = createMemoryAdapter({
    consultations: [
      {
        id: 'parc-des-berges',
        org: 'ville-exemple',
        title: 'Aménagement du parc des Berges',
        description: 'La ville réaménage le parc en 2027.',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        resultsVisibility: 'after-close',
        questions: [
          { id: 'usage', type: 'single', label: 'Comment venez-vous au parc\u202f?', required: true, options: [{ id: 'velo', label: 'À vélo' }, { id: 'pied', label: 'À pied' }] },
        ],
        ideas: { enabled: false, moderation: 'pre' },
      },
    ],
  });
  return { ...base, getConsultation: (...args) => base.getConsultation(...args), submitConsultationResponse: async () => OFFLINE };
}

const part = (el: ConsultationPoll, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-poll> offline before the first answer', () => {
  before(startWithoutOutbox);

  after(forgetOutboxesAfter);

  it('fetches the outbox’s code once in view, before any answer, and keeps the answers given after the connection went', async () => {
    const el = document.createElement('civic-consultation-poll') as ConsultationPoll;
    Object.assign(el, { consultation: 'parc-des-berges', adapter: offlineAdapter() });
    await outboxCodeComesWithTheView(el, () => part(el, 'title'));
    const answer = async () => {
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="velo"]')!.click();
      await el.updateComplete;
      part(el, 'submit')!.click();
    };
    await keptAfterTheConnectionWent(el, answer, 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
  });
});
