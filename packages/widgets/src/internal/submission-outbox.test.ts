import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  configure,
  createHttpAdapter,
  createOutbox,
  newId,
  resetConfiguration,
  type AdapterError,
  type BackendAdapter,
  type Consultation,
  type ConsultationResponse,
  type Outbox,
  type OutboxStatus,
  type Rating,
  type Receipt,
  type Result,
} from '@civic-pulse/core';
import '../satisfaction-rating/civic-satisfaction-rating.js';
import '../consultation-poll/civic-consultation-poll.js';
import type { SatisfactionRating } from '../satisfaction-rating/satisfaction-rating.js';
import type { ConsultationPoll } from '../consultation-poll/consultation-poll.js';
import { goOffline, startNetwork } from '../test-support/network.js';
import { civicDatabases, forgetOutboxes, outboxOf, queuedEntries } from '../test-support/outbox.js';
import { readDraft, saveDraft } from '../agent-survey/draft.js';
import { closeSubmissionOutboxes, deliver, enqueueSubmission, watchOutboxStatus, watchSubmission, watchWaiting, type WaitReason } from './submission-outbox.js';
import { outboxName, resumeLeftSubmissions } from './outbox-loader.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const OUTBOX = outboxOf(ENDPOINT, 'ville-exemple');
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

  it('has every createHttpAdapter object the page gives for one backend share its outbox: no #2 when a template makes one anew, and a later one sends what earlier ones left', async () => {
    const sent: string[] = [];
    /** An HTTP adapter the page makes, named so that the test sees which object sent which rating. */
    const pageAdapter = (made: string) =>
      createHttpAdapter({
        endpoint: ENDPOINT,
        org: 'ville-exemple',
        retries: 0,
        fetch: (input, init) => (sent.push(`${made} ${(JSON.parse(String(init?.body)) as Rating).id}`), fetch(input, init)),
      });
    const ratingGiven = async (adapter: BackendAdapter) => {
      const page = await fixture<HTMLElement>(html`<div><civic-satisfaction-rating service="etat-civil" channel="web" .adapter=${adapter}></civic-satisfaction-rating></div>`);
      return page.querySelector<SatisfactionRating>('civic-satisfaction-rating')!;
    };
    const rate = async (el: SatisfactionRating) => {
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[2]!.click();
      await el.updateComplete;
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'queued'), 'the rating is kept on the device', { timeout: 5000 });
    };
    const backOnline = goOffline();
    try {
      // The page renders its template again between the two ratings: each render makes its adapter anew.
      const first = await ratingGiven(pageAdapter('first'));
      await rate(first);
      first.remove();
      await rate(await ratingGiven(pageAdapter('second')));
      expect((await civicDatabases()).filter((name) => name.startsWith('civic-pulse-outbox')), 'one outbox, the one an element makes for that backend').to.deep.equal([OUTBOX]);
      expect((await queuedEntries(OUTBOX)).map(({ key }) => key.split(':')[0])).to.deep.equal(['rating', 'rating']);
      closeSubmissionOutboxes(); // the page is left: both ratings stay on the device
    } finally {
      backOnline();
    }
    const left = (await queuedEntries(OUTBOX)).map(({ payload }) => (payload as Rating).id);
    const stored: string[] = [];
    worker.use(
      http.post(RATINGS_URL, async ({ request }) => {
        const { id } = (await request.json()) as Rating;
        stored.push(id);
        return HttpResponse.json({ id, receivedAt: new Date().toISOString() }, { status: 201 });
      }),
    );
    // The next page makes its adapter anew too, and sends at start what the earlier ones left.
    await ratingGiven(pageAdapter('next'));
    await waitUntil(() => stored.length === 2, 'both ratings left on the device are sent', { timeout: 5000 });
    expect(stored).to.deep.equal(left);
    expect(sent, 'by the adapter the next page gave, with nothing sent offline').to.deep.equal(left.map((id) => `next ${id}`));
    await waitUntil(async () => (await queuedEntries(OUTBOX)).length === 0, 'and removed from the device', { timeout: 3000 });
    expect((await civicDatabases()).filter((name) => name.startsWith('civic-pulse-outbox'))).to.deep.equal([OUTBOX]);
  });
});

