import type { AdapterError, BackendAdapter } from '../adapter.js';
import { KINDS, ruleOf, type OutboxKind, type OutboxSubmission } from './kinds.js';
import { memoryStore, openIndexedDbStore, type OutboxStore, type StoredEntry } from './store.js';

export type { OutboxSubmission, OutboxKind } from './kinds.js';

/** A queued submission as the page sees it. */
export type OutboxItem = OutboxSubmission & {
  /** The idempotency key, made when the person answered. */
  key: string;
  enqueuedAt: string;
};

export interface OutboxStatus {
  /** False when the queue lives in memory only (IndexedDB unavailable): a reload loses it. */
  durable: boolean;
  queued: number;
  /** When the server last acknowledged an item, ISO; null before the first. */
  lastSyncAt: string | null;
  online: boolean;
}

export interface OutboxOptions {
  adapter: BackendAdapter;
  /** The IndexedDB database's name; one outbox per name. */
  name?: string;
  /** An item not acknowledged after this many days is dropped (`outbox-dropped`, `expired`). */
  maxAgeDays?: number;
  /** Asks the browser to keep the storage under pressure (kiosks), at the first `enqueue`. */
  persist?: boolean;
  now?: () => Date;
  /** Retries wait `baseMs · 2^(attempt-1)`, capped at `maxMs`, with jitter (half to all of it). */
  backoff?: { baseMs?: number; maxMs?: number };
}

export class OutboxSentEvent extends Event {
  readonly item: OutboxItem;
  readonly receipt: unknown;
  constructor(item: OutboxItem, receipt: unknown) {
    super('outbox-sent');
    this.item = item;
    this.receipt = receipt;
  }
}

/**
 * `refused`: the server has it already or will never take it (409, 422, 413, or a refusal of the
 * kind's own: see kinds.ts). `expired`: kept `maxAgeDays`. Fired in every tab with an outbox of the
 * same name, whichever sent it, as are `outbox-sent` and `outbox-waiting`.
 */
export class OutboxDroppedEvent extends Event {
  readonly item: OutboxItem;
  readonly reason: 'refused' | 'expired';
  readonly error?: AdapterError;
  constructor(item: OutboxItem, reason: 'refused' | 'expired', error?: AdapterError) {
    super('outbox-dropped');
    this.item = item;
    this.reason = reason;
    if (error) this.error = error;
  }
}

/** A try did not reach the server, or it asked to wait: the item stays queued, and everything behind it waits too. */
export class OutboxWaitingEvent extends Event {
  readonly item: OutboxItem;
  readonly error: AdapterError;
  constructor(item: OutboxItem, error: AdapterError) {
    super('outbox-waiting');
    this.item = item;
    this.error = error;
  }
}

export class OutboxStatusEvent extends Event {
  readonly status: OutboxStatus;
  constructor(status: OutboxStatus) {
    super('outbox-status');
    this.status = status;
  }
}

export interface OutboxEventMap {
  'outbox-sent': OutboxSentEvent;
  'outbox-dropped': OutboxDroppedEvent;
  'outbox-waiting': OutboxWaitingEvent;
  'outbox-status': OutboxStatusEvent;
}

export const DEFAULT_OUTBOX_NAME = 'civic-pulse-outbox';
const DAY_MS = 86_400_000;

// Only an answer that will never change ends an item without success: 409, 422, and 413 (the same
// bytes will never fit). Everything else (network, timeout, 5xx, 429, but also 401/403/404 from a
// misconfigured site) waits and is tried again, until it expires. A kind adds the refusals of its
// own (see kinds.ts): a 404 for an answer to a consultation or survey deleted meanwhile ends it,
// where a rating's 404 (an org unknown: the site is misconfigured) is retried.
const isTerminal = (kind: OutboxKind, error: AdapterError): boolean =>
  error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'too-large' || ruleOf(kind).refuses?.(error) === true;

/** A kind this code knows: a newer SDK (another tab, a later deploy) may have queued one it does not. */
const isKnownKind = (kind: string): kind is OutboxKind => Object.prototype.hasOwnProperty.call(KINDS, kind);

