// The outbox in Chromium's real IndexedDB, with an adapter whose answers each test scripts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdapterError, BackendAdapter, Rating, Receipt, Result } from '../index.js';
import { newId } from '../id.js';
import { createOutbox, type Outbox, type OutboxOptions, type OutboxSubmission } from './index.js';
import { openIndexedDbStore } from './store.js';

const FAST = { baseMs: 10, maxMs: 40 };
const NETWORK: AdapterError = { kind: 'network', code: 'network', message: 'Failed to fetch' };

const rating = (score = 3): Rating => ({
  id: newId(),
  service: 'etat-civil',
  channel: 'counter',
  source: 'kiosk',
  scale: 'smileys-3',
  score,
  occurredAt: new Date().toISOString(),
});

/** An adapter that answers `submitRating` with `answer`, which a test changes, and records each call. */
function scriptedAdapter(answer: (rating: Rating) => Result<Receipt> = (r) => ({ ok: true, data: { id: r.id, receivedAt: new Date().toISOString() } })) {
  const calls: string[] = [];
  const state = { answer };
  const adapter = {
    async submitRating(r: Rating): Promise<Result<Receipt>> {
      calls.push(r.id);
      return state.answer(r);
    },
  } as unknown as BackendAdapter;
  return { adapter, calls, state };
}
const accept = (r: Rating): Result<Receipt> => ({ ok: true, data: { id: r.id, receivedAt: new Date().toISOString() } });
const offline = (): Result<Receipt> => ({ ok: false, error: NETWORK });

const databases = async () => (await indexedDB.databases()).map((database) => database.name);
const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

