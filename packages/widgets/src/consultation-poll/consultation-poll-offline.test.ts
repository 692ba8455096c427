// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import { offlinePollAdapter } from '../test-support/offline-consultation.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const part = (el: ConsultationPoll, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-consultation-poll> offline before the first answer', () => {
  before(startWithoutOutbox);

  after(forgetOutboxesAfter);

  it('fetches the outbox’s code once in view, before any answer, and keeps the answers given after the connection went', async () => {
    const el = document.createElement('civic-consultation-poll') as ConsultationPoll;
    Object.assign(el, { consultation: 'parc-des-berges', adapter: offlinePollAdapter() });
    await outboxCodeComesWithTheView(el, () => part(el, 'title'));
    const answer = async () => {
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="velo"]')!.click();
      await el.updateComplete;
      part(el, 'submit')!.click();
    };
    await keptAfterTheConnectionWent(el, answer, 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
  });
});
