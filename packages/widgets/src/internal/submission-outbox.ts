// Loaded on demand (a dynamic import, see outbox-loader.ts) by the elements that send what a person
// answered, so that the outbox and idb stay out of their own chunks, and by kiosk mode for its
// staff status. The module is loaded once per page: its maps are the page's outboxes (one per
// backend, whichever element made it first), the submissions elements wait for, and the kiosks'
// status lines. Each outbox hears also what the other tabs' outboxes of its name did with the items
// of their shared database (core relays it), so an element hears of its item whichever tab sent it.
import {
  createOutbox,
  submissionKey,
  type AdapterError,
  type BackendAdapter,
  type Outbox,
  type OutboxDroppedEvent,
  type OutboxItem,
  type OutboxKind,
  type OutboxStatus,
  type OutboxSubmission,
  type Result,
} from '@civic-pulse/core';
import { declaredOutboxName, outboxName } from './outbox-loader.js';

/** Why a submission waits on the device: offline, or the kind of the last failed try (`network`, `rate-limited`, `server`…). */
export type WaitReason = AdapterError['kind'] | 'offline';

/** What an element hears about the submission it made, whichever outbox of the page sends it. */
export interface SubmissionWatcher {
  /** The server acknowledged `item`. */
  sent(receipt: unknown, item: OutboxItem): void;
  /** The server refused it, or it expired. */
  dropped(event: OutboxDroppedEvent): void;
  /**
   * A try did not reach the server, or it asked to wait: the submission stays in the outbox. `item`
   * is the one whose try failed, which may be another submission ahead of the watched one (the
   * outbox stops at it); undefined offline, when nothing was tried.
   */
  waiting(reason: WaitReason, item?: OutboxItem): void;
}

interface Entry {
  adapter: BackendAdapter;
  outbox: Outbox;
  /**
   * Whether it asks the browser to keep its storage under pressure (a kiosk's), and whether it has
   * asked. Kept here rather than as core's `persist` option, fixed when an outbox is made: a kiosk
   * may share the outbox an inline element of the page made first, and it must not be remade then.
   */
  persist: 'no' | 'wanted' | 'asked';
  /** The last try's failure and its item, until one succeeds: while it is set, everything queued waits behind it. */
  failing?: { error: AdapterError; item: OutboxItem };
}

/** An element's watch on the submissions of `kind` in the outbox of `name` that `matches` picks. */
interface Watching {
  name: string;
  kind: OutboxKind;
  /** Set for a watch on one submission (see `watchSubmission`). */
  key?: string;
  matches(item: OutboxItem): boolean;
  watcher: SubmissionWatcher;
}

const outboxes = new Map<string, Entry>();
const watchers = new Set<Watching>();
/** The kiosks' staff status lines, by outbox name. */
const statusListeners = new Set<{ name: string; listener: (status: OutboxStatus) => void }>();
const watchersOf = (name: string, item: OutboxItem) => [...watchers].filter((watching) => watching.name === name && watching.kind === item.kind && watching.matches(item));

// An adapter the page gave may send to a backend of its own, which the SDK cannot name unless the
// adapter declares it (its `outboxKey`: then its outbox is named after it). Each other one has an
// outbox of its own, so that none sends another's items or aborts its request. They are numbered
// in the order the page first uses them (`civic-pulse-outbox`, then `… #2`): a page that gives them
// in the same order finds what an earlier one left in the right outbox; one that makes its adapter
// anew at each render makes new outboxes, which is why an adapter should declare its key.
// Kept here, in the outbox's chunk, rather than in the loader that every element's chunk carries.
const givenAdapters = { names: new WeakMap<BackendAdapter, string>(), count: 0 };
const GIVEN_ADAPTERS = outboxName(undefined);

/** The outbox `adapter` uses under `name` (see `outboxName`): its own, for an adapter the page gave. */
function outboxNameFor(adapter: BackendAdapter, name: string): string {
  if (name !== GIVEN_ADAPTERS || adapter.outboxKey) return declaredOutboxName(adapter, name);
  let own = givenAdapters.names.get(adapter);
  if (!own) {
    givenAdapters.count += 1;
    own = givenAdapters.count === 1 ? name : `${name} #${givenAdapters.count}`;
    givenAdapters.names.set(adapter, own);
  }
  return own;
}

/** Forgets the given adapters' numbering (see closeSubmissionOutboxes). */
function forgetGivenAdapters(): void {
  givenAdapters.names = new WeakMap();
  givenAdapters.count = 0;
}

const EXPIRED: AdapterError = { kind: 'timeout', code: 'expired', message: 'Kept on this device too long without reaching the server.' };
/** A submission dropped, as the answer its element shows: the server's refusal, or `expired`. */
const dropResult = (event: OutboxDroppedEvent): Result<never> => ({ ok: false, error: event.error ?? EXPIRED });