describe('createOutbox', () => {
  let name: string;
  const opened: Outbox[] = [];
  const open = (options: Omit<OutboxOptions, 'name'>) => {
    const outbox = createOutbox({ name, backoff: FAST, ...options });
    opened.push(outbox);
    return outbox;
  };

  beforeEach(() => {
    name = `civic-pulse-outbox-test-${newId()}`;
  });
  afterEach(async () => {
    for (const outbox of opened.splice(0)) outbox.close();
    await deleteDatabase(name);
  });

  it('sends an enqueued rating, then removes it and fires outbox-sent', async () => {
    const { adapter, calls } = scriptedAdapter();
    const outbox = open({ adapter });
    const r = rating();
    const sent = oneEvent(outbox, 'outbox-sent');
    const item = await outbox.enqueue({ kind: 'rating', payload: r });
    expect(item.key).to.equal(r.id);
    const event = await sent;
    expect(event.item.key).to.equal(r.id);
    expect((event.receipt as Receipt).id).to.equal(r.id);
    await outbox.flush();
    expect(calls).to.deep.equal([r.id]);
    expect(outbox.status()).to.include({ durable: true, queued: 0 });
    expect(outbox.status().lastSyncAt).to.be.a('string');
  });

  it('writes nothing to IndexedDB before the first enqueue', async () => {
    const { adapter } = scriptedAdapter();
    const outbox = open({ adapter });
    await outbox.flush();
    expect(await databases()).not.to.include(name);
    await outbox.enqueue({ kind: 'rating', payload: rating() });
    expect(await databases()).to.include(name);
  });

  it('keeps items in order while the network fails, and sends them after a backoff', async () => {
    const { adapter, calls, state } = scriptedAdapter(offline);
    const outbox = open({ adapter });
    const ratings = [rating(1), rating(2), rating(3)];
    for (const r of ratings) await outbox.enqueue({ kind: 'rating', payload: r });
    await waitUntil(() => calls.length >= 3, 'retried');
    // Only the oldest is tried while it fails: nothing overtakes it.
    expect(new Set(calls)).to.deep.equal(new Set([ratings[0]!.id]));
    expect(outbox.status().queued).to.equal(3);
    const sentAt = calls.length;
    state.answer = accept;
    await waitUntil(() => outbox.status().queued === 0, 'sent after the backoff');
    expect(calls.slice(sentAt)).to.deep.equal(ratings.map((r) => r.id));
  });

  it('waits for retryAfter, and sends at once when the page comes back online', async () => {
    const { adapter, calls, state } = scriptedAdapter(() => ({ ok: false, error: { ...NETWORK, kind: 'rate-limited', retryAfter: 3600 } }));
    const outbox = open({ adapter });
    const r = rating();
    await outbox.enqueue({ kind: 'rating', payload: r });
    await outbox.flush();
    const tried = calls.length;
    expect(tried).to.be.greaterThan(0);
    await outbox.flush(); // a pass asked for explicitly still tries
    expect(calls.length).to.equal(tried + 1);
    expect(outbox.status().queued).to.equal(1);
    state.answer = accept;
    const sent = oneEvent(outbox, 'outbox-sent');
    window.dispatchEvent(new Event('online'));
    expect((await sent).item.key).to.equal(r.id);
    expect(outbox.status().queued).to.equal(0);
  });

  it('waits at least Retry-After before the next try, even with a shorter backoff', async () => {
    const times: number[] = [];
    const { adapter, state } = scriptedAdapter();
    state.answer = (r) => {
      times.push(performance.now());
      return times.length === 1 ? { ok: false, error: { ...NETWORK, kind: 'rate-limited', status: 429, retryAfter: 0.2 } } : accept(r);
    };
    const outbox = open({ adapter });
    await outbox.enqueue({ kind: 'rating', payload: rating() });
    await waitUntil(() => outbox.status().queued === 0, 'sent after Retry-After');
    expect(times.length).to.equal(2);
    expect(times[1]! - times[0]!).to.be.at.least(190);
  });

  it('drops an item the server refuses (422), fires outbox-dropped, and goes on', async () => {
    const refused = rating();
    const { adapter, calls } = scriptedAdapter((r) =>
      r.id === refused.id ? { ok: false, error: { kind: 'invalid', code: 'invalid-body', message: 'no', status: 422 } } : accept(r),
    );
    const outbox = open({ adapter });
    const dropped = oneEvent(outbox, 'outbox-dropped');
    const sent = oneEvent(outbox, 'outbox-sent');
    await outbox.enqueue({ kind: 'rating', payload: refused });
    const next = rating();
    await outbox.enqueue({ kind: 'rating', payload: next });
    const event = await dropped;
    expect(event.reason).to.equal('refused');
    expect(event.item.key).to.equal(refused.id);
    expect(event.error?.status).to.equal(422);
    expect((await sent).item.key).to.equal(next.id);
    await outbox.flush();
    expect(calls).to.deep.equal([refused.id, next.id]);
    expect(outbox.status().queued).to.equal(0);
  });

  it('drops an item older than maxAgeDays with reason expired', async () => {
    const start = new Date('2026-11-01T09:00:00Z');
    const { adapter } = scriptedAdapter(offline);
    const first = open({ adapter, now: () => start });
    const r = rating();
    await first.enqueue({ kind: 'rating', payload: r });
    await first.flush();
    first.close();

    const later = new Date(start.getTime() + 14 * 86_400_000 + 1);
    const { adapter: online, calls } = scriptedAdapter();
    const outbox = open({ adapter: online, now: () => later });
    const event = await oneEvent(outbox, 'outbox-dropped');
    expect(event.reason).to.equal('expired');
    expect(event.item.key).to.equal(r.id);
    await outbox.flush();
    expect(calls).to.deep.equal([]);
    expect(outbox.status().queued).to.equal(0);
  });

  it('finds what a previous page left, and sends it at start (a reload)', async () => {
    const { adapter } = scriptedAdapter(offline);
    const before = open({ adapter, backoff: { baseMs: 60_000 } });
    const ratings = [rating(1), rating(2)];
    for (const r of ratings) await before.enqueue({ kind: 'rating', payload: r });
    await before.flush();
    before.close();

    const { adapter: online, calls } = scriptedAdapter();
    const after = open({ adapter: online });
    await waitUntil(() => calls.length === 2, 'sent at start');
    expect(calls).to.deep.equal(ratings.map((r) => r.id));
    await after.flush();
    expect(after.status().queued).to.equal(0);
  });

  it('falls back to memory, durable: false, when IndexedDB cannot be opened', async () => {
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('IndexedDB is blocked', 'InvalidStateError');
    };
    try {
      const { adapter, calls, state } = scriptedAdapter(offline);
      const outbox = open({ adapter });
      const r = rating();
      await outbox.enqueue({ kind: 'rating', payload: r });
      expect(outbox.status()).to.include({ durable: false, queued: 1 });
      state.answer = accept;
      await outbox.flush();
      expect(calls.at(-1)).to.equal(r.id);
      expect(outbox.status().queued).to.equal(0);
    } finally {
      indexedDB.open = original;
    }
    expect(await databases()).not.to.include(name);
  });

  it('sends 50 ratings queued offline exactly once each, in order, when the network returns', async () => {
    const { adapter, state } = scriptedAdapter(offline);
    const received: string[] = [];
    const outbox = open({ adapter, backoff: { baseMs: 60_000 } });
    const ratings = Array.from({ length: 50 }, () => rating());
    for (const r of ratings) await outbox.enqueue({ kind: 'rating', payload: r });
    expect(outbox.status().queued).to.equal(50);
    state.answer = (r) => (received.push(r.id), accept(r));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => outbox.status().queued === 0, 'all sent', { timeout: 8_000 });
    expect(received).to.deep.equal(ratings.map((r) => r.id));
  });

  it('sends each item once when two outboxes on the same name flush together (two tabs)', async () => {
    const received: string[] = [];
    const { adapter, state } = scriptedAdapter(offline);
    const one = open({ adapter, backoff: { baseMs: 60_000 } });
    const ratings = Array.from({ length: 10 }, () => rating());
    for (const r of ratings) await one.enqueue({ kind: 'rating', payload: r });
    state.answer = (r) => (received.push(r.id), accept(r));
    const two = open({ adapter });
    await Promise.all([one.flush(), two.flush(), one.flush(), two.flush()]);
    expect(received).to.deep.equal(ratings.map((r) => r.id));
  });

  it('does not even open IndexedDB at start when the device lists no database of its name', async () => {
    const opens: string[] = [];
    const original = indexedDB.open;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opens.push(args[0]);
      return original.apply(this, args);
    };
    try {
      const { adapter } = scriptedAdapter();
      const outbox = open({ adapter });
      await outbox.flush();
      expect(opens).to.deep.equal([]);
      expect(outbox.status()).to.include({ durable: true, queued: 0 });
      await outbox.enqueue({ kind: 'rating', payload: rating() });
      expect(opens).to.deep.equal([name]);
    } finally {
      indexedDB.open = original;
    }
  });

  it('counts what an earlier page left while the browser is offline, and sends nothing', async () => {
    const { adapter } = scriptedAdapter(offline);
    const before = open({ adapter, backoff: { baseMs: 60_000 } });
    for (const score of [1, 2]) await before.enqueue({ kind: 'rating', payload: rating(score) });
    before.close();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const { adapter: later, calls } = scriptedAdapter();
      const after = open({ adapter: later });
      await after.flush();
      expect(after.status()).to.include({ queued: 2, online: false });
      expect(calls).to.deep.equal([]);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('tells an outbox of the same name (another tab) that the item it queued was sent, or why it waits', async () => {
    // Tab one queues while its tries fail; tab two, holding the lock, sends everything in the database.
    const { adapter: failing } = scriptedAdapter(offline);
    const one = open({ adapter: failing, backoff: { baseMs: 60_000 } });
    const { adapter: sending, calls } = scriptedAdapter();
    const two = open({ adapter: sending, backoff: { baseMs: 60_000 } });
    const waitingHeard = oneEvent(two, 'outbox-waiting');
    const r = rating();
    await one.enqueue({ kind: 'rating', payload: r });
    expect((await waitingHeard).item.key, 'tab two hears that tab one’s try failed').to.equal(r.id);
    const sentHeard = oneEvent(one, 'outbox-sent');
    await two.flush();
    expect(calls).to.deep.equal([r.id]);
    const event = await sentHeard;
    expect(event.item.key).to.equal(r.id);
    expect((event.receipt as Receipt).id).to.equal(r.id);
    await waitUntil(() => one.status().queued === 0, 'tab one counts the item gone');
    expect(one.status().lastSyncAt).to.equal(two.status().lastSyncAt);
  });

  it('tells its status listeners the last sync when another tab sends, though its own count did not change', async () => {
    // Tab one (a kiosk's status line) is made before any database exists: it opens none, counts nothing.
    const one = open({ adapter: scriptedAdapter().adapter });
    await one.flush();
    const statuses: (string | undefined)[] = [];
    one.addEventListener('outbox-status', ({ status }) => statuses.push(status.lastSyncAt));
    const two = open({ adapter: scriptedAdapter().adapter });
    const sentHeard = oneEvent(one, 'outbox-sent');
    await two.enqueue({ kind: 'rating', payload: rating() });
    await two.flush();
    await sentHeard;
    await waitUntil(() => statuses.length > 0, 'tab one emits a status after hearing the send');
    expect(String(statuses.at(-1))).to.equal(String(two.status().lastSyncAt));
  });

  it('tells an outbox of the same name (another tab) that the item it queued was refused', async () => {
    const { adapter: failing } = scriptedAdapter(offline);
    const one = open({ adapter: failing, backoff: { baseMs: 60_000 } });
    const { adapter: refusing } = scriptedAdapter(() => ({ ok: false, error: { kind: 'invalid', code: 'invalid-body', message: 'no', status: 422 } }));
    const two = open({ adapter: refusing, backoff: { baseMs: 60_000 } });
    const r = rating();
    await one.enqueue({ kind: 'rating', payload: r });
    const droppedHeard = oneEvent(one, 'outbox-dropped');
    await two.flush();
    const event = await droppedHeard;
    expect(event.item.key).to.equal(r.id);
    expect(event.reason).to.equal('refused');
    expect(event.error?.code).to.equal('invalid-body');
  });

  it('leaves an item of a kind it does not know (a newer SDK queued it) and sends what follows', async () => {
    const store = (await openIndexedDbStore(name, true, () => undefined))!;
    await store.add({ key: 'petition:p1', kind: 'petition', payload: { id: 'p1' }, enqueuedAt: Date.now() });
    const r = rating();
    await store.add({ key: `rating:${r.id}`, kind: 'rating', payload: r, enqueuedAt: Date.now() });
    store.close();
    const { adapter, calls } = scriptedAdapter();
    const outbox = open({ adapter });
    const dropped: string[] = [];
    outbox.addEventListener('outbox-dropped', ({ item }) => dropped.push(item.key));
    await outbox.flush();
    await outbox.flush();
    expect(calls).to.deep.equal([r.id]);
    expect(dropped, 'the newer code will send it').to.deep.equal([]);
    expect(outbox.status().queued).to.equal(1);
  });

  it('keeps a submission queued twice once', async () => {
    const { adapter } = scriptedAdapter(offline);
    const outbox = open({ adapter, backoff: { baseMs: 60_000 } });
    const r = rating();
    await outbox.enqueue({ kind: 'rating', payload: r });
    await outbox.enqueue({ kind: 'rating', payload: r });
    expect(outbox.status().queued).to.equal(1);
  });
});

