import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { configure, resetConfiguration, type Consultation, type ConsultationResponse, type ConsultationResults } from '@civic-pulse/core';
import './civic-consultation-poll.js';
import type { ConsultationPoll } from './consultation-poll.js';
import { goOffline, startNetwork } from '../test-support/network.js';
import { ageQueuedEntries, civicDatabases, forgetOutboxes, queuedEntries } from '../test-support/outbox.js';
import { closeSubmissionOutboxes } from '../internal/submission-outbox.js';

// A page reloaded (or closed and opened again) while the response it sent waits on the device:
// the next page shows it kept there, not the form that would get 409 already-answered.

const ENDPOINT = 'https://avis.ville-exemple.test';
const OUTBOX = `civic-pulse-outbox ${ENDPOINT} ville-exemple`;
const CONSULTATION_URL = `${ENDPOINT}/v1/consultations/parc-des-berges`;
const STORAGE_KEY = 'civic-pulse:consultation:parc-des-berges';
const DAY = 86_400_000;
const KEPT = 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.';

const consultation: Consultation = {
  id: 'parc-des-berges',
  org: 'ville-exemple',
  title: 'Aménagement du parc des Berges',
  description: 'La ville réaménage le parc en 2027.',
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  resultsVisibility: 'after-vote',
  questions: [{ id: 'eclairage', type: 'yesno', label: 'Faut-il éclairer le parc la nuit\u202f?', required: true }],
  ideas: { enabled: false, moderation: 'pre' },
  status: 'open',
};
const results: ConsultationResults = { consultation: 'parc-des-berges', responses: 1, questions: { eclairage: { answered: 1, counts: { yes: 1 } } } };

// Assertions compare strings: a failing chai assertion that prints an element hangs the test page.
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focusedPart = (el: HTMLElement) => el.shadowRoot!.activeElement?.getAttribute('part') ?? '';

const pollFixture = () => fixture<ConsultationPoll>(html`<civic-consultation-poll consultation="parc-des-berges" layout="form"></civic-consultation-poll>`);

/** Answers on a first page while offline, then leaves it: the response stays in the device's outbox. Resolves with the entry's key and the way back online. */
async function leaveAnswersWaiting(): Promise<{ key: string; backOnline: () => void }> {
  const first = await pollFixture();
  const yes = () => first.shadowRoot!.querySelector<HTMLInputElement>('input[value="true"]');
  await waitUntil(yes, 'the question shows', { timeout: 5000 });
  yes()!.click();
  await first.updateComplete;
  const backOnline = goOffline();
  part(first, 'submit')!.click();
  await waitUntil(() => part(first, 'queued'), 'the answers are kept on the device', { timeout: 5000 });
  const [entry] = await queuedEntries(OUTBOX);
  // The page is left: its element and outbox go, what it queued stays on the device.
  first.remove();
  closeSubmissionOutboxes();
  return { key: entry!.key, backOnline };
}

