import {
  submitWithPlugins,
  type BackendAdapter,
  type CivicPlugin,
  type OutboxItem,
  type OutboxKind,
  type OutboxSubmission,
  type Result,
  type SubmissionContext,
} from '@civic-pulse/core';
import type { LeftWaiting, WaitingWatcher, WaitReason } from './submission-outbox.js';

// The outbox and its IndexedDB code, in a chunk of their own, out of what a page downloads to show
// an element: loaded when the person acts, and at start only when an earlier page left this
// backend's outbox on the device.
export const loadSubmissionOutbox = () => import('./submission-outbox.js');
export type SubmissionOutbox = Awaited<ReturnType<typeof loadSubmissionOutbox>>;

const OUTBOX_NAME = 'civic-pulse-outbox';

/** One outbox per backend: named after the adapter's `outboxKey` (an HTTP adapter's endpoint and org), or the default name for an adapter that declares none. */
export const outboxName = (adapterKey: string | undefined): string => (adapterKey ? `${OUTBOX_NAME} ${adapterKey}` : OUTBOX_NAME);

/**
 * The outbox `adapter` uses under `name`: for an adapter the page gave (the default name), the one
 * its `outboxKey` names, when it declares one, so that every adapter object made for that backend
 * finds what another left; `name` itself otherwise (see submission-outbox.ts for the numbering).
 */
export const declaredOutboxName = (adapter: BackendAdapter, name: string): string =>
  name === OUTBOX_NAME && adapter.outboxKey ? outboxName(adapter.outboxKey) : name;

/** Whether an earlier page left the outbox `name` on the device: its database is looked up by name, neither opened nor created. */
async function leftOnDevice(name: string): Promise<boolean> {
  const databases = (await globalThis.indexedDB?.databases?.()) ?? [];
  // An adapter the page gave has an outbox of its own, `civic-pulse-outbox #2`… (see submission-outbox.ts).
  return databases.some((database) => database.name === name || database.name?.startsWith(`${name} #`));
}

/** Sends what an earlier page left queued in the outbox `name`, if anything; the outbox's code is loaded only if it exists. */
export async function resumeLeftSubmissions(adapter: BackendAdapter, name: string): Promise<void> {
  try {
    if (await leftOnDevice(declaredOutboxName(adapter, name))) (await loadSubmissionOutbox()).resumeSubmissions(adapter, name);
  } catch {
    // Offline before the chunk came, or no IndexedDB: the next send tries again.
  }
}

/**
 * The submissions of `kind` that `matches` picks and that an earlier page left waiting in the
 * outbox `name`, read without changing them, with a watch on what becomes of them (see the
 * outbox's `watchWaiting`). Undefined, with nothing loaded, opened or created, when the device has
 * no such outbox, and when it cannot tell (no IndexedDB, or offline before the outbox's code came).
 */
export async function watchLeftSubmissions<K extends OutboxKind>(
  adapter: BackendAdapter,
  name: string,
  kind: K,
  matches: (item: Extract<OutboxItem, { kind: K }>) => boolean,
  watcher: WaitingWatcher<K>,
): Promise<LeftWaiting<K> | undefined> {
  try {
    if (!(await leftOnDevice(declaredOutboxName(adapter, name)))) return undefined;
    return await (await loadSubmissionOutbox()).watchWaiting(adapter, name, kind, matches, watcher);
  } catch {
    return undefined;
  }
}

/** One submission an element sends through the page's outbox (see `sendThroughOutbox`). */
export interface OutboxDelivery<P, T> {
  adapter: BackendAdapter;
  /** The outbox's name (see `outboxName`). */
  name: string;
  payload: P;
  /** The page's plugins and their context, for a kind they hear of; without, the payload goes as it is. */
  plugins?: { list: readonly CivicPlugin[]; context: SubmissionContext<P> };
  /** The outbox's item for the payload (as the plugins left it). */
  queued(payload: P): OutboxSubmission;
  /** Sends the payload without the outbox, when its code could not be loaded (offline before it came). */
  direct(payload: P): Promise<Result<T>>;
  /** An earlier page may have sent it already (see core's outbox kinds). */
  tried?: boolean;
  /** It is written to the device (a kiosk thanks the person then, without waiting for the server). */
  stored?(): void;
  /**
   * It must wait on the device, for `reason`: called at each failed try, resolved once the element
   * says so. `item` is the submission whose try failed: this one, or another ahead of it in the
   * outbox (then no request of this one has left); none offline.
   */
  kept(reason: WaitReason, item?: OutboxItem): Promise<void> | void;
  /** The server's answer, however late it comes. */
  settle(result: Result<T>): Promise<void>;
}

/**
 * Sends a submission through the plugins and the page's outbox. Resolves once it is settled for
 * the person: answered (then `settle` has run), or kept on the device (`kept` has run once).
 */
export async function sendThroughOutbox<P, T>(delivery: OutboxDelivery<P, T>): Promise<void> {
  const { plugins } = delivery;
  const send = (through: (payload: P) => Promise<Result<T>>) =>
    plugins ? submitWithPlugins(plugins.list, plugins.context, through) : through(delivery.payload);
  const outbox = await loadSubmissionOutbox().catch(() => undefined);
  if (!outbox) return delivery.settle(await send(delivery.direct));
  await new Promise<void>((settled) => {
    const kept = (reason: WaitReason, item?: OutboxItem) => void Promise.resolve(delivery.kept(reason, item)).then(settled);
    const through = (payload: P) => outbox.deliver<T>(delivery.adapter, delivery.name, delivery.queued(payload), kept, {
        tried: delivery.tried ?? false,
        stored: () => delivery.stored?.(),
      });
    void send(through).then(async (result) => {
      await delivery.settle(result);
      settled();
    });
  });
}
