// In a file of its own: the outbox's code must not be loaded yet when the test starts (see outbox-chunk.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import { offlinePollAdapter } from '../test-support/offline-consultation.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeFailing, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const part = (el: ConsultationPoll, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-poll> when the early fetch of the outbox’s code failed', () => {
  before(startWithoutOutbox);
  afterEach(() => localStorage.clear());
  after(forgetOutboxesAfter);

  it('fetches it again at the first answer, so that answers sent after the connection went are still kept', async () => {
    const { fetches, heal, stop } = await outboxCodeFailing();
    try {
      const el = await fixture<ConsultationPoll>(html`<civic-consultation-poll consultation="parc-des-berges" .adapter=${offlinePollAdapter()}></civic-consultation-poll>`);
      await waitUntil(() => fetches.length > 0 && el.shadowRoot!.querySelector('input[value="velo"]'), 'the code is fetched once in view, and fails', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fetches.join()).to.equal('failed');

      heal();
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="velo"]')!.click();
      await waitUntil(() => fetches.length > 1, 'the code is fetched again at the first answer', { timeout: 5000 });
      expect(fetches.join()).to.equal('failed,loaded');

      await keptAfterTheConnectionWent(
        el,
        async () => part(el, 'submit')!.click(),
        'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.',
      );
    } finally {
      await stop();
    }
  });
});
