import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { configure, resetConfiguration, type Consultation, type ConsultationResponse, type Rating } from '@civic-pulse/core';
import '../satisfaction-rating/civic-satisfaction-rating.js';
import '../consultation-poll/civic-consultation-poll.js';
import type { SatisfactionRating } from '../satisfaction-rating/satisfaction-rating.js';
import type { ConsultationPoll } from '../consultation-poll/consultation-poll.js';
import { goOffline, startNetwork } from '../test-support/network.js';
import { civicDatabases, forgetOutboxes, queuedEntries } from '../test-support/outbox.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const OUTBOX = `civic-pulse-outbox ${ENDPOINT} ville-exemple`;
const RATINGS_URL = `${ENDPOINT}/v1/orgs/ville-exemple/ratings`;
const CONSULTATION_URL = `${ENDPOINT}/v1/consultations/parc-des-berges`;

const consultation: Consultation = {
  id: 'parc-des-berges',
  org: 'ville-exemple',
  title: 'Aménagement du parc des Berges',
  description: 'La ville réaménage le parc en 2027.',
  opensAt: new Date(Date.now() - 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  resultsVisibility: 'never',
  questions: [{ id: 'eclairage', type: 'yesno', label: 'Faut-il éclairer le parc la nuit\u202f?', required: true }],
  ideas: { enabled: false, moderation: 'pre' },
  status: 'open',
};

// Assertions name parts by string: a failing chai assertion that prints an element hangs the test page.
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the page’s submission outbox', () => {
  let worker: Awaited<ReturnType<typeof startNetwork>>;
  before(async () => {
    worker = await startNetwork();
  });
  beforeEach(() => forgetOutboxes());
  afterEach(async () => {
    worker.resetHandlers();
    resetConfiguration();
    localStorage.clear();
    await forgetOutboxes();
  });
  after(() => worker.stop());

  it('sends a rating and a poll response given offline to the same backend once each, and each element hears its own', async () => {
    const ratings: string[] = [];
    const responses: string[] = [];
    worker.use(
      http.get(CONSULTATION_URL, () => HttpResponse.json(consultation)),
      http.post(RATINGS_URL, async ({ request }) => {
        const { id } = (await request.json()) as Rating;
        ratings.push(id);
        return HttpResponse.json({ id, receivedAt: new Date().toISOString() }, { status: 201 });
      }),
      http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => {
        const { id } = (await request.json()) as ConsultationResponse;
        responses.push(id);
        return HttpResponse.json({ id, receivedAt: new Date().toISOString() }, { status: 201 });
      }),
    );
    // Both elements find the backend in the page's configuration: each makes an adapter of its own.
    configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
    const page = await fixture<HTMLElement>(html`
      <div>
        <civic-satisfaction-rating service="etat-civil" channel="web"></civic-satisfaction-rating>
        <civic-consultation-poll consultation="parc-des-berges" layout="form"></civic-consultation-poll>
      </div>
    `);
    const rating = page.querySelector<SatisfactionRating>('civic-satisfaction-rating')!;
    const poll = page.querySelector<ConsultationPoll>('civic-consultation-poll')!;
    const yes = () => poll.shadowRoot!.querySelector<HTMLInputElement>('input[value="true"]');
    await waitUntil(yes, 'the consultation and its question controls load', { timeout: 3000 });

    const ratingsHeard: Rating[] = [];
    const responsesHeard: ConsultationResponse[] = [];
    rating.addEventListener('civic-rating-submitted', (event) => ratingsHeard.push(event.rating));
    poll.addEventListener('civic-consultation-submitted', (event) => responsesHeard.push(event.response));
    const backOnline = goOffline();
    try {
      rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[2]!.click();
      await rating.updateComplete;
      part(rating, 'submit')!.click();
      yes()!.click();
      await poll.updateComplete;
      part(poll, 'submit')!.click();
      await waitUntil(() => part(rating, 'queued') && part(poll, 'queued'), 'both say they are kept on the device', { timeout: 5000 });
      expect(text(rating, 'queued')).to.equal('Votre avis est enregistré sur cet appareil et sera envoyé dès que la connexion reviendra.');
      expect(text(poll, 'queued')).to.equal('Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
      // One database for the backend, where the rating and the poll response both wait.
      expect((await civicDatabases()).filter((name) => name.startsWith('civic-pulse-outbox'))).to.deep.equal([OUTBOX]);
      expect((await queuedEntries(OUTBOX)).map(({ key }) => key.split(':')[0]).sort()).to.deep.equal(['consultation-response', 'rating']);
      expect(ratings.length + responses.length, 'nothing is sent offline').to.equal(0);
    } finally {
      backOnline();
    }

    await waitUntil(() => ratings.length > 0 && responses.length > 0, 'both are sent once the connection is back', { timeout: 5000 });
    await waitUntil(() => ratingsHeard.length > 0, 'the rating hears that its rating was stored', { timeout: 3000 });
    await waitUntil(() => responsesHeard.length > 0, 'the poll hears that its response was stored', { timeout: 3000 });
    await Promise.all([rating.updateComplete, poll.updateComplete]);
    expect(ratings).to.deep.equal(ratingsHeard.map(({ id }) => id));
    expect(responses).to.deep.equal(responsesHeard.map(({ id }) => id));
    expect(text(rating, 'status')).to.equal('Merci, votre avis a bien été envoyé.');
    expect(part(rating, 'thanks') !== null).to.equal(true);
    expect(text(poll, 'status')).to.equal('Merci, vos réponses ont bien été enregistrées.');
    expect(part(poll, 'thanks') !== null).to.equal(true);
    expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
    await expect(rating).to.be.accessible();
    await expect(poll).to.be.accessible();
  });
});
