// Kiosk mode of <civic-satisfaction-rating>: a chunk of its own, imported by the element only when
// `mode="kiosk"`, so that a page with an inline rating downloads none of it (layout, timers, staff
// status, QR encoder).
import { html, nothing, type ReactiveController, type SVGTemplateResult, type TemplateResult } from 'lit';
import {
  barometerMessages,
  kioskMessages,
  loadLanguage,
  translate,
  type BackendAdapter,
  type Language,
  type MessageKey,
  type OutboxStatus,
  type Params,
  type Rating,
} from '@civic-pulse/core';
import { adopt } from '../../internal/adopt.js';
import { watchOutboxStatus } from '../../internal/submission-outbox.js';
import type { SatisfactionRating } from '../satisfaction-rating.js';
import { systemClock, type Clock } from './clock.js';
import { kioskStatus } from './kiosk-status.js';
import { kioskStyles } from './kiosk.styles.js';
import { settingsReader } from './kiosk-settings.js';
import { phoneAddress, qrCode } from './phone-qr.js';

/**
 * Where the person in front of the kiosk is: nothing chosen yet, a rating started but not sent,
 * sending, or done (sent, or kept on the device to be sent).
 */
export type KioskStage = 'idle' | 'busy' | 'sending' | 'done';

/**
 * The members of <civic-satisfaction-rating> that kiosk mode reads and sets, private to it. Read
 * from here rather than handed over by the element, so that the inline rating, which has a byte
 * budget, carries no code for kiosk mode: satisfaction-rating.ts must keep these names (the kiosk
 * tests fail otherwise).
 */
interface RatingInternals {
  phase: 'choosing' | 'sending' | 'queued' | 'failed' | 'sent';
  score?: number;
  pending?: Rating;
  waitingFor?: unknown;
  kiosk?: KioskMode;
  resolveAdapter(): BackendAdapter | undefined;
  pageOutbox: { name(adapter: BackendAdapter): string };
}

// The channels' names are the barometer's, the one list every element shares.
const BUNDLES = [kioskMessages, barometerMessages];
const SECOND = 1000;
// The time left in the warning is announced at its start and then every 10 s, not every second:
// a screen reader that counted aloud would drown the very message.
const ANNOUNCE_EVERY_SECONDS = 10;

/** Sets kiosk mode up on `host`, once; the element calls it when its `mode` is `kiosk`. */
export function startKiosk(host: SatisfactionRating): void {
  const internals = host as unknown as RatingInternals;
  internals.kiosk ??= new KioskMode(host, internals);
}

/**
 * The kiosk's behaviour around the rating: the thank-you, then a reset for the next person; a
 * pause between two ratings; a warning before a started rating left untouched is cleared; the
 * staff's status; and the QR code that opens the same rating on a phone.
 */
export class KioskMode implements ReactiveController {
  /** Time as the kiosk counts it; tests put in a clock they move forward themselves. */
  clock: Clock = systemClock;
  /** True while the last rating was sent less than `min-interval` ago: the levels wait, and say why. */
  cooling = false;

  private stage: KioskStage = 'idle';
  /** Whether the current stage's timers run: not while the element is out of the page. */
  private running = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private resetTimer: unknown;
  private idleTimer: unknown;
  private coolingTimer: unknown;
  private warningTimer: unknown;
  /** When the warning, while it shows, clears the rating. */
  private warningEndsAt?: number;
  /** The time left as last announced, every 10 s. */
  private announced = '';
  private status?: OutboxStatus;
  /**
   * The phone's address and QR code, worked out again only when what they are made of changes: not
   * at each render, where a bad `phone-url` would be reported every second of a warning.
   */
  private phone?: { from: string; address?: string; drawing?: SVGTemplateResult };
  private stopWatching?: () => void;
  /** The language whose messages are loaded; undefined until the first are (the plain rating shows meanwhile). */
  private language?: Language;
  private loading?: Language;
  private readonly settings: ReturnType<typeof settingsReader>;