// The module's functions directly, with adapters each test scripts (no network).
describe('the page’s submission outbox, its rules', () => {
  const GIVEN = outboxName(undefined);
  const NETWORK: AdapterError = { kind: 'network', code: 'network', message: 'Failed to fetch' };
  const others: Outbox[] = [];
  const rating = (score = 3): Rating => ({
    id: newId(),
    service: 'etat-civil',
    channel: 'web',
    source: 'inline',
    scale: 'smileys-3',
    score,
    occurredAt: new Date().toISOString(),
  });
  const receipt = (id: string): Receipt => ({ id, receivedAt: new Date().toISOString() });
  /** An adapter whose ratings `answer` answers (a test may change it), recording each call. */
  function ratingAdapter(answer: (r: Rating, signal?: AbortSignal) => Promise<Result<Receipt>> | Result<Receipt>) {
    const calls: string[] = [];
    const state = { answer };
    const adapter = {
      async submitRating(r: Rating, options?: { signal?: AbortSignal }) {
        calls.push(r.id);
        return state.answer(r, options?.signal);
      },
    } as unknown as BackendAdapter;
    return { adapter, calls, state };
  }

  beforeEach(() => forgetOutboxes());
  afterEach(async () => {
    for (const outbox of others.splice(0)) outbox.close();
    localStorage.clear();
    await forgetOutboxes();
  });

  it('tells an element that another tab’s outbox sent its submission (the tab that holds the lock sends everything)', async () => {
    const { adapter: failing } = ratingAdapter(() => ({ ok: false, error: NETWORK }));
    const kept: WaitReason[] = [];
    const r = rating();
    const result: { value?: Result<Receipt> } = {};
    void deliver<Receipt>(failing, GIVEN, { kind: 'rating', payload: r }, (reason) => kept.push(reason)).then((value) => (result.value = value));
    await waitUntil(() => kept.length > 0, 'this tab’s try fails: kept on the device');
    expect(kept[0]).to.equal('network');
    // Another tab's outbox of the same database, with a network that works.
    const { adapter: working, calls } = ratingAdapter((sent) => ({ ok: true, data: receipt(sent.id) }));
    const otherTab = createOutbox({ adapter: working, name: GIVEN });
    others.push(otherTab);
    await otherTab.flush();
    expect(calls).to.deep.equal([r.id]);
    await waitUntil(() => result.value !== undefined, 'the element hears its submission was sent', { timeout: 3000 });
    expect(result.value!.ok && result.value!.data.id).to.equal(r.id);
  });

  it('no longer says a submission waits behind an item that failed once that item is dropped', async () => {
    const head = rating(1);
    let headTries = 0;
    const { adapter } = ratingAdapter((r) => {
      if (r.id !== head.id) return { ok: true, data: receipt(r.id) };
      headTries += 1;
      return headTries === 1
        ? { ok: false, error: { kind: 'server', code: 'server', message: 'down', status: 503 } }
        : { ok: false, error: { kind: 'invalid', code: 'invalid-body', message: 'no', status: 422 } };
    });
    const heard: string[] = [];
    watchSubmission(GIVEN, 'rating', head.id, {
      sent: () => heard.push('sent'),
      dropped: () => heard.push('dropped'),
      waiting: (reason) => heard.push(reason),
    });
    expect(await enqueueSubmission(adapter, GIVEN, { kind: 'rating', payload: head })).to.equal(undefined);
    await waitUntil(() => heard.includes('server'), 'its first try fails');
    window.dispatchEvent(new Event('online')); // tries again now, rather than after the backoff
    await waitUntil(() => heard.includes('dropped'), 'the server then refuses it');
    expect(await enqueueSubmission(adapter, GIVEN, { kind: 'rating', payload: rating(2) })).to.equal(undefined);
  });

  it('erases the survey draft of a response once the server has it, whichever element sent it, and no other draft', async () => {
    const response = { id: newId(), answers: { q1: 'oui' } };
    const draft = { token: 'a'.repeat(32), answers: { q1: 'oui' }, section: 's1', responseId: response.id, attempted: true };
    saveDraft('climat-social', draft);
    saveDraft('autre-enquete', { ...draft, responseId: newId() });
    saveDraft('climat-social-2', { ...draft, responseId: newId() });
    const adapter = {
      submitSurveyResponse: async () => ({ ok: true, data: { id: newId(), receivedOn: '2026-11-29' } }),
    } as unknown as BackendAdapter;
    const result = await deliver(adapter, GIVEN, { kind: 'survey-response', payload: { survey: 'climat-social', token: draft.token, response } }, () => undefined);
    expect(result.ok).to.equal(true);
    expect(readDraft('climat-social')).to.equal(undefined);
    expect(readDraft('autre-enquete')?.responseId !== undefined).to.equal(true);
    expect(readDraft('climat-social-2')?.responseId !== undefined).to.equal(true);
  });

  it('erases the survey draft of a response the server refused, though no survey element is open to hear it', async () => {
    const response = { id: newId(), answers: { q1: 'oui' } };
    saveDraft('climat-social', { token: 'a'.repeat(32), answers: { q1: 'oui' }, section: 's1', responseId: response.id, attempted: true });
    const adapter = {
      submitSurveyResponse: async () => ({ ok: false, error: { kind: 'conflict', code: 'closed', message: 'Closed.', status: 409 } }),
    } as unknown as BackendAdapter;
    // Another page's outbox: no element watches this response.
    await enqueueSubmission(adapter, GIVEN, { kind: 'survey-response', payload: { survey: 'climat-social', token: 'a'.repeat(32), response } });
    await waitUntil(async () => (await queuedEntries(GIVEN)).length === 0, 'the outbox drops the refused response', { timeout: 3000 });
    await waitUntil(() => readDraft('climat-social') === undefined, 'the draft and its token are erased', { timeout: 1000 });
  });

  it('keeps the survey draft when the response sent is another one (the agent started again since)', async () => {
    const draft = { token: 'a'.repeat(32), answers: { q1: 'non' }, section: 's1', responseId: newId(), attempted: false };
    saveDraft('climat-social', draft);
    const adapter = {
      submitSurveyResponse: async () => ({ ok: true, data: { id: newId(), receivedOn: '2026-11-29' } }),
    } as unknown as BackendAdapter;
    const older = { id: newId(), answers: { q1: 'oui' } };
    const result = await deliver(adapter, GIVEN, { kind: 'survey-response', payload: { survey: 'climat-social', token: draft.token, response: older } }, () => undefined);
    expect(result.ok).to.equal(true);
    expect(readDraft('climat-social')?.responseId).to.equal(draft.responseId);
  });

  it('gives each adapter the page gives an outbox of its own: none aborts another’s request or sends its items', async () => {
    const first = rating(1);
    const release: { go?: () => void } = {};
    const aborted: string[] = [];
    const one = ratingAdapter(
      (r, signal) =>
        new Promise<Result<Receipt>>((resolve) => {
          signal?.addEventListener('abort', () => (aborted.push(r.id), resolve({ ok: false, error: { kind: 'aborted', code: 'aborted', message: 'aborted' } })));
          release.go = () => resolve({ ok: true, data: receipt(r.id) });
        }),
    );
    const two = ratingAdapter((r) => ({ ok: true, data: receipt(r.id) }));
    const firstResult = deliver<Receipt>(one.adapter, GIVEN, { kind: 'rating', payload: first }, () => undefined);
    await waitUntil(() => one.calls.length === 1, 'the first adapter’s request is in flight');
    const second = rating(2);
    const secondResult = await deliver<Receipt>(two.adapter, GIVEN, { kind: 'rating', payload: second }, () => undefined);
    expect(secondResult.ok).to.equal(true);
    expect(two.calls, 'the second adapter sends only its own').to.deep.equal([second.id]);
    expect(aborted, 'the first request goes on').to.deep.equal([]);
    release.go!();
    const result = await firstResult;
    expect(result.ok).to.equal(true);
    expect(one.calls).to.deep.equal([first.id]);
    expect((await civicDatabases()).sort()).to.deep.equal([GIVEN, `${GIVEN} #2`]);
  });

  it('has what a second given adapter left sent by the second adapter the next page gives', async () => {
    const left = rating(2);
    const backOnline = goOffline();
    try {
      const first = ratingAdapter(() => ({ ok: false, error: NETWORK }));
      const second = ratingAdapter(() => ({ ok: false, error: NETWORK }));
      await enqueueSubmission(first.adapter, GIVEN, { kind: 'rating', payload: rating(1) });
      await enqueueSubmission(second.adapter, GIVEN, { kind: 'rating', payload: left });
      closeSubmissionOutboxes(); // the page is left: both outboxes stay on the device
    } finally {
      backOnline();
    }
    const accepting = () => ratingAdapter((r) => ({ ok: true, data: receipt(r.id) }));
    const [first, second] = [accepting(), accepting()];
    await resumeLeftSubmissions(first.adapter, GIVEN);
    await resumeLeftSubmissions(second.adapter, GIVEN);
    await waitUntil(() => first.calls.length === 1 && second.calls.length === 1, 'each adapter sends what its outbox holds', { timeout: 3000 });
    expect(second.calls).to.deep.equal([left.id]);
  });

  it('names the outbox of an adapter that declares its outboxKey after it: one made anew sends what an earlier one left, and no numbered outbox is made', async () => {
    const KEY = 'https://avis.autre-ville.test autre-ville';
    const keyed = (answer: (r: Rating) => Result<Receipt>) => {
      const made = ratingAdapter(answer);
      return { ...made, adapter: Object.assign(made.adapter, { outboxKey: KEY }) };
    };
    const left = rating(2);
    const backOnline = goOffline();
    try {
      // A keyless adapter takes the default outbox first; the keyed one is used second.
      await enqueueSubmission(ratingAdapter(() => ({ ok: false, error: NETWORK })).adapter, GIVEN, { kind: 'rating', payload: rating(1) });
      await enqueueSubmission(keyed(() => ({ ok: false, error: NETWORK })).adapter, GIVEN, { kind: 'rating', payload: left });
      closeSubmissionOutboxes(); // the page is left: both outboxes stay on the device
    } finally {
      backOnline();
    }
    expect((await civicDatabases()).sort()).to.deep.equal([GIVEN, `${GIVEN} ${KEY}`]);
    // The next page makes its adapter anew at each render, and uses it before any other.
    const accepting = () => keyed((r) => ({ ok: true, data: receipt(r.id) }));
    const [first, rebuilt] = [accepting(), accepting()];
    await resumeLeftSubmissions(first.adapter, GIVEN);
    await waitUntil(() => first.calls.length === 1, 'the keyed outbox is found and sent', { timeout: 3000 });
    expect(first.calls).to.deep.equal([left.id]);
    const later = rating(3);
    expect((await deliver<Receipt>(rebuilt.adapter, GIVEN, { kind: 'rating', payload: later }, () => undefined)).ok).to.equal(true);
    // Same key, same backend: the outbox the first one made serves both, as for endpoint and org.
    expect([...first.calls, ...rebuilt.calls], 'the adapter made anew shares that outbox').to.deep.equal([left.id, later.id]);
    expect((await civicDatabases()).sort(), 'no numbered outbox').to.deep.equal([GIVEN, `${GIVEN} ${KEY}`]);
  });

  describe('what an earlier page left waiting', () => {
    const response = (consultation: string) => ({ kind: 'consultation-response' as const, payload: { consultation, response: { id: newId(), participant: newId(), answers: { eclairage: true } } } });
    /** An adapter that stores every response and rating, recording the ids. */
    function acceptingAdapter() {
      const calls: string[] = [];
      const adapter = {
        async submitRating(r: Rating) {
          calls.push(r.id);
          return { ok: true, data: receipt(r.id) };
        },
        async submitConsultationResponse(_consultation: string, r: ConsultationResponse) {
          calls.push(r.id);
          return { ok: true, data: receipt(r.id) };
        },
      } as unknown as BackendAdapter;
      return { adapter, calls };
    }

    it('finds the submissions of one kind that the element picks, reads them without changing the queue, and tells what becomes of them', async () => {
      const { adapter, calls } = acceptingAdapter();
      const mine = response('parc-des-berges');
      const backOnline = goOffline();
      let online = false;
      try {
        await enqueueSubmission(adapter, GIVEN, mine);
        await enqueueSubmission(adapter, GIVEN, response('autre-consultation'));
        await enqueueSubmission(adapter, GIVEN, { kind: 'rating', payload: rating() });
        closeSubmissionOutboxes(); // the page is left; its outbox stays on the device
        const before = await queuedEntries(GIVEN);
        const settled: { key: string; ok: boolean }[] = [];
        const left = await watchWaiting(adapter, GIVEN, 'consultation-response', ({ payload }) => payload.consultation === 'parc-des-berges', {
          settled: (item, result) => settled.push({ key: item.key, ok: result.ok }),
          waiting: () => undefined,
        });
        expect(left.items.map(({ key }) => key)).to.deep.equal([mine.payload.response.id]);
        expect(left.items[0]!.payload).to.deep.equal(mine.payload);
        expect(left.reason).to.equal('offline');
        expect(await queuedEntries(GIVEN), 'read, not changed').to.deep.equal(before);
        expect(before).to.have.length(3);

        backOnline();
        online = true;
        await waitUntil(() => calls.length === 3, 'the outbox sends all three once online', { timeout: 3000 });
        await waitUntil(() => settled.length > 0, 'the element hears what became of its own');
        expect(settled).to.deep.equal([{ key: mine.payload.response.id, ok: true }]);
        left.stop();
      } finally {
        if (!online) backOnline();
      }
    });

    it('hears of a submission the outbox sends at once while it is looked up, whether or not the read still saw it', async () => {
      const { adapter: offline } = ratingAdapter(() => ({ ok: false, error: NETWORK }));
      const mine = response('parc-des-berges');
      const backOnline = goOffline();
      try {
        await enqueueSubmission(offline, GIVEN, mine);
        closeSubmissionOutboxes();
      } finally {
        backOnline();
      }
      const { adapter, calls } = acceptingAdapter();
      const settled: string[] = [];
      const left = await watchWaiting(adapter, GIVEN, 'consultation-response', () => true, {
        settled: (item) => settled.push(item.key),
        waiting: () => undefined,
      });
      expect(left.items.length <= 1).to.equal(true);
      await waitUntil(() => settled.length > 0, 'the element hears its response was stored', { timeout: 3000 });
      expect(settled).to.deep.equal([mine.payload.response.id]);
      expect(calls).to.deep.equal([mine.payload.response.id]);
      left.stop();
    });
  });

  it('shows the staff status without opening IndexedDB while no earlier page left an outbox', async () => {
    const opens: string[] = [];
    const listed: Promise<unknown>[] = [];
    const { open, databases } = indexedDB;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opens.push(args[0]);
      return open.apply(this, args);
    };
    indexedDB.databases = function (this: IDBFactory) {
      const answer = databases.call(this);
      listed.push(answer);
      return answer;
    };
    try {
      const statuses: OutboxStatus[] = [];
      const { adapter } = ratingAdapter((r) => ({ ok: true, data: receipt(r.id) }));
      const stop = watchOutboxStatus(adapter, GIVEN, (status) => statuses.push(status), { persist: true });
      await waitUntil(() => listed.length > 0, 'the outbox looks its database up at start');
      await Promise.all(listed);
      await new Promise((settled) => setTimeout(settled));
      expect(opens).to.deep.equal([]);
      expect(statuses.at(-1)).to.include({ queued: 0, durable: true });
      stop();
    } finally {
      Object.assign(indexedDB, { open, databases });
    }
    expect(await civicDatabases()).to.deep.equal([]);
  });

  it('shows in the staff status, offline, the count an earlier page left', async () => {
    const { adapter } = ratingAdapter(() => ({ ok: false, error: NETWORK }));
    const backOnline = goOffline();
    try {
      for (const score of [1, 2]) expect(await enqueueSubmission(adapter, GIVEN, { kind: 'rating', payload: rating(score) })).to.equal('offline');
      closeSubmissionOutboxes(); // the page is left; its outbox stays on the device
      const statuses: OutboxStatus[] = [];
      const stop = watchOutboxStatus(adapter, GIVEN, (status) => statuses.push(status), { persist: true });
      await waitUntil(() => statuses.at(-1)?.queued === 2, 'the status counts the two ratings left', { timeout: 3000 });
      expect(statuses.at(-1)).to.include({ online: false, durable: true });
      stop();
    } finally {
      backOnline();
    }
  });
});