describe('createOutbox, for every kind of submission', () => {
  let name: string;
  const opened: Outbox[] = [];
  const open = (adapter: BackendAdapter, options: Partial<OutboxOptions> = {}) => {
    const outbox = createOutbox({ name, backoff: FAST, adapter, ...options });
    opened.push(outbox);
    return outbox;
  };
  const TOKEN_USED: AdapterError = { kind: 'forbidden', code: 'token-used', message: 'used', status: 403 };
  const surveyItem = (): Extract<OutboxSubmission, { kind: 'survey-response' }> => ({
    kind: 'survey-response',
    payload: { survey: 'climat-social', token: 'a'.repeat(32), response: { id: newId(), answers: { q1: 'oui' } } },
  });

  /** An adapter whose survey answers come from `answers`, one per call (the last one repeats). */
  function surveyAdapter(...answers: Result<unknown>[]) {
    const calls: string[] = [];
    const adapter = {
      async submitSurveyResponse(_survey: string, _token: string, response: { id: string }) {
        calls.push(response.id);
        return answers[Math.min(calls.length, answers.length) - 1];
      },
    } as unknown as BackendAdapter;
    return { adapter, calls };
  }

  beforeEach(() => {
    name = `civic-pulse-outbox-test-${newId()}`;
  });
  afterEach(async () => {
    for (const outbox of opened.splice(0)) outbox.close();
    await deleteDatabase(name);
  });

  it('sends a consultation response and an idea with their consultation, keyed by their own ids', async () => {
    const calls: string[] = [];
    const adapter = {
      async submitConsultationResponse(consultation: string, response: { id: string }) {
        calls.push(`response ${consultation} ${response.id}`);
        return { ok: true, data: { id: response.id, receivedAt: new Date().toISOString() } };
      },
      async submitIdea(consultation: string, idea: { id: string }) {
        calls.push(`idea ${consultation} ${idea.id}`);
        return { ok: true, data: { ...idea, status: 'pending', supports: 0 } };
      },
    } as unknown as BackendAdapter;
    const outbox = open(adapter);
    const response = { id: newId(), participant: newId(), answers: { q1: 'a' } };
    const idea = { id: newId(), participant: response.participant, title: 'Un banc', body: '' };
    const sent: string[] = [];
    outbox.addEventListener('outbox-sent', ({ item }) => sent.push(`${item.kind} ${item.key}`));
    await outbox.enqueue({ kind: 'consultation-response', payload: { consultation: 'velo', response } });
    await outbox.enqueue({ kind: 'consultation-response', payload: { consultation: 'velo', response } });
    await outbox.enqueue({ kind: 'idea', payload: { consultation: 'velo', idea } });
    await waitUntil(() => sent.length === 2, 'both sent');
    expect(calls).to.deep.equal([`response velo ${response.id}`, `idea velo ${idea.id}`]);
    expect(sent).to.deep.equal([`consultation-response ${response.id}`, `idea ${idea.id}`]);
  });

  it('drops a consultation response the server refuses as already answered (409)', async () => {
    const adapter = {
      submitConsultationResponse: async () => ({ ok: false, error: { kind: 'conflict', code: 'already-answered', message: 'no', status: 409 } }),
    } as unknown as BackendAdapter;
    const outbox = open(adapter);
    const dropped = oneEvent(outbox, 'outbox-dropped');
    await outbox.enqueue({ kind: 'consultation-response', payload: { consultation: 'velo', response: { id: newId(), participant: newId(), answers: {} } } });
    const event = await dropped;
    expect(event.reason).to.equal('refused');
    expect(event.error?.code).to.equal('already-answered');
    expect(outbox.status().queued).to.equal(0);
  });

  it('ends a response or an idea to a consultation deleted meanwhile (404), and a submission too large (413), instead of holding the queue', async () => {
    const NOT_FOUND: AdapterError = { kind: 'not-found', code: 'unknown-consultation', message: 'gone', status: 404 };
    const TOO_LARGE: AdapterError = { kind: 'too-large', code: 'body-too-large', message: 'big', status: 413 };
    const sentRatings: string[] = [];
    const adapter = {
      submitConsultationResponse: async () => ({ ok: false, error: NOT_FOUND }),
      submitIdea: async () => ({ ok: false, error: NOT_FOUND }),
      submitSurveyResponse: async () => ({ ok: false, error: NOT_FOUND }),
      async submitRating(r: Rating) {
        if (r.score === 1) return { ok: false, error: TOO_LARGE };
        sentRatings.push(r.id);
        return accept(r);
      },
    } as unknown as BackendAdapter;
    const outbox = open(adapter, { backoff: { baseMs: 60_000 } });
    const dropped: string[] = [];
    outbox.addEventListener('outbox-dropped', ({ item, reason, error }) => dropped.push(`${item.kind} ${reason} ${error?.status}`));
    const participant = newId();
    await outbox.enqueue({ kind: 'consultation-response', payload: { consultation: 'velo', response: { id: newId(), participant, answers: {} } } });
    await outbox.enqueue({ kind: 'idea', payload: { consultation: 'velo', idea: { id: newId(), participant, title: 'Un banc', body: '' } } });
    await outbox.enqueue(surveyItem());
    await outbox.enqueue({ kind: 'rating', payload: rating(1) });
    const last = rating(2);
    await outbox.enqueue({ kind: 'rating', payload: last });
    await waitUntil(() => sentRatings.length === 1, 'the rating behind them is sent');
    expect(dropped).to.deep.equal(['consultation-response refused 404', 'idea refused 404', 'survey-response refused 404', 'rating refused 413']);
    expect(sentRatings).to.deep.equal([last.id]);
  });

  it('keeps a rating whose org the server does not know (404: a misconfigured site), and everything behind it', async () => {
    const calls: string[] = [];
    const adapter = {
      async submitRating(r: Rating) {
        calls.push(r.id);
        return { ok: false, error: { kind: 'not-found', code: 'unknown-org', message: 'no org', status: 404 } };
      },
    } as unknown as BackendAdapter;
    const outbox = open(adapter, { backoff: { baseMs: 60_000 } });
    const waiting = oneEvent(outbox, 'outbox-waiting');
    const first = rating();
    await outbox.enqueue({ kind: 'rating', payload: first });
    await outbox.enqueue({ kind: 'rating', payload: rating() });
    expect((await waiting).error.code).to.equal('unknown-org');
    await outbox.flush();
    expect(new Set(calls)).to.deep.equal(new Set([first.id]));
    expect(outbox.status().queued).to.equal(2);
  });

  it('tells with outbox-waiting that a try failed and the item stays', async () => {
    const { adapter } = surveyAdapter({ ok: false, error: NETWORK });
    const outbox = open(adapter, { backoff: { baseMs: 60_000 } });
    const waiting = oneEvent(outbox, 'outbox-waiting');
    const item = surveyItem();
    await outbox.enqueue(item);
    const event = await waiting;
    expect(event.item.key).to.equal(item.payload.response.id);
    expect(event.error.kind).to.equal('network');
    expect(outbox.status().queued).to.equal(1);
  });

  it('refuses a survey response never tried whose token is used: someone else answered with it', async () => {
    const { adapter, calls } = surveyAdapter({ ok: false, error: TOKEN_USED });
    const outbox = open(adapter);
    const dropped = oneEvent(outbox, 'outbox-dropped');
    const item = surveyItem();
    await outbox.enqueue(item);
    const event = await dropped;
    expect(event.reason).to.equal('refused');
    expect(event.error?.code).to.equal('token-used');
    expect(calls).to.deep.equal([item.payload.response.id]);
  });

  it('counts as sent a survey response tried before whose retry finds its token used (the reply was lost)', async () => {
    // First try: the server recorded it, the reply was lost (a network error); the retry finds the token used.
    const { adapter, calls } = surveyAdapter({ ok: false, error: NETWORK }, { ok: false, error: TOKEN_USED });
    const outbox = open(adapter);
    const sent = oneEvent(outbox, 'outbox-sent');
    const item = surveyItem();
    await outbox.enqueue(item);
    const event = await sent;
    expect(event.item.key).to.equal(item.payload.response.id);
    expect(event.receipt).to.equal(undefined);
    expect(calls).to.deep.equal([item.payload.response.id, item.payload.response.id]);
    expect(outbox.status().queued).to.equal(0);
  });

  it('keeps the tried mark on the device across a reopen (a reload), written before the first try', async () => {
    const item = surveyItem();
    const { adapter } = surveyAdapter({ ok: false, error: NETWORK });
    const before = open(adapter, { backoff: { baseMs: 60_000 } });
    const waiting = oneEvent(before, 'outbox-waiting');
    await before.enqueue(item);
    await waiting;
    before.close();

    const { adapter: after, calls } = surveyAdapter({ ok: false, error: TOKEN_USED });
    const reopened = open(after);
    const sent = oneEvent(reopened, 'outbox-sent');
    expect((await sent).item.key).to.equal(item.payload.response.id);
    expect(calls).to.deep.equal([item.payload.response.id]);
  });

  it('does not mark a survey response queued offline as tried: token-used after a reopen is a refusal', async () => {
    const item = surveyItem();
    const { adapter, calls: none } = surveyAdapter({ ok: false, error: NETWORK });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const before = open(adapter);
      await before.enqueue(item);
      await before.flush();
      before.close();
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    expect(none, 'offline, nothing was tried').to.deep.equal([]);

    const { adapter: after } = surveyAdapter({ ok: false, error: TOKEN_USED });
    const reopened = open(after);
    const dropped = oneEvent(reopened, 'outbox-dropped');
    expect((await dropped).error?.code).to.equal('token-used');
  });

  it('asks the adapter for one request per survey attempt, so that its own retry cannot meet token-used unmarked', async () => {
    const retries: unknown[] = [];
    const adapter = {
      async submitSurveyResponse(_survey: string, _token: string, response: { id: string }, options: { retries?: number }) {
        retries.push(options.retries);
        return { ok: true, data: { id: response.id, receivedOn: '2026-11-29' } };
      },
    } as unknown as BackendAdapter;
    const outbox = open(adapter);
    const sent = oneEvent(outbox, 'outbox-sent');
    await outbox.enqueue(surveyItem());
    await sent;
    expect(retries).to.deep.equal([0]);
  });

  it('takes the tried mark from enqueue when an earlier page may have sent it', async () => {
    const { adapter } = surveyAdapter({ ok: false, error: TOKEN_USED });
    const outbox = open(adapter);
    const sent = oneEvent(outbox, 'outbox-sent');
    const item = surveyItem();
    await outbox.enqueue(item, { tried: true });
    expect((await sent).item.key).to.equal(item.payload.response.id);
  });

  /** An adapter whose support answers come from `answers`, one per call (the last one repeats), recording `idea participant` each. */
  function supportAdapter(...answers: Result<unknown>[]) {
    const calls: string[] = [];
    const adapter = {
      async supportIdea(consultation: string, idea: string, participant: string) {
        calls.push(`${consultation} ${idea} ${participant}`);
        return answers[Math.min(calls.length, answers.length) - 1];
      },
    } as unknown as BackendAdapter;
    return { adapter, calls };
  }
  const supportItem = (participant = newId()): Extract<OutboxSubmission, { kind: 'idea-support' }> => ({
    kind: 'idea-support',
    payload: { consultation: 'velo', idea: newId(), participant },
  });
  const conflict = (code: string): AdapterError => ({ kind: 'conflict', code, message: code, status: 409 });

  it('sends an idea’s support with its consultation, keyed by idea and participant, once however often it is queued', async () => {
    const item = supportItem();
    const { idea, participant } = item.payload;
    const { adapter, calls } = supportAdapter({ ok: true, data: { idea, supports: 4 } });
    const outbox = open(adapter);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const queued = await outbox.enqueue(item);
      await outbox.enqueue(item);
      expect(queued.key).to.equal(`${idea}:${participant}`);
      expect(outbox.status().queued).to.equal(1);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    const sent = oneEvent(outbox, 'outbox-sent');
    window.dispatchEvent(new Event('online'));
    const event = await sent;
    expect(event.item.key).to.equal(`${idea}:${participant}`);
    expect(event.receipt).to.deep.equal({ idea, supports: 4 });
    expect(calls).to.deep.equal([`velo ${idea} ${participant}`]);
    expect(outbox.status().queued).to.equal(0);
  });

  it('keeps apart the supports of two participants for one idea, and of one participant for two ideas', async () => {
    const { adapter, calls } = supportAdapter({ ok: true, data: undefined });
    const outbox = open(adapter);
    const first = supportItem('p-1');
    const sent: string[] = [];
    outbox.addEventListener('outbox-sent', ({ item }) => sent.push(item.key));
    await outbox.enqueue(first);
    await outbox.enqueue({ ...first, payload: { ...first.payload, participant: 'p-2' } });
    await outbox.enqueue({ ...first, payload: { ...first.payload, idea: 'autre-idee' } });
    await waitUntil(() => sent.length === 3, 'all three sent');
    expect(sent).to.deep.equal([`${first.payload.idea}:p-1`, `${first.payload.idea}:p-2`, 'autre-idee:p-1']);
    expect(calls).to.have.length(3);
  });

  it('counts as sent a support whose retry finds it already supported (the first reply was lost), with no receipt', async () => {
    const { adapter, calls } = supportAdapter({ ok: false, error: NETWORK }, { ok: false, error: conflict('already-supported') });
    const outbox = open(adapter);
    const sent = oneEvent(outbox, 'outbox-sent');
    let dropped = false;
    outbox.addEventListener('outbox-dropped', () => (dropped = true));
    const item = supportItem();
    await outbox.enqueue(item);
    const event = await sent;
    expect(event.item.key).to.equal(`${item.payload.idea}:${item.payload.participant}`);
    expect(event.receipt).to.equal(undefined);
    expect(calls).to.have.length(2);
    expect(dropped).to.be.false;
    expect(outbox.status().queued).to.equal(0);
  });

  it('ends a support the server will never take (409 not-published or closed, 404 an idea deleted) and sends what follows', async () => {
    const NOT_FOUND: AdapterError = { kind: 'not-found', code: 'unknown-idea', message: 'gone', status: 404 };
    const refusals = [conflict('not-published'), conflict('closed'), NOT_FOUND];
    const last = supportItem();
    const calls: string[] = [];
    const adapter = {
      async supportIdea(_consultation: string, idea: string) {
        calls.push(idea);
        return idea === last.payload.idea ? { ok: true, data: { idea, supports: 1 } } : { ok: false, error: refusals[calls.length - 1] };
      },
    } as unknown as BackendAdapter;
    const outbox = open(adapter, { backoff: { baseMs: 60_000 } });
    const dropped: string[] = [];
    outbox.addEventListener('outbox-dropped', ({ item, reason, error }) => dropped.push(`${item.kind} ${reason} ${error?.code}`));
    const sent = oneEvent(outbox, 'outbox-sent');
    for (let i = 0; i < refusals.length; i++) await outbox.enqueue(supportItem());
    await outbox.enqueue(last);
    expect((await sent).item.key).to.equal(`${last.payload.idea}:${last.payload.participant}`);
    expect(dropped).to.deep.equal(['idea-support refused not-published', 'idea-support refused closed', 'idea-support refused unknown-idea']);
    expect(outbox.status().queued).to.equal(0);
  });

  it('keeps a support whose try failed on the network, and everything behind it', async () => {
    const { adapter, calls } = supportAdapter({ ok: false, error: NETWORK });
    const outbox = open(adapter, { backoff: { baseMs: 60_000 } });
    const waiting = oneEvent(outbox, 'outbox-waiting');
    const item = supportItem();
    await outbox.enqueue(item);
    await outbox.enqueue({ kind: 'rating', payload: rating() });
    expect((await waiting).error.kind).to.equal('network');
    expect(calls).to.have.length(1);
    expect(outbox.status().queued).to.equal(2);
  });

  it('refuses a survey response whose token is unknown, instead of retrying it for 14 days', async () => {
    const { adapter } = surveyAdapter({ ok: false, error: { kind: 'forbidden', code: 'unknown-token', message: 'no', status: 403 } });
    const outbox = open(adapter);
    const dropped = oneEvent(outbox, 'outbox-dropped');
    await outbox.enqueue(surveyItem());
    expect((await dropped).error?.code).to.equal('unknown-token');
  });
});
