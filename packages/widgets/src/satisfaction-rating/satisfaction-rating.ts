import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  COMMENT_MAX_LENGTH,
  REASONS,
  SCALE_LEVELS,
  SCALES,
  getConfiguration,
  isMessageKey,
  isRetryable,
  newId,
  ratingMessages,
  type AdapterError,
  type Channel,
  type MessageKey,
  type Rating,
  type Reason,
  type Receipt,
  type Result,
  type Scale,
  type Source,
} from '@civic-pulse/core';
import { RatingErrorEvent, RatingSubmitEvent, RatingSubmittedEvent } from '../events/rating-events.js';
import { CivicElement } from '../internal/civic-element.js';
import { keptMessage } from '../internal/kept-message.js';
import { sendThroughOutbox } from '../internal/outbox-loader.js';
import { PageOutbox } from '../internal/page-outbox.js';
import type { WaitReason } from '../internal/submission-outbox.js';
import { RetryBlock } from '../internal/retry-block.js';
import { sendButton } from '../internal/send-button.js';
import { levelIcon } from './icons.js';
import type { KioskMode } from './kiosk/kiosk-mode.js';
import { styles } from './satisfaction-rating.styles.js';

type Phase = 'choosing' | 'sending' | 'queued' | 'failed' | 'sent';
export type RatingMode = 'inline' | 'floating' | 'kiosk';

const NOT_CONFIGURED: AdapterError = { kind: 'invalid', code: 'not-configured', message: 'No backend adapter, endpoint or org.' };

// Fields that come from the page's attributes, not from the person: when the server refuses one,
// the webmaster has something to fix and the citizen nothing.
const ATTRIBUTE_FIELDS = new Set(['service', 'channel', 'scale', 'source', 'kioskId']);
const isMisconfiguration = (error: AdapterError) =>
  error.kind === 'invalid' && (error.fields ?? []).some(({ path }) => ATTRIBUTE_FIELDS.has(path.split('.')[0]!));

/**
 * @summary "Hot" satisfaction feedback on one service and contact channel: a level, reasons when it
 * is not the best, an optional comment, and a thank-you.
 *
 * @event civic-rating-submit - Before sending; cancelable. `event.rating` is what will be sent.
 * @event civic-rating-submitted - The backend stored it. `event.rating`, `event.receipt`. When the
 * connection failed, the rating waits in the device's outbox and this comes once it is sent.
 * @event civic-rating-error - The backend refused it (or it could not be sent at all). `event.rating`, `event.error`.
 *
 * @csspart base - The wrapper of the whole rating.
 * @csspart question - The question, legend of the scale.
 * @csspart scale - The group of levels.
 * @csspart option - One level.
 * @csspart reasons - The group of reasons.
 * @csspart comment - The comment field.
 * @csspart submit - The send button.
 * @csspart status - The live region that announces sending and the outcome.
 * @csspart thanks - The thank-you shown once sent.
 * @csspart queued - Shown instead when the connection failed: the rating is kept on the device and sent later.
 * @csspart error - The error message.
 * @csspart retry - The button that sends the same rating again.
 * @csspart floating-button - In floating mode, the button that opens the dialog.
 * @csspart dialog - In floating mode, the dialog.
 * @csspart kiosk - In kiosk mode, the whole screen.
 * @csspart kiosk-context - In kiosk mode, the service and channel rated.
 * @csspart kiosk-again - In kiosk mode, the button that clears the thank-you for the next person.
 * @csspart kiosk-wait - In kiosk mode, the message while the levels wait (`min-interval`).
 * @csspart kiosk-phone - In kiosk mode, the QR code of the phone page and its address.
 * @csspart kiosk-qr - In kiosk mode, the QR code.
 * @csspart kiosk-url - In kiosk mode, the phone page's address written out.
 * @csspart kiosk-status - In kiosk mode, the staff's status line.
 * @csspart kiosk-warning - In kiosk mode, the warning before a started rating is cleared.
 *
 * @cssproperty --civic-color-primary - Buttons, chosen level, floating button.
 * @cssproperty --civic-rating-option-size - Width and height of each level's picture.
 * @cssproperty --civic-floating-inset - Distance of the floating button from the corner.
 */
