import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadSubmissionOutbox } from './outbox-loader.js';

/**
 * Fetches the outbox's code (the page's, shared by every element) once its host comes into view,
 * before anyone answers: an answer given after the connection went is then still kept on the
 * device, which it could not be were the code fetched only at the first answer or at the send.
 * Fetching stores nothing: the outbox writes to the device at the first submission only.
 */
export class OutboxPreload implements ReactiveController {
  private observer?: IntersectionObserver;
  private fetched = false;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.fetched || this.observer) return;
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.fetched = true;
      this.hostDisconnected();
      // Offline already: the send tries again, and falls back to sending directly.
      loadSubmissionOutbox().catch(() => (this.fetched = false));
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