/**
 * The outbox of `name`, made at the first call, sending through `adapter`. `name` says where its
 * items go (endpoint and org; or an adapter the page gave, see `outboxNameFor`), so that what a
 * page left is sent where it was meant to go. Under a name made of endpoint and org, each element's
 * adapter sends to the same place: the outbox the first one made serves them all.
 */
function outboxFor(adapter: BackendAdapter, name: string): Entry {
  const known = outboxes.get(name);
  if (known) return known;
  const entry: Entry = { adapter, outbox: createOutbox({ adapter, name }), persist: 'no' };
  entry.outbox.addEventListener('outbox-status', ({ status }) => {
    for (const watching of statusListeners) if (watching.name === name) watching.listener(status);
  });
  entry.outbox.addEventListener('outbox-sent', ({ item, receipt }) => {
    entry.failing = undefined;
    if (item.kind === 'survey-response') forgetSurveyDraft(item.payload.survey, item.key);
    for (const { watcher } of watchersOf(name, item)) watcher.sent(receipt, item);
  });
  entry.outbox.addEventListener('outbox-dropped', (event) => {
    // The item that failed has left the queue: what follows it no longer waits behind it.
    entry.failing = undefined;
    // A survey response refused or expired can never be sent: its draft (with the token) is of no
    // more use, whether or not the survey element is open to delete it.
    if (event.item.kind === 'survey-response') forgetSurveyDraft(event.item.payload.survey, event.item.key);
    for (const { watcher } of watchersOf(name, event.item)) watcher.dropped(event);
  });
  entry.outbox.addEventListener('outbox-waiting', ({ error, item }) => {
    // The outbox stops at this item: every submission queued behind it waits too.
    entry.failing = { error, item };
    for (const watching of watchers) if (watching.name === name) watching.watcher.waiting(error.kind, item);
  });
  outboxes.set(name, entry);
  return entry;
}

/**
 * The survey's draft keeps the token and the answers on the device until the server has them; the
 * survey element deletes it then, but only if it is open: whichever page sent them, the draft of
 * that response goes now. A draft of another response (the agent started again) stays. The key
 * and the `responseId` field are agent-survey/draft.ts's, read here rather than imported: its
 * module would be one more chunk for every page that sends a rating.
 */
function forgetSurveyDraft(survey: string, responseId: string): void {
  const key = `civic-pulse:survey:${survey}`;
  try {
    if ((JSON.parse(localStorage.getItem(key) ?? 'null') as { responseId?: unknown } | null)?.responseId === responseId) localStorage.removeItem(key);
  } catch {
    // No storage (a sandboxed frame), or a draft that is not JSON: the survey element deals with it.
  }
}

/**
 * Writes `submission` to the outbox of `name`, which sends it. Resolves once it is stored, with the
 * reason it must wait when that is known already (offline, or a submission ahead of it is waiting).
 * `tried`: an earlier page may have sent it already (see core's outbox kinds).
 */
export async function enqueueSubmission(
  adapter: BackendAdapter,
  name: string,
  submission: OutboxSubmission,
  options: { tried?: boolean } = {},
): Promise<WaitReason | undefined> {
  return (await store(adapter, name, submission, options)).reason;
}

/** enqueueSubmission's work, with the item whose failed try holds the queue when that is why it waits. */
async function store(
  adapter: BackendAdapter,
  name: string,
  submission: OutboxSubmission,
  options: { tried?: boolean },
): Promise<{ reason?: WaitReason; item?: OutboxItem }> {
  const entry = outboxFor(adapter, outboxNameFor(adapter, name));
  if (entry.persist === 'wanted') {
    // At the first submission, as core's outbox does: nothing is asked of the device before the person acts.
    entry.persist = 'asked';
    void globalThis.navigator?.storage?.persist?.().catch(() => false);
  }
  await entry.outbox.enqueue(submission, options);
  // Offline, the outbox does not even try: the `online` event will start it.
  if (globalThis.navigator?.onLine === false) return { reason: 'offline' };
  return { reason: entry.failing?.error.kind, item: entry.failing?.item };
}

/** Tells `watching.watcher` what becomes of the submissions it watches, until the returned function is called. */
function watch(watching: Watching): () => void {
  watchers.add(watching);
  return () => watchers.delete(watching);
}

/**
 * Tells `watcher` what becomes of the submission `kind`/`key` sent to the outbox of `name`, until
 * the returned function is called. One watcher per submission: a new one replaces the last.
 */
export function watchSubmission(name: string, kind: OutboxKind, key: string, watcher: SubmissionWatcher): () => void {
  for (const watching of watchers) if (watching.name === name && watching.kind === kind && watching.key === key) watchers.delete(watching);
  return watch({ name, kind, key, matches: (item) => item.key === key, watcher });
}

