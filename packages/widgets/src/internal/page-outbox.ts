import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendAdapter, OutboxItem, OutboxKind } from '@civic-pulse/core';
import { loadSubmissionOutbox, outboxName, resumeLeftSubmissions, watchLeftSubmissions } from './outbox-loader.js';
import type { LeftWaiting, WaitingWatcher } from './submission-outbox.js';

/** What the controller needs of its element's backend (CivicElement's, which keeps them protected). */
export interface OutboxBackend {
  adapter(): BackendAdapter | undefined;
  /** The adapter's `outboxKey` (an HTTP adapter's endpoint and org), which names the backend's outbox; undefined for an adapter that declares none. */
  key(adapter: BackendAdapter): string | undefined;
}

/**
 * The page's outbox as an element that submits uses it (the rating, the poll, the ideas, the
 * survey): sends what an earlier page left for the element's backend, once it is connected; and
 * fetches the outbox's code once the element comes into view, before anyone answers, so that an
 * answer given after the connection went is still kept on the device (it could not be, were the
 * code fetched only at the first answer or at the send). Fetching stores nothing: the outbox writes
 * to the device at the first submission only. A fetch that fails (a flaky connection) is made again
 * once the connection comes back, and at the person's answer (`answered`): browsers that follow
 * whatwg/html#10327 fetch a failed import again (Chromium does); older ones keep the failure for the
 * page, and the send then goes directly.
 */
export class PageOutbox implements ReactiveController {
  private observer?: IntersectionObserver;
  private fetched = false;
  /** Set while a failed fetch waits for the connection to come back, to fetch again. */
  private retryOnline?: AbortController;

  /** `preloadInView` false: the element fetches the code itself, with `preload()` (a floating rating, in view on every page, when its dialog opens). */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly backend: OutboxBackend,
    private readonly preloadInView: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  /** The outbox of `adapter`'s backend, which every element of the page that talks to it shares. */
  name(adapter: BackendAdapter): string {
    return outboxName(this.backend.key(adapter));
  }

  /**
   * The submissions of `kind` that `matches` picks and that an earlier page left waiting in the
   * outbox of `adapter`'s backend, with a watch on what becomes of them until `stop`; undefined,
   * with nothing opened on the device, when it holds no such outbox (see watchLeftSubmissions).
   */
  leftWaiting<K extends OutboxKind>(
    adapter: BackendAdapter,
    kind: K,
    matches: (item: Extract<OutboxItem, { kind: K }>) => boolean,
    watcher: WaitingWatcher<K>,
  ): Promise<LeftWaiting<K> | undefined> {
    return watchLeftSubmissions(adapter, this.name(adapter), kind, matches, watcher);
  }

  /** Fetches the outbox's code now, if it is not here yet. */
  preload(): void {
    if (this.fetched) return;
    this.fetched = true;
    this.stopWatching();
    loadSubmissionOutbox().catch(() => {
      this.fetched = false;
      // Not observed again: in view, the observer would call at once, fetching at every frame while offline.
      this.fetchOnceOnline();
    });
  }

  /**
   * The person answered: fetches the code now if an earlier fetch failed (or none was made), so
   * that it is here at the send. Not while offline: the connection's return fetches it then.
   */
  answered(): void {
    if (globalThis.navigator?.onLine !== false) this.preload();
  }

  private fetchOnceOnline(): void {
    if (this.retryOnline || !this.host.isConnected) return;
    const retry = new AbortController();
    this.retryOnline = retry;
    globalThis.addEventListener?.(
      'online',
      () => {
        this.retryOnline = undefined;
        this.preload();
      },
      { once: true, signal: retry.signal },
    );
  }

  hostConnected(): void {
    void this.resume();
    if (this.fetched || this.observer || !this.preloadInView()) return;
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.preload();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.stopWatching();
    // Connected again, it observes again (see hostConnected).
    this.retryOnline?.abort();
    this.retryOnline = undefined;
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Sends what an earlier page left queued for this backend, if anything (see resumeLeftSubmissions). */
  private async resume(): Promise<void> {
    // The adapter may come from a provider, known once the element has rendered.
    await this.host.updateComplete;
    const adapter = this.backend.adapter();
    if (adapter) await resumeLeftSubmissions(adapter, this.name(adapter));
  }
}
