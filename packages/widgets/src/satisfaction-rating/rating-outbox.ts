// Loaded on demand by <civic-satisfaction-rating> (a dynamic import), so that the outbox and idb
// stay out of the rating's own chunk. The module is loaded once per page: its two maps are the
// page's outboxes (one per backend) and the ratings that elements still wait for.
import {
  createOutbox,
  type AdapterError,
  type BackendAdapter,
  type Outbox,
  type OutboxDroppedEvent,
  type OutboxStatus,
  type Rating,
} from '@civic-pulse/core';

/** What an element hears about the rating it gave, whichever outbox sends it. */
export interface RatingWatcher {
  /** The server acknowledged it. */
  sent(receipt: unknown): void;
  /** The server refused it, or it expired. */
  dropped(event: OutboxDroppedEvent): void;
  /** A try did not reach the server, or it asked to wait: the rating stays in the outbox. */
  waiting(error: AdapterError): void;
}

interface Entry {
  adapter: BackendAdapter;
  outbox: Outbox;
  /** Whether it asks the browser to keep its storage (kiosk mode). */
  persist: boolean;
  /** The last try's failure, until one succeeds: while it is set, everything queued waits behind it. */
  failing?: AdapterError;
}

const outboxes = new Map<string, Entry>();
const watchers = new Map<string, { name: string; watcher: RatingWatcher }>();
/** The kiosks' staff status lines, by outbox name: they outlive an outbox replaced for a new adapter. */
const statusListeners = new Set<{ name: string; listener: (status: OutboxStatus) => void }>();

/**
 * The outbox of `name`, made at the first call, sending through `adapter`. `name` says where its
 * items go (endpoint and org), so that what a page left is sent where it was meant to go.
 */
function outboxFor(adapter: BackendAdapter, name: string, persist = false): Entry {
  const known = outboxes.get(name);
  if (known?.adapter === adapter && (known.persist || !persist)) return known;
  // The page gave another adapter for the same backend: the newer one sends what is queued. Or a
  // kiosk wants the storage kept: the outbox asks at its first enqueue, so it is made anew with it.
  known?.outbox.close();
  const reporting = Object.assign(Object.create(adapter) as BackendAdapter, {
    submitRating: async (...args: Parameters<BackendAdapter['submitRating']>) => {
      const result = await adapter.submitRating(...args);
      if (result.ok) {
        entry.failing = undefined;
      } else if (result.error.kind !== 'invalid' && result.error.kind !== 'conflict') {
        // The outbox stops at this item: every rating queued behind it waits too.
        entry.failing = result.error;
        for (const watching of watchers.values()) if (watching.name === name) watching.watcher.waiting(result.error);
      }
      return result;
    },
  });
  const entry: Entry = { adapter, persist, outbox: createOutbox({ adapter: reporting, name, persist }) };
  entry.outbox.addEventListener('outbox-status', ({ status }) => {
    for (const watching of statusListeners) if (watching.name === name) watching.listener(status);
  });
  entry.outbox.addEventListener('outbox-sent', ({ item, receipt }) => watchers.get(item.key)?.watcher.sent(receipt));
  entry.outbox.addEventListener('outbox-dropped', (event) => watchers.get(event.item.key)?.watcher.dropped(event));
  outboxes.set(name, entry);
  return entry;
}

/**
 * Writes `rating` to the outbox of `name`, which sends it. Resolves once it is stored, with the
 * reason it must wait when that is known already (offline, or a rating ahead of it is waiting).
 * `persist` (kiosk mode) asks the browser to keep the storage under pressure.
 */
export async function enqueueRating(
  adapter: BackendAdapter,
  name: string,
  rating: Rating,
  persist = false,
): Promise<AdapterError['kind'] | 'offline' | undefined> {
  const entry = outboxFor(adapter, name, persist);
  await entry.outbox.enqueue({ kind: 'rating', payload: rating });
  // Offline, the outbox does not even try: the `online` event will start it.
  if (globalThis.navigator?.onLine === false) return 'offline';
  return entry.failing?.kind;
}

/** Tells `watcher` what becomes of the rating `key` sent to the outbox of `name`, until the returned function is called. */
export function watchRating(name: string, key: string, watcher: RatingWatcher): () => void {
  const watching = { name, watcher };
  watchers.set(key, watching);
  return () => {
    if (watchers.get(key) === watching) watchers.delete(key);
  };
}

/** Sends what an earlier page left in the outbox of `name`, whose database the caller found on the device. */
export function resumeRatingOutbox(adapter: BackendAdapter, name: string): void {
  if (!outboxes.has(name)) outboxFor(adapter, name);
}

/**
 * Calls `listener` with the status of the outbox of `name` (online, queued, last sync, durable) now
 * and at each change, until the returned function is called. Makes the outbox, asking for
 * persistent storage, but writes nothing: the database is created at the first rating only.
 */
export function watchOutboxStatus(adapter: BackendAdapter, name: string, listener: (status: OutboxStatus) => void): () => void {
  const watching = { name, listener };
  statusListeners.add(watching);
  listener(outboxFor(adapter, name, true).outbox.status());
  return () => statusListeners.delete(watching);
}

/** Closes every outbox of the page and forgets every watcher; tests start each with none. */
export function closeRatingOutboxes(): void {
  for (const { outbox } of outboxes.values()) outbox.close();
  outboxes.clear();
  watchers.clear();
  statusListeners.clear();
}
