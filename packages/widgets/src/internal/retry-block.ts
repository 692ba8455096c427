import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * While a server's Retry-After runs, the element's retry button waits as its message says:
 * pressing earlier would only be refused again. Cleared when the element leaves the page.
 */
export class RetryBlock implements ReactiveController {
  /** The Retry-After has not passed yet. */
  blocked = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Blocks retries for `seconds`, replacing any earlier wait. */
  blockFor(seconds: number): void {
    clearTimeout(this.timer);
    this.set(true);
    this.timer = setTimeout(() => this.set(false), seconds * 1000);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.set(false);
  }

  hostDisconnected(): void {
    this.clear();
  }

  private set(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.host.requestUpdate();
  }
}