export class SatisfactionRating extends CivicElement {
  static override styles = styles;
  static override messages = [ratingMessages];

  @state() private score?: number;
  @state() private reasons = new Set<Reason>();
  @state() private comment = '';
  @state() private phase: Phase = 'choosing';
  @state() private error?: AdapterError;
  /** Why the rating waits in the outbox: offline, or the server asked to wait (`rate-limited`, `server`). */
  @state() private waitingFor?: WaitReason;
  /** The rating being sent, kept as it is so that a retry carries the same id and body. */
  private pending?: Rating;
  /**
   * The page's outbox: what an earlier page left is sent, and its code comes once a person may rate
   * (the rating in view; a floating one, in view on every page, when its dialog opens), so that a
   * rating given after the connection went is kept on the device.
   */
  private readonly pageOutbox = new PageOutbox(
    this,
    { adapter: () => this.resolveAdapter(), key: (adapter) => this.adapterKey(adapter) },
    () => this.mode !== 'floating',
  );

  /** Set while the server's Retry-After runs: the retry button waits as the message says. */
  private readonly retryBlock = new RetryBlock(this);

  /**
   * Kiosk mode, set by its chunk (kiosk/kiosk-mode.ts) once loaded. That chunk reads this element's
   * private state itself, so that the inline rating carries no code for a mode it does not use.
   */
  private kiosk?: KioskMode;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part="floating-button"]') private floatingButton?: HTMLButtonElement;
  @query('.thanks') private thanks?: HTMLElement;

  /** The id of the service rated, as the organisation declared it (e.g. `etat-civil`). */
  @property() service = '';

  /** The contact channel the feedback is about. */
  @property() channel: Channel = 'web';

  /** The levels offered: `smileys-3`, `smileys-5` or `stars-5`. */
  @property() scale: Scale = 'smileys-3';

  /**
   * `inline` in the page, `floating`: a corner button that opens the rating in a dialog, or `kiosk`:
   * full screen, for one person after another. Kiosk mode reads its own attributes (`reset-delay`,
   * `min-interval`, `idle-timeout`, `warning-time`, `phone-url`, `service-name`: see
   * kiosk/kiosk-settings.ts and the README) from its chunk, loaded only in that mode.
   */
  @property() mode: RatingMode = 'inline';

  /** Where the feedback is given: `web`, `kiosk` or `mobile`. By default `kiosk` in kiosk mode, else `web`. */
  @property() source?: Source;

  /** The kiosk's id, stored with each rating given on it. */
  @property({ attribute: 'kiosk-id' }) kioskId?: string;

  private get levels(): number {
    return SCALE_LEVELS[this.effectiveScale];
  }

  private get effectiveScale(): Scale {
    return (SCALES as readonly string[]).includes(this.scale) ? this.scale : 'smileys-3';
  }

  private get locked(): boolean {
    return this.phase === 'sending' || (this.phase === 'failed' && this.pending !== undefined) || !!this.kiosk?.cooling;
  }

  private onLevelChange(event: Event): void {
    this.score = Number((event.target as HTMLInputElement).value);
    this.pageOutbox.answered();
    if (this.score === this.levels) this.reasons = new Set();
  }

  // Enter chooses the focused level, as Space does, instead of submitting the form half filled.
  private onLevelKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onReasonChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const reasons = new Set(this.reasons);
    if (input.checked) reasons.add(input.value as Reason);
    else reasons.delete(input.value as Reason);
    this.reasons = reasons;
  }

  private onCommentInput(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
  }


  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  private buildRating(): Rating {
    const comment = this.comment.trim();
    return {
      id: newId(),
      service: this.service,
      channel: this.channel,
      source: this.source ?? (this.mode === 'kiosk' ? 'kiosk' : 'web'),
      scale: this.effectiveScale,
      score: this.score!,
      ...(this.reasons.size > 0 ? { reasons: REASONS.filter((reason) => this.reasons.has(reason)) } : {}),
      ...(comment ? { comment } : {}),
      ...(this.kioskId ? { kioskId: this.kioskId } : {}),
      occurredAt: new Date().toISOString(),
    };
  }

  /** Sends the rating as filled in, or sends again the one that failed. Resolves once it is settled. */
  async send(): Promise<void> {
    if (this.phase === 'sending' || this.phase === 'queued' || this.phase === 'sent' || this.retryBlock.blocked) return;
    if (this.score === undefined) {
      this.fail(undefined, { kind: 'invalid', code: 'no-score', message: 'No level chosen.', fields: [{ path: 'score', message: 'required' }] });
      return;
    }
    const rating = this.pending ?? this.buildRating();
    const adapter = this.resolveAdapter();
    if (!adapter || !this.service) {
      console.error('[civic-pulse] <civic-satisfaction-rating> needs a service and a backend (endpoint and org, or an adapter).');
      this.fail(rating, NOT_CONFIGURED);
      return;
    }
    if (!this.pending && !this.dispatchEvent(new RatingSubmitEvent(rating))) return;

    this.pending = rating;
    this.phase = 'sending';
    this.error = undefined;
    this.waitingFor = undefined;
    const name = this.pageOutbox.name(adapter);
    await sendThroughOutbox<Rating, Receipt>({
      adapter,
      name,
      payload: rating,
      plugins: { list: getConfiguration().plugins ?? [], context: { kind: 'rating', payload: rating, element: this } },
      queued: (payload) => ({ kind: 'rating', payload }),
      // A kiosk thanks the person once it is on the device, without waiting for the server.
      stored: () => this.kiosk?.stored(rating),
      // The outbox's code could not be loaded (offline since before it came): sent directly, as a
      // last resort, with the retry offered if that fails too.
      direct: (payload) => adapter.submitRating(payload),
      kept: (reason) => this.wait(rating, reason),
      settle: (result) => this.settle(rating, result),
    });
  }

  /** The server's answer to `rating`, however late: thanks, or the error display. */
  private async settle(rating: Rating, result: Result<Receipt>): Promise<void> {
    if (result.ok) await this.thank(rating, result.data);
    else if (this.pending === rating) this.fail(rating, result.error);
    // Refused after the element was reset for the next person: the page hears it, the screen stays.
    else this.dispatchEvent(new RatingErrorEvent(rating, result.error));
  }

  /** The rating could not be sent yet but is safe on the device: say so, and count it as given. */
  private async wait(rating: Rating, reason: WaitReason): Promise<void> {
    if (this.pending !== rating || (this.phase !== 'sending' && this.phase !== 'queued')) return;
    const first = this.phase === 'sending';
    this.phase = 'queued';
    this.waitingFor = reason;
    if (!first) return;
    await this.updateComplete;
    this.thanks?.focus();
  }

  private async thank(rating: Rating, receipt: Receipt): Promise<void> {
    const current = this.pending === rating;
    const focusWithin = this.phase === 'sending' || this.shadowRoot?.activeElement != null;
    if (current) {
      this.phase = 'sent';
      this.pending = undefined;
      this.waitingFor = undefined;
    }
    // Also when the element was reset for the next person since: the page counts what the server stored.
    this.dispatchEvent(new RatingSubmittedEvent(rating, receipt));
    if (!current) return;
    await this.updateComplete;
    // The send button is gone: without this, keyboard and screen-reader users would land on the page's top.
    if (focusWithin) this.thanks?.focus();
  }

  private fail(rating: Rating | undefined, error: AdapterError): void {
    // Only an error that a retry can mend keeps the rating as sent; a refused one is edited and made anew.
    if (!isRetryable(error)) this.pending = undefined;
    if (isMisconfiguration(error)) {
      console.error('[civic-pulse] <civic-satisfaction-rating> was refused for its attributes:', error.fields);
    }
    if (error.kind === 'rate-limited' && error.retryAfter) this.retryBlock.blockFor(error.retryAfter);
    this.phase = 'failed';
    this.error = error;
    this.dispatchEvent(new RatingErrorEvent(rating, error));
  }

  /** Clears the rating for the next person. */
  reset(): void {
    this.retryBlock.clear();
    this.score = undefined;
    this.reasons = new Set();
    this.comment = '';
    this.phase = 'choosing';
    this.error = undefined;
    this.waitingFor = undefined;
    this.pending = undefined;
  }

  private openDialog(): void {
    this.pageOutbox.preload();
    this.dialog?.showModal();
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  private onDialogClose(): void {
    if (this.phase === 'sent' || this.phase === 'queued') this.reset();
    this.floatingButton?.focus();
  }

  protected override willUpdate(): void {
    // Kiosk mode's layout, timers, staff status and QR code: a chunk of their own, fetched only in that mode.
    if (this.mode === 'kiosk' && !this.kiosk) import('./kiosk/kiosk-mode.js').then(({ startKiosk }) => startKiosk(this), () => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('scale') && changed.get('scale') !== undefined) this.reset();
  }

  private errorMessage(error: AdapterError): string {
    // `expired`: dropped from the outbox after days on the device, not a slow server (kind `timeout`).
    switch (['not-configured', 'expired'].includes(error.code) ? error.code : error.kind) {
      case 'not-configured':
        return this.t('error.not-configured');
      case 'expired':
        return this.t('error.expired');
      case 'network':
        return this.t('error.network');
      case 'timeout':
        return this.t('error.timeout');
      case 'server':
        return this.t('error.server');
      case 'rate-limited':
        return this.t('error.rate-limited', { seconds: error.retryAfter ?? 60 });
      case 'invalid':
        if (isMisconfiguration(error)) return this.t('error.misconfigured', { details: this.fieldNames(error) });
        return error.fields?.length ? this.t('error.invalid', { details: this.fieldNames(error) }) : this.t('error.refused');
      default:
        return this.t('error.refused');
    }
  }

  private fieldNames(error: AdapterError): string {
    const names = (error.fields ?? []).map(({ path }) => {
      const key = `field.${path.split('.')[0]}`;
      return isMessageKey(key) ? this.t(key) : path;
    });
    return new Intl.ListFormat(this.language, { type: 'conjunction' }).format([...new Set(names)]);
  }

  private statusText(): string {
    if (this.phase === 'sending') return this.t('rating.sending');
    if (this.phase === 'sent') return this.thanksText();
    if (this.phase === 'queued') return this.queuedText();
    if (this.phase === 'failed' && this.error) return this.errorMessage(this.error);
    return '';
  }

  private renderScale(): TemplateResult {
    const scale = this.effectiveScale;
    const levels = Array.from({ length: this.levels }, (_, index) => index + 1);
    return html`
      <fieldset part="scale" class="scale scale-${scale}" ?disabled=${this.locked}>
        <legend part="question" class="question">${this.t('rating.question')}</legend>
        <div class="options">
          ${levels.map(
            (level) => html`
              <label part="option" class=${this.score === level ? 'option chosen' : 'option'}>
                <input
                  type="radio"
                  name="score"
                  .value=${String(level)}
                  .checked=${this.score === level}
                  @change=${this.onLevelChange}
                  @keydown=${this.onLevelKeydown}
                />
                <span class="icon" aria-hidden="true">${levelIcon(scale, level, this.score)}</span>
                <span class=${scale === 'stars-5' ? 'visually-hidden' : 'level-label'}>${this.t(`rating.level.${scale}.${level}` as MessageKey)}</span>
              </label>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  private renderDetails(): TemplateResult {
    const best = this.score === this.levels;
    const remaining = COMMENT_MAX_LENGTH - this.comment.length;
    return html`
      ${best
        ? nothing
        : html`
            <fieldset part="reasons" class="reasons" ?disabled=${this.locked}>
              <legend>${this.t('rating.reasons.legend')}</legend>
              ${REASONS.map(
                (reason) => html`
                  <label class="reason">
                    <input type="checkbox" .value=${reason} .checked=${this.reasons.has(reason)} @change=${this.onReasonChange} />
                    <span>${this.t(`rating.reason.${reason}`)}</span>
                  </label>
                `,
              )}
            </fieldset>
          `}
      <div class="comment">
        <label for="comment">${this.t('rating.comment.label')}</label>
        <p id="comment-privacy" class="hint">${this.t('rating.comment.privacy')}</p>
        <textarea
          id="comment"
          part="comment"
          rows="3"
          maxlength=${COMMENT_MAX_LENGTH}
          aria-describedby="comment-privacy comment-remaining"
          .value=${this.comment}
          ?disabled=${this.locked}
          @input=${this.onCommentInput}
        ></textarea>
        <p id="comment-remaining" class="hint counter">${this.t('rating.comment.remaining', { count: remaining, max: COMMENT_MAX_LENGTH })}</p>
      </div>
    `;
  }

  private renderActions(): TemplateResult {
    const retryable = this.phase === 'failed' && this.pending !== undefined;
    return html`
      ${this.phase === 'failed' && this.error
        ? html`<p part="error" class="error">${this.errorMessage(this.error)}</p>`
        : nothing}
      <div class="actions">
        ${sendButton(
          { sending: this.phase === 'sending', retryable, blocked: this.retryBlock.blocked },
          { send: this.t('rating.send'), sending: this.t('rating.sending'), retry: this.t('error.retry') },
        )}
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    return html`
      <form @submit=${this.onSubmit} novalidate>
        ${this.renderScale()} ${this.score === undefined ? nothing : this.renderDetails()}
        ${this.score === undefined && this.phase !== 'failed' ? nothing : this.renderActions()}
      </form>
    `;
  }

  private renderThanks(): TemplateResult {
    return html`
      <div part="thanks" class="thanks" tabindex="-1">
        <p class="thanks-title">${this.thanksText()}</p>
        <p>${this.t('rating.thanks.detail')}</p>
      </div>
    `;
  }

  private thanksText(): string {
    return this.kiosk?.thanksText() ?? this.t('rating.thanks');
  }

  private queuedText(): string {
    return this.t(keptMessage(this.waitingFor, 'rating.queued', 'rating.queued.later'));
  }

  private renderQueued(): TemplateResult {
    return html`
      <div part="queued" class="thanks" tabindex="-1">
        <p class="thanks-title">${this.queuedText()}</p>
      </div>
    `;
  }

  private renderRating(): TemplateResult {
    return html`
      <div part="base" class="base">
        ${this.phase === 'sent' ? this.renderThanks() : this.phase === 'queued' ? this.renderQueued() : this.renderForm()}
        <p part="status" class="visually-hidden" role="status">${this.statusText()}</p>
      </div>
    `;
  }

  private renderFloating(): TemplateResult {
    return html`
      <button part="floating-button" class="floating-button button-primary" aria-haspopup="dialog" @click=${this.openDialog}>
        ${this.t('floating.open')}
      </button>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
        <div class="dialog-header">
          <h2 id="dialog-title">${this.t('dialog.title')}</h2>
          <button class="close button-secondary" @click=${this.closeDialog}>${this.t('dialog.close')}</button>
        </div>
        ${this.renderRating()}
      </dialog>
    `;
  }

  protected override render(): TemplateResult {
    if (this.mode === 'floating') return this.renderFloating();
    return this.kiosk ? this.kiosk.render(this.renderRating()) : this.renderRating();
  }
}