/** What an outbox tells the outboxes of the same name in other tabs, which send from the same database. */
type Relayed =
  | { type: 'outbox-sent'; item: OutboxItem; receipt: unknown; at: string }
  | { type: 'outbox-dropped'; item: OutboxItem; reason: 'refused' | 'expired'; error?: AdapterError }
  | { type: 'outbox-waiting'; item: OutboxItem; error: AdapterError };

const toItem = (entry: StoredEntry): OutboxItem =>
  ({ kind: entry.kind, payload: entry.payload, key: entry.key.slice(entry.key.indexOf(':') + 1), enqueuedAt: new Date(entry.enqueuedAt).toISOString() }) as OutboxItem;

/**
 * Every submission a person makes goes through here: written to IndexedDB before it is sent, sent
 * one at a time oldest first, retried with backoff until the server acknowledges it, kept across
 * reloads. Nothing touches the device before the first `enqueue`: at start, the database is opened
 * only if the device lists it. An item of a kind this code does not know is left for the code that
 * queued it.
 */
export class Outbox extends EventTarget {
  readonly #adapter: BackendAdapter;
  readonly #name: string;
  readonly #maxAgeMs: number;
  readonly #persist: boolean;
  readonly #now: () => Date;
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #closing = new AbortController();

  #store: OutboxStore | undefined;
  #opening: Promise<unknown> = Promise.resolve();
  #durable = typeof indexedDB !== 'undefined';
  #queued = 0;
  #lastSyncAt: string | null = null;
  #attempts = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #passes: Promise<void> = Promise.resolve();
  #waitingPass: Promise<void> | undefined;
  #forced = false;
  #persistAsked = false;
  #closed = false;
  /**
   * The other tabs' outboxes of this name. Whichever tab holds the lock sends every item in the
   * database, this tab's too: without the relay, an element here would never hear its item was sent.
   */
  readonly #relay: BroadcastChannel | undefined;

  constructor(options: OutboxOptions) {
    super();
    this.#adapter = options.adapter;
    this.#name = options.name ?? DEFAULT_OUTBOX_NAME;
    this.#maxAgeMs = (options.maxAgeDays ?? 14) * DAY_MS;
    this.#persist = options.persist ?? false;
    this.#now = options.now ?? (() => new Date());
    this.#baseMs = options.backoff?.baseMs ?? 1_000;
    this.#maxMs = options.backoff?.maxMs ?? 300_000;
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
    if (typeof BroadcastChannel === 'function') {
      this.#relay = new BroadcastChannel(this.#name);
      this.#relay.onmessage = (message: MessageEvent<Relayed>) => void this.#heard(message.data);
    }
    // What a previous page left is sent now; this opens the database only if it already exists.
    this.#flushSoon();
  }

  /**
   * Queues a submission; resolves once it is stored (on the device, or in memory when it cannot
   * be), then sends it. Queuing the same submission again keeps it once. `tried`: an earlier page
   * may have sent it already (see `KindRule.send`), which the caller knows and the queue does not.
   */
  async enqueue(submission: OutboxSubmission, options: { tried?: boolean } = {}): Promise<OutboxItem> {
    if (this.#closed) throw new Error('This outbox is closed.');
    if (this.#persist && !this.#persistAsked) {
      this.#persistAsked = true;
      void globalThis.navigator?.storage?.persist?.().catch(() => false);
    }
    const entry: StoredEntry = {
      key: `${submission.kind}:${ruleOf(submission.kind).key(submission.payload)}`,
      kind: submission.kind,
      payload: submission.payload,
      enqueuedAt: this.#now().getTime(),
      ...(options.tried ? { tried: true } : {}),
    };
    let store = await this.#storeFor(true);
    try {
      await store!.add(entry);
    } catch {
      // The device refused the write (quota, storage cleared under us): keep it in memory rather than lose it.
      store = this.#fallBack();
      await store.add(entry);
    }
    await this.#count();
    this.#flushSoon();
    return toItem(entry);
  }

  /**
   * Sends what is queued, oldest first, until the queue is empty or an item must wait, without
   * waiting for the backoff. Resolves when that pass is over; calls during a pass are folded into
   * one more pass after it.
   */
  flush(): Promise<void> {
    this.#forced = true;
    return this.#queuePass();
  }

  /** A pass of our own (start, enqueue, timer): skipped while a retry waits for its backoff. */
  #flushSoon(): void {
    void this.#queuePass();
  }