describe('<civic-consultation-poll> opened again while its response waits on the device', () => {
  let worker: Awaited<ReturnType<typeof startNetwork>>;
  before(async function () {
    this.timeout(30_000);
    worker = await startNetwork();
    // axe's first run loads axe-core: seconds on a busy machine, which the first test should not pay.
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });
  beforeEach(async () => {
    localStorage.clear();
    await forgetOutboxes();
    configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
    worker.use(
      http.get(CONSULTATION_URL, () => HttpResponse.json(consultation)),
      http.get(`${CONSULTATION_URL}/results`, () => HttpResponse.json(results)),
    );
  });
  afterEach(async () => {
    worker.resetHandlers();
    resetConfiguration();
    localStorage.clear();
    await forgetOutboxes();
  });
  after(() => worker.stop());

  it('says the answers are kept instead of offering the form, without taking focus, then thanks and shows the results once they are sent', async () => {
    const stored: string[] = [];
    worker.use(
      http.post(`${CONSULTATION_URL}/responses`, async ({ request }) => {
        const { id } = (await request.json()) as ConsultationResponse;
        stored.push(id);
        return HttpResponse.json({ id, receivedAt: new Date().toISOString() }, { status: 201 });
      }),
    );
    const { key, backOnline } = await leaveAnswersWaiting();
    let online = false;
    try {
      const second = await pollFixture();
      await waitUntil(() => part(second, 'queued'), 'the next page says the answers are kept', { timeout: 5000 });
      expect(text(second, 'queued')).to.equal(KEPT);
      expect(text(second, 'status'), 'announced politely').to.equal(KEPT);
      expect(focusedPart(second), 'the page has just opened: focus stays where it is').to.equal('');
      expect(part(second, 'question') === null && part(second, 'submit') === null, 'no form to answer again').to.equal(true);
      expect(part(second, 'results') === null, 'no results before the answers are counted').to.equal(true);
      expect(stored).to.deep.equal([]);
      await expect(second).to.be.accessible();

      const submitted = oneEvent(second, 'civic-consultation-submitted');
      backOnline();
      online = true;
      const { response } = await submitted;
      await second.updateComplete;
      expect(`consultation-response:${response.id}`).to.equal(key);
      expect(text(second, 'status')).to.equal('Merci, vos réponses ont bien été enregistrées.');
      expect(text(second, 'thanks')).to.equal('Merci, vos réponses ont bien été enregistrées.');
      expect(focusedPart(second), 'nor does the thank-you take it').to.equal('');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({ participant: response.participant, answered: true });
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      expect(stored, 'sent once').to.deep.equal([response.id]);
      await waitUntil(() => part(second, 'table'), 'the results load', { timeout: 5000 });
      await expect(second).to.be.accessible();
    } finally {
      if (!online) backOnline();
    }
  });

  it('shows the refusal when the server refuses the answers kept (the consultation closed meanwhile)', async () => {
    worker.use(
      http.post(`${CONSULTATION_URL}/responses`, () => HttpResponse.json({ error: { code: 'closed', message: 'Closed.' } }, { status: 409 })),
    );
    const { backOnline } = await leaveAnswersWaiting();
    let online = false;
    try {
      const second = await pollFixture();
      await waitUntil(() => part(second, 'queued'), 'the next page says the answers are kept', { timeout: 5000 });
      const refused = oneEvent(second, 'civic-consultation-error');
      backOnline();
      online = true;
      await refused;
      await second.updateComplete;
      const message = 'Cette consultation est close : vos réponses n’ont pas pu être enregistrées.';
      expect(text(second, 'error')).to.equal(message);
      expect(text(second, 'status')).to.equal(message);
      expect(part(second, 'queued') === null && part(second, 'thanks') === null).to.equal(true);
      expect(await queuedEntries(OUTBOX)).to.deep.equal([]);
      await expect(second).to.be.accessible();
    } finally {
      if (!online) backOnline();
    }
  });

  it('says the answers kept were dropped for having waited too long on the device, not that the server was slow', async () => {
    const { backOnline } = await leaveAnswersWaiting();
    await ageQueuedEntries(OUTBOX, 15);
    let online = false;
    try {
      const second = await pollFixture();
      await waitUntil(() => part(second, 'queued'), 'the next page says the answers are kept', { timeout: 5000 });
      const dropped = oneEvent(second, 'civic-consultation-error');
      backOnline();
      online = true;
      const { error } = await dropped;
      await second.updateComplete;
      expect(error.code).to.equal('expired');
      // text() folds the no-break space before the colon into a space.
      const message = 'Vos réponses n’ont pas pu être envoyées : elles sont restées trop longtemps sur cet appareil sans atteindre le serveur. Réessayez.';
      expect(text(second, 'error')).to.equal(message);
      expect(text(second, 'status')).to.equal(message);
      await expect(second).to.be.accessible();
    } finally {
      if (!online) backOnline();
    }
  });

  it('opens nothing on the device, and offers the form, where no earlier page left an outbox', async () => {
    const opened: string[] = [];
    const { open } = indexedDB;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opened.push(args[0]);
      return open.apply(this, args);
    };
    try {
      const el = await pollFixture();
      await waitUntil(() => part(el, 'submit'), 'the form shows', { timeout: 5000 });
      // The outbox's code comes with the view: let it come, and anything it would do at start.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(opened).to.deep.equal([]);
      expect(part(el, 'queued') === null).to.equal(true);
    } finally {
      indexedDB.open = open;
    }
    expect(await civicDatabases()).to.deep.equal([]);
  });
});
