// In a file of its own: the outbox's code must not be loaded yet when the test starts (see outbox-chunk.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './civic-consultation-ideas.js';
import type { CivicConsultationIdeas } from './consultation-ideas.js';
import { ideasConsultation, offlineIdeasAdapter } from '../test-support/offline-consultation.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeFailing, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const part = (el: CivicConsultationIdeas, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-ideas> when the early fetch of the outbox’s code failed', () => {
  before(startWithoutOutbox);
  afterEach(() => localStorage.clear());
  after(forgetOutboxesAfter);

  it('fetches it again as the person writes, so that an idea proposed after the connection went is still kept', async () => {
    const { fetches, heal, stop } = await outboxCodeFailing();
    try {
      const el = await fixture<CivicConsultationIdeas>(html`<civic-consultation-ideas .consultation=${ideasConsultation} .adapter=${offlineIdeasAdapter()}></civic-consultation-ideas>`);
      await waitUntil(() => fetches.length > 0 && part(el, 'title-input'), 'the code is fetched once in view, and fails', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fetches.join()).to.equal('failed');

      heal();
      const title = part(el, 'title-input') as HTMLInputElement;
      title.value = 'Une fontaine';
      title.dispatchEvent(new Event('input'));
      await waitUntil(() => fetches.length > 1, 'the code is fetched again at the first words written', { timeout: 5000 });
      expect(fetches.join()).to.equal('failed,loaded');

      await keptAfterTheConnectionWent(
        el,
        async () => part(el, 'submit')!.click(),
        'Votre idée est enregistrée sur cet appareil et sera envoyée dès que la connexion reviendra.',
      );
    } finally {
      await stop();
    }
  });
});
