// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import './civic-consultation-ideas.js';
import type { CivicConsultationIdeas } from './consultation-ideas.js';
import { ideasConsultation, offlineIdeasAdapter } from '../test-support/offline-consultation.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const part = (el: CivicConsultationIdeas, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-ideas> offline before the first idea', () => {
  before(startWithoutOutbox);
  afterEach(() => localStorage.clear());

  after(forgetOutboxesAfter);

  it('fetches the outbox’s code once in view, before anything is written, and keeps an idea proposed after the connection went', async () => {
    const el = document.createElement('civic-consultation-ideas') as CivicConsultationIdeas;
    Object.assign(el, { consultation: ideasConsultation, adapter: offlineIdeasAdapter() });
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