/** What an element hears about the submissions an earlier page left waiting (see `watchWaiting`). */
export interface WaitingWatcher<K extends OutboxKind> {
  /** The server's answer to `item`: acknowledged, or refused (or expired: a `timeout`). */
  settled(item: Extract<OutboxItem, { kind: K }>, result: Result<unknown>): void;
  /** A try did not reach the server, or it asked to wait (see SubmissionWatcher's). */
  waiting(reason: WaitReason, item?: OutboxItem): void;
}

/** What an earlier page left waiting in an outbox, as `watchWaiting` finds it. */
export interface LeftWaiting<K extends OutboxKind> {
  /** The submissions found, oldest first. */
  items: Extract<OutboxItem, { kind: K }>[];
  /** Why they wait now, when that is known already (offline, or the last try's failure). */
  reason?: WaitReason;
  /** Ends the watch. */
  stop(): void;
}

/**
 * The submissions of `kind` that `matches` picks and that wait in the outbox of `name` (whose
 * database the caller found on the device), read without changing them; and tells `watcher` what
 * becomes of every such submission, until `stop` is called. The watch starts before the read: a
 * submission the outbox sends while it is read is heard, whether or not the read still saw it.
 */
export async function watchWaiting<K extends OutboxKind>(
  adapter: BackendAdapter,
  name: string,
  kind: K,
  matches: (item: Extract<OutboxItem, { kind: K }>) => boolean,
  watcher: WaitingWatcher<K>,
): Promise<LeftWaiting<K>> {
  type Item = Extract<OutboxItem, { kind: K }>;
  name = outboxNameFor(adapter, name);
  const picks = (item: OutboxItem): item is Item => item.kind === kind && matches(item as Item);
  const stop = watch({
    name,
    kind,
    matches: picks,
    watcher: {
      sent: (receipt, item) => watcher.settled(item as Item, { ok: true, data: receipt }),
      dropped: (event) => watcher.settled(event.item as Item, dropResult(event)),
      waiting: (reason, item) => watcher.waiting(reason, item),
    },
  });
  const entry = outboxFor(adapter, name);
  try {
    const items = (await entry.outbox.items()).filter(picks);
    const reason = globalThis.navigator?.onLine === false ? 'offline' : entry.failing?.error.kind;
    return { items, ...(reason ? { reason } : {}), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Writes `submission` to the outbox of `name` and resolves with the server's answer, however long
 * that takes (a later page may be the one that sends it, and then this never resolves). `kept` is
 * called each time it must wait on the device, with why and the item whose try failed (perhaps
 * another one ahead of it; none offline); `stored` once it is written there.
 */
export function deliver<T>(
  adapter: BackendAdapter,
  name: string,
  submission: OutboxSubmission,
  kept: (reason: WaitReason, item?: OutboxItem) => void,
  options: { tried?: boolean; stored?: () => void } = {},
): Promise<Result<T>> {
  name = outboxNameFor(adapter, name);
  return new Promise((resolve) => {
    const stop = watchSubmission(name, submission.kind, submissionKey(submission), {
      sent: (receipt) => (stop(), resolve({ ok: true, data: receipt as T })),
      dropped: (event) => (stop(), resolve(dropResult(event))),
      waiting: kept,
    });
    store(adapter, name, submission, options).then(
      ({ reason, item }) => {
        options.stored?.();
        if (reason) kept(reason, item);
      },
      (error: unknown) => (stop(), resolve({ ok: false, error: { kind: 'network', code: 'outbox', message: String(error) } })),
    );
  });
}

/** Sends what an earlier page left in the outbox of `name`, whose database the caller found on the device. */
export function resumeSubmissions(adapter: BackendAdapter, name: string): void {
  outboxFor(adapter, outboxNameFor(adapter, name));
}

/**
 * Calls `listener` with the status of the outbox of `name` (online, queued, last sync, durable) now
 * and at each change, until the returned function is called. Makes the outbox if the page has none
 * yet, but touches nothing on the device: its database is opened at start only if the device lists
 * it (then its count shows, also offline), and created at the first submission. `persist` (a
 * kiosk's): the outbox asks the browser to keep its storage, at its next submission.
 */
export function watchOutboxStatus(
  adapter: BackendAdapter,
  name: string,
  listener: (status: OutboxStatus) => void,
  options: { persist?: boolean } = {},
): () => void {
  name = outboxNameFor(adapter, name);
  const watching = { name, listener };
  statusListeners.add(watching);
  const entry = outboxFor(adapter, name);
  if (options.persist && entry.persist === 'no') entry.persist = 'wanted';
  listener(entry.outbox.status());
  return () => statusListeners.delete(watching);
}

/** Closes every outbox of the page and forgets every watcher; tests start each with none. */
export function closeSubmissionOutboxes(): void {
  for (const { outbox } of outboxes.values()) outbox.close();
  outboxes.clear();
  watchers.clear();
  statusListeners.clear();
  forgetGivenAdapters();
}