  #queuePass(): Promise<void> {
    if (this.#waitingPass) return this.#waitingPass;
    const pass = this.#passes.then(() => {
      this.#waitingPass = undefined;
      return this.#pass();
    });
    this.#waitingPass = pass;
    this.#passes = pass.catch(() => undefined);
    return pass;
  }

  /**
   * The items queued, oldest first, read without changing them: for a page that shows what an
   * earlier one left waiting. None while the device has no database of this name (not created).
   */
  async items(): Promise<OutboxItem[]> {
    const store = await this.#storeFor(false);
    const items: OutboxItem[] = [];
    for (let entry = await store?.first(); entry; entry = await store!.first(entry.seq)) items.push(toItem(entry));
    return items;
  }

  status(): OutboxStatus {
    return {
      durable: this.#durable,
      queued: this.#queued,
      lastSyncAt: this.#lastSyncAt,
      online: globalThis.navigator?.onLine ?? true,
    };
  }

  /** Stops sending and retrying and closes the database; what is queued stays for the next outbox. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#closing.abort();
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    this.#relay?.close();
    void this.#opening.then(() => this.#store?.close());
  }

  readonly #onOnline = (): void => {
    this.#attempts = 0;
    this.#emitStatus();
    void this.flush();
  };

  readonly #onOffline = (): void => this.#emitStatus();

  async #pass(): Promise<void> {
    const forced = this.#forced;
    this.#forced = false;
    if (this.#closed || (!forced && this.#timer !== undefined)) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      const store = await this.#storeFor(false);
      if (!store) return; // nothing was ever queued on this device
      // Counted also offline: the status shows what an earlier page left before the network returns.
      await this.#count();
      if (globalThis.navigator?.onLine === false) return; // the `online` event starts the next pass
      // One tab sends at a time, so two tabs do not send the same item at once; the idempotency key
      // would make that harmless, the lock makes it rare. Without Web Locks, the key alone.
      const locks = globalThis.navigator?.locks;
      if (locks?.request) await locks.request(`${this.#name}:flush`, { signal: this.#closing.signal }, () => this.#drain(store));
      else await this.#drain(store);
    } catch {
      // The database went away or the adapter threw: nothing is lost, try again later.
      if (!this.#closed) this.#retryLater();
    }
  }

  async #drain(store: OutboxStore): Promise<void> {
    // The last entry of a kind this code does not know: left for the newer code that queued it,
    // rather than lost or holding back every item behind it.
    let skipped: number | undefined;
    for (;;) {
      if (this.#closed) return;
      const entry = await store.first(skipped);
      if (!entry) return;
      const item = toItem(entry);
      if (this.#now().getTime() - entry.enqueuedAt > this.#maxAgeMs) {
        await this.#remove(store, entry, new OutboxDroppedEvent(item, 'expired'), { type: 'outbox-dropped', item, reason: 'expired' });
        continue;
      }
      if (!isKnownKind(entry.kind)) {
        skipped = entry.seq;
        continue;
      }
      const rule = ruleOf(entry.kind);
      const tried = entry.tried === true;
      // Written before the request leaves, so that a reload after it still knows (see kinds.ts).
      if (rule.marksTried && !tried) await store.markTried(entry.seq!);
      const result = await rule.send(this.#adapter, item.payload, { signal: this.#closing.signal }, tried);
      if (this.#closed) return;
      if (result.ok) {
        this.#attempts = 0;
        const at = this.#now().toISOString();
        this.#lastSyncAt = at;
        await this.#remove(store, entry, new OutboxSentEvent(item, result.data), { type: 'outbox-sent', item, receipt: result.data, at });
      } else if (isTerminal(entry.kind, result.error)) {
        await this.#remove(store, entry, new OutboxDroppedEvent(item, 'refused', result.error), { type: 'outbox-dropped', item, reason: 'refused', error: result.error });
      } else {
        // Stop here, so nothing overtakes this item, and try again later.
        this.#retryLater(result.error.retryAfter);
        if (result.error.kind !== 'aborted') this.#tell(new OutboxWaitingEvent(item, result.error), { type: 'outbox-waiting', item, error: result.error });
        return;
      }
    }
  }

  async #remove(store: OutboxStore, entry: StoredEntry, event: Event, relayed: Relayed): Promise<void> {
    await store.delete(entry.seq!);
    await this.#count();
    this.#tell(event, relayed);
  }

  /** Fires `event` here and in the other tabs' outboxes of this name. */
  #tell(event: Event, relayed: Relayed): void {
    this.dispatchEvent(event);
    try {
      this.#relay?.postMessage(relayed);
    } catch {
      // A receipt that cannot be cloned: the other tabs hear nothing, as before the relay.
    }
  }

  /** What another tab's outbox of this name did with an item of the shared database. */
  async #heard(relayed: Relayed): Promise<void> {
    if (this.#closed) return;
    if (relayed.type === 'outbox-sent') {
      this.#attempts = 0;
      this.#lastSyncAt = relayed.at;
      this.dispatchEvent(new OutboxSentEvent(relayed.item, relayed.receipt));
    } else if (relayed.type === 'outbox-dropped') {
      this.dispatchEvent(new OutboxDroppedEvent(relayed.item, relayed.reason, relayed.error));
    } else {
      this.dispatchEvent(new OutboxWaitingEvent(relayed.item, relayed.error));
      return;
    }
    // One less in the shared database: the status here counts it again (a store already open only).
    const counted = this.#store ? await this.#count().catch(() => false) : false;
    // A kiosk's "last sent" moved even when the count here did not (a store not open here, or an
    // item this tab never counted): the status goes out all the same.
    if (relayed.type === 'outbox-sent' && !counted) this.#emitStatus();
  }

  #retryLater(retryAfterSeconds?: number): void {
    this.#attempts += 1;
    const exponential = Math.min(this.#maxMs, this.#baseMs * 2 ** (this.#attempts - 1));
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    const delay = Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushSoon();
    }, delay);
  }

  /** The store, opened once; without `create`, undefined while no database exists on the device. */
  #storeFor(create: boolean): Promise<OutboxStore | undefined> {
    const next = this.#opening.then(async () => {
      if (this.#store) return this.#store;
      // Without `create`, a database the device does not list is not even opened (an open request
      // that then aborts its upgrade writes nothing, but opening is touching the device all the same).
      if (!create && !(await this.#listed())) return undefined;
      try {
        this.#store = await openIndexedDbStore(this.#name, create, () => {
          this.#store = undefined;
        });
      } catch {
        return this.#fallBack();
      }
      return this.#store;
    });
    this.#opening = next.catch(() => undefined);
    return next;
  }

  /** Whether the device lists this outbox's database; true when it cannot tell (no `databases()`). */
  async #listed(): Promise<boolean> {
    const list = globalThis.indexedDB?.databases;
    if (typeof list !== 'function') return true;
    try {
      return (await globalThis.indexedDB.databases()).some((database) => database.name === this.#name);
    } catch {
      return true;
    }
  }

  #fallBack(): OutboxStore {
    this.#store = memoryStore();
    this.#durable = false;
    this.#emitStatus();
    return this.#store;
  }

  /** Counts what is queued; emits the status, and resolves true, only when the count changed. */
  async #count(): Promise<boolean> {
    const queued = this.#store ? await this.#store.count() : 0;
    if (queued === this.#queued) return false;
    this.#queued = queued;
    this.#emitStatus();
    return true;
  }

  #emitStatus(): void {
    this.dispatchEvent(new OutboxStatusEvent(this.status()));
  }
}

export interface Outbox {
  addEventListener<K extends keyof OutboxEventMap>(type: K, listener: (event: OutboxEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OutboxEventMap>(type: K, listener: (event: OutboxEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** The outbox of one page; create it once, and `close()` it when the page no longer needs it. */
export const createOutbox = (options: OutboxOptions): Outbox => new Outbox(options);