  constructor(
    private readonly host: SatisfactionRating,
    private readonly internals: RatingInternals,
  ) {
    this.settings = settingsReader(host);
    host.addController(this);
    adopt(host.renderRoot as ShadowRoot, kioskStyles);
    // Its first update loads the kiosk's messages, then draws the kiosk's screen.
    host.requestUpdate();
  }

  private stageNow(): KioskStage {
    const { phase, score } = this.internals;
    if (phase === 'sent' || phase === 'queued') return 'done';
    if (phase === 'sending') return 'sending';
    return score === undefined ? 'idle' : 'busy';
  }

  hostConnected(): void {
    for (const type of ['pointerdown', 'keydown', 'input']) this.host.addEventListener(type, this.onActivity);
    const adapter = this.internals.resolveAdapter();
    // The page's outbox for this backend (made now, unless another element made it first), which
    // asks for persistent storage at the next rating, the first one creating its database; the
    // element's ratings go through this same outbox.
    if (adapter) {
      const name = this.internals.pageOutbox.name(adapter);
      this.stopWatching = watchOutboxStatus(adapter, name, (status) => this.showStatus(status), { persist: true });
    }
    // Back in the page: the update arms again the timers its leaving cleared (see hostUpdate).
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const type of ['pointerdown', 'keydown', 'input']) this.host.removeEventListener(type, this.onActivity);
    this.stopWatching?.();
    this.stopWatching = undefined;
    for (const timer of [this.resetTimer, this.idleTimer, this.coolingTimer, this.warningTimer]) this.clock.clearTimeout(timer);
    this.warningEndsAt = undefined;
    this.running = false;
  }

  hostUpdate(): void {
    this.loadMessages();
    // Before the render, so that it shows what entering the stage changes (the levels given back).
    // Out of the page, no timer is armed: its return arms them (see resume).
    if (!this.host.isConnected) return;
    const stage = this.host.mode === 'kiosk' ? this.stageNow() : 'idle';
    if (!this.running) this.resume(stage);
    else if (stage !== this.stage) this.enter(stage);
  }

  hostUpdated(): void {
    const dialog = this.warningDialog;
    if (this.warningEndsAt !== undefined && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector('button')?.focus();
    } else if (this.warningEndsAt === undefined && dialog?.open) {
      dialog.close();
    }
  }

  /** The kiosk's messages in the element's language, loaded once each. */
  private loadMessages(): void {
    const language = this.host.language;
    if (language === this.language || this.loading === language) return;
    this.loading = language;
    loadLanguage(language, BUNDLES).then(
      () => {
        if (this.loading === language) this.loading = undefined;
        this.language = language;
        // The warning can show from now on: only now may a started rating's idle time count.
        if (this.running && this.stage === 'busy') this.armIdle();
        this.host.requestUpdate();
      },
      // Tried again at the next update, rather than never.
      () => {
        if (this.loading === language) this.loading = undefined;
      },
    );
  }

  private get warningDialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('[part="kiosk-warning"]');
  }

  private t = (key: MessageKey, params?: Params) => translate(this.host.language, key, params);

  private after(ms: number, run: () => void): unknown {
    return this.clock.setTimeout(run, ms);
  }

  /**
   * In the page again, or for the first time: the timers that its leaving cleared run anew for the
   * stage the person is at, and the pause between two ratings holds for what is left of it.
   */
  private resume(stage: KioskStage): void {
    this.running = true;
    this.enter(stage);
    if (this.cooling) this.hold();
  }

  /** Arms the timers of `stage`, also when it is the stage already (the element came back to the page). */
  private enter(stage: KioskStage): void {
    const previous = this.stage;
    this.stage = stage;
    this.clock.clearTimeout(this.idleTimer);
    this.clock.clearTimeout(this.resetTimer);
    if (stage === 'busy') this.armIdle();
    if (stage === 'done') {
      if (previous !== 'done') this.lastSentAt = this.clock.now();
      this.resetTimer = this.after(this.settings().resetDelayMs, () => void this.nextPerson());
    }
    if (stage !== 'busy' && this.warningEndsAt !== undefined) this.endWarning();
  }

  /**
   * `rating` is stored in the outbox: the person is thanked and the kiosk moves on, without waiting
   * for the server, which a hanging network could keep from answering for the adapter's whole
   * timeout and retries. What the server answers later goes to the page's events only, and the
   * staff's status counts it as waiting until then.
   */
  stored(rating: Rating): void {
    if (this.host.mode === 'kiosk') void this.thank(rating);
  }

  private async thank(rating: Rating): Promise<void> {
    const internals = this.internals;
    if (internals.pending !== rating || (internals.phase !== 'sending' && internals.phase !== 'queued')) return;
    const root = this.host.renderRoot as ShadowRoot;
    const focusWithin = internals.phase === 'sending' || root.activeElement !== null;
    internals.phase = 'sent';
    internals.pending = undefined;
    internals.waitingFor = undefined;
    await this.host.updateComplete;
    // The send button is gone: keyboard and screen-reader users land on the thank-you, not the page's top.
    if (focusWithin) root.querySelector<HTMLElement>('[part="thanks"]')?.focus();
  }

  /** The thank-you's words: in kiosk mode, "recorded", which is true before the server has it too. */
  thanksText(): string | undefined {
    return this.host.mode === 'kiosk' && this.language ? this.t('kiosk.thanks') : undefined;
  }

  /** Someone touched or typed: a warning is answered, a started rating's idle time starts again. */
  private readonly onActivity = (): void => {
    if (this.warningEndsAt !== undefined) this.continueRating();
    else if (this.stage === 'busy') this.armIdle();
  };

  private armIdle(): void {
    this.clock.clearTimeout(this.idleTimer);
    // Without its messages, the kiosk cannot show the warning: no rating is cleared unwarned (RGAA
    // 13.1). Their loading arms it.
    if (!this.language) return;
    this.idleTimer = this.after(this.settings().idleTimeoutMs, () => this.warn());
  }

  private warn(): void {
    this.warningEndsAt = this.clock.now() + this.settings().warningMs;
    this.announced = '';
    this.tick();
  }

  /** Each second of the warning: the visible time left, the announced one every 10 s, the end. */
  private tick(): void {
    if (this.warningEndsAt === undefined) return;
    const left = Math.ceil((this.warningEndsAt - this.clock.now()) / SECOND);
    if (left <= 0) {
      this.endWarning();
      void this.nextPerson();
      return;
    }
    if (!this.announced || left % ANNOUNCE_EVERY_SECONDS === 0) this.announced = this.t('kiosk.warning.left', { time: this.duration(left) });
    this.host.requestUpdate();
    this.warningTimer = this.after(Math.min(SECOND, this.warningEndsAt - this.clock.now() - (left - 1) * SECOND), () => this.tick());
  }

  private readonly continueRating = (): void => {
    this.endWarning();
    this.armIdle();
  };

  private endWarning(): void {
    this.clock.clearTimeout(this.warningTimer);
    this.warningEndsAt = undefined;
    this.announced = '';
    this.host.requestUpdate();
  }

  // Escape closes a modal dialog by itself: that too is someone who wants to go on.
  private readonly onWarningClose = (): void => {
    if (this.warningEndsAt !== undefined) this.continueRating();
  };

  /** Clears the rating for the next person, and holds the levels until `min-interval` has passed since the last one sent. */
  private readonly nextPerson = async (): Promise<void> => {
    this.clock.clearTimeout(this.resetTimer);
    const focusWithin = (this.host.renderRoot as ShadowRoot).activeElement !== null;
    this.host.reset();
    this.hold();
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Keyboard and screen-reader users stay in the rating rather than land on the page's top.
    if (focusWithin) this.focusStart();
  };

  /** Holds the levels until `min-interval` has passed since the last rating sent. */
  private hold(): void {
    this.clock.clearTimeout(this.coolingTimer);
    const wait = this.lastSentAt + this.settings().minIntervalMs - this.clock.now();
    if (wait > 0) {
      this.cooling = true;
      this.coolingTimer = this.after(wait, () => void this.cooled());
    } else if (this.cooling) {
      void this.cooled();
    }
  }

  private async cooled(): Promise<void> {
    const onNotice = (this.host.renderRoot as ShadowRoot).activeElement?.getAttribute('part') === 'kiosk-wait';
    this.cooling = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (onNotice) this.focusStart();
  }

  /** The first level, or the notice that says why the levels wait. */
  private focusStart(): void {
    const root = this.host.renderRoot;
    (this.cooling ? root.querySelector<HTMLElement>('[part="kiosk-wait"]') : root.querySelector<HTMLElement>('input[type="radio"]'))?.focus();
  }

  private showStatus(status: OutboxStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  /** "30 secondes", "1 second": the unit said in full, in the element's language. */
  private duration(seconds: number): string {
    return new Intl.NumberFormat(this.host.language, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
  }

  private renderPhone(): TemplateResult | typeof nothing {
    const { phoneUrl } = this.settings();
    const { service, channel, scale } = this.host;
    const label = this.t('kiosk.phone.qr');
    const from = JSON.stringify([phoneUrl, service, channel, scale, label]);
    if (this.phone?.from !== from) {
      const address = phoneAddress(phoneUrl, { service, channel, scale });
      this.phone = { from, address, drawing: address === undefined ? undefined : qrCode(address, label) };
    }
    const { address, drawing } = this.phone;
    if (!address) return nothing;
    return html`
      <div part="kiosk-phone" class="kiosk-phone">
        <p class="kiosk-phone-title">${this.t('kiosk.phone.title')}</p>
        ${drawing}
        <p>${this.t('kiosk.phone.hint')}</p>
        <p part="kiosk-url" class="kiosk-url">${address}</p>
      </div>
    `;
  }

  private renderWarning(): TemplateResult {
    const left = this.warningEndsAt === undefined ? 0 : Math.max(0, Math.ceil((this.warningEndsAt - this.clock.now()) / SECOND));
    return html`
      <dialog
        part="kiosk-warning"
        class="kiosk-warning"
        aria-labelledby="kiosk-warning-title"
        aria-describedby="kiosk-warning-text"
        @close=${this.onWarningClose}
      >
        <p id="kiosk-warning-title" class="kiosk-warning-title">${this.t('kiosk.warning.title')}</p>
        <p id="kiosk-warning-text">${this.t('kiosk.warning.text', { time: this.duration(left) })}</p>
        <p class="visually-hidden" role="status">${this.announced}</p>
        <button class="button-primary" @click=${this.continueRating}>${this.t('kiosk.warning.continue')}</button>
      </dialog>
    `;
  }

  /** The kiosk's screen around `rating`, the element's own rendering. */
  render(rating: TemplateResult): TemplateResult {
    if (this.host.mode !== 'kiosk' || !this.language) return rating;
    const { serviceName } = this.settings();
    const done = this.stageNow() === 'done';
    return html`
      <div part="kiosk" class="kiosk">
        <p part="kiosk-context" class="kiosk-context">
          <span class="kiosk-service">${serviceName}</span>
          <span class="kiosk-channel">${this.t(`barometer.channel.${this.host.channel}` as MessageKey)}</span>
        </p>
        <div class="kiosk-main">
          ${rating}
          ${done ? html`<button part="kiosk-again" class="button-secondary kiosk-again" @click=${this.nextPerson}>${this.t('rating.again')}</button>` : nothing}
          <p part="kiosk-wait" class="kiosk-wait" role="status" tabindex="-1">${this.cooling ? this.t('kiosk.wait') : ''}</p>
        </div>
        ${this.renderPhone()} ${kioskStatus(this.status, this.host.kioskId, this.t, this.host.language)} ${this.renderWarning()}
      </div>
    `;
  }
}
