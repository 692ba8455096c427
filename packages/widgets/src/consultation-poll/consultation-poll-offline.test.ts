// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import { expect, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter, type BackendAdapter } from '@civic-pulse/core';
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import { goOffline } from '../test-support/network.js';
import { outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

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

  it('fetches the outbox’s code once in view, before any answer, and keeps the answers given after the connection went', async () => {
    let online: (() => void) | undefined;
    try {
      const el = document.createElement('civic-consultation-poll') as ConsultationPoll;
      Object.assign(el, { consultation: 'parc-des-berges', adapter: offlineAdapter() });
      await outboxCodeComesWithTheView(el, () => part(el, 'title'));
      // The connection goes before the person answers.
      online = goOffline();
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="velo"]')!.click();
      await el.updateComplete;
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'queued') || part(el, 'error'), 'the response is settled for the person', { timeout: 5000 });
      expect(part(el, 'error')?.textContent?.trim() ?? '', 'no failure').to.equal('');
      expect(part(el, 'retry') === null, 'no Retry').to.equal(true);
      expect(part(el, 'queued')!.textContent!.trim()).to.equal('Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
    } finally {
      online?.();
      // Loaded only now: the outbox and the database it made are left to no other test.
      await (await import('../test-support/outbox.js')).forgetOutboxes();
    }
  });
});
