// The outbox in Chromium's real IndexedDB, with an adapter whose answers each test scripts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdapterError, BackendAdapter, Rating, Receipt, Result } from '../index.js';
import { newId } from '../id.js';
import { createOutbox, type Outbox, type OutboxOptions } from './index.js';

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

  it('keeps a submission queued twice once', async () => {
    const { adapter } = scriptedAdapter(offline);
    const outbox = open({ adapter, backoff: { baseMs: 60_000 } });
    const r = rating();
    await outbox.enqueue({ kind: 'rating', payload: r });
    await outbox.enqueue({ kind: 'rating', payload: r });
    expect(outbox.status().queued).to.equal(1);
  });
});
