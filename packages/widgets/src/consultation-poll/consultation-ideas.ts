import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  IDEA_BODY_MAX_LENGTH,
  IDEA_TITLE_MAX_LENGTH,
  getConfiguration,
  ideasMessages,
  isMessageKey,
  isRetryable,
  newId,
  sendSubmission,
  type AdapterError,
  type BackendAdapter,
  type Consultation,
  type Idea,
  type IdeaSubmission,
  type IdeaSupportReceipt,
  type MessageKey,
  type OutboxSubmission,
  type Result,
} from '@civic-pulse/core';
import { IdeaErrorEvent, IdeaSubmitEvent, IdeaSubmittedEvent, IdeaSupportedEvent } from '../events/idea-events.js';
import { CivicElement } from '../internal/civic-element.js';
import { keptMessage } from '../internal/kept-message.js';
import { sendThroughOutbox } from '../internal/outbox-loader.js';
import { PageOutbox } from '../internal/page-outbox.js';
import type { WaitReason } from '../internal/submission-outbox.js';
import { RetryBlock } from '../internal/retry-block.js';
import { sendButton } from '../internal/send-button.js';
import { styles } from './consultation-ideas.styles.js';
import { participantForAction, rememberedParticipant } from './participant.js';

/** The idea in the form. One kept on the device leaves it `editing`, free for another (see `kept`). */
type Phase = 'editing' | 'sending' | 'failed';
type TitleProblem = 'required' | 'too-long';
/** Why the server says no idea may be proposed or supported here, whatever the consultation's status said. */
type Refusal = 'closed' | 'not-open' | 'ideas-disabled';
/** A support as the plugins see it (kind `idea-support`). */
type SupportPayload = { idea: string; participant: string };
/** A support on its way, kept in the device's outbox (and why it waits), or refused. */
type SupportProgress = { state: 'sending' } | { state: 'kept'; reason: WaitReason } | { state: 'failed'; error: AdapterError };

const NOT_CONFIGURED: AdapterError = { kind: 'invalid', code: 'not-configured', message: 'No backend adapter, endpoint or org.' };
const NO_BACKEND = '[civic-pulse] <civic-consultation-ideas> needs a backend (endpoint and org, or an adapter).';
const REFUSALS: Record<Refusal, MessageKey> = { closed: 'ideas.closed', 'not-open': 'ideas.not-open', 'ideas-disabled': 'ideas.disabled' };
const isRefusal = (code: string): code is Refusal => Object.hasOwn(REFUSALS, code);

/**
 * @summary The citizens' ideas of a consultation: the published ones with their supports, a form
 * to propose one, and the person's own ideas waiting for moderation or refused, with the reason.
 * Rendered by `<civic-consultation-poll>` when the consultation takes ideas; it loads nothing else.
 *
 * @event civic-idea-submit - Before proposing; cancelable, and nothing is stored on the device yet. `event.idea` is the draft (id, title, body).
 * @event civic-idea-submitted - The backend stored the idea. `event.idea.status` is `pending` under pre-moderation. When the
 * connection failed, the idea waits in the device's outbox and this comes once it is sent.
 * @event civic-idea-supported - The backend counted a support. `event.receipt` holds the idea's id and new total. When the
 * connection failed, the support waits in the device's outbox and this comes once it is sent.
 * @event civic-idea-error - Loading, proposing or supporting failed. `event.action`, `event.idea`, `event.error`.
 *
 * @csspart base - The wrapper of the whole section.
 * @csspart heading - The section's heading.
 * @csspart list - The list of published ideas.
 * @csspart idea - One idea, published or the person's own.
 * @csspart own-idea - One of the person's own ideas not published (also `idea`).
 * @csspart idea-title - An idea's title, a heading.
 * @csspart idea-body - An idea's text.
 * @csspart supports - An idea's count of supports.
 * @csspart support - The button that supports an idea; it says so once the person supports it.
 * @csspart idea-status - Pending or refused, on the person's own ideas.
 * @csspart idea-error - Why supporting an idea failed.
 * @csspart support-queued - Said under an idea when the connection failed: the support is kept on the device and sent later.
 * @csspart empty - Said when no idea is published yet.
 * @csspart own - The list of the person's own ideas not published.
 * @csspart form - The form that proposes an idea.
 * @csspart title-input - The idea's title field.
 * @csspart body-input - The idea's description field.
 * @csspart field-error - What is wrong with the title.
 * @csspart submit - The button that proposes the idea.
 * @csspart retry - The submit button when it sends the same idea again (also `submit`), and the button that loads the ideas again.
 * @csspart confirmation - The thank-you once an idea is proposed.
 * @csspart queued - Said instead when the connection failed: the idea is kept on the device and sent later.
 * @csspart notice - Why no idea may be proposed (not open yet, closed, not collected).
 * @csspart error - An error message of the form or of the loading.
 * @csspart status - The live region that announces sending and outcomes.
 *
 * @cssproperty --civic-color-primary - Buttons and focus of supported ideas.
 * @cssproperty --civic-ideas-card-border - Border of each idea.
 */
export class CivicConsultationIdeas extends CivicElement {
  static override styles = styles;
  static override messages = [ideasMessages];

  private readonly ideasTask = new Task(this, {
    task: async ([consultation, adapter], { signal }) => this.load(consultation, adapter, signal),
    args: () => [this.consultation, this.resolveAdapter()] as const,
  });

  /** Ideas proposed here since the list was loaded, newest first. */
  @state() private added: Idea[] = [];
  /** Ideas whose supports changed here since the list was loaded, by id. */
  @state() private changed = new Map<string, Idea>();
  /** Supports on their way, kept on the device or refused, by idea id. */
  @state() private supports = new Map<string, SupportProgress>();
  @state() private refusal?: Refusal;

  @state() private ideaTitle = '';
  @state() private ideaBody = '';
  @state() private titleProblem?: TitleProblem;
  @state() private phase: Phase = 'editing';
  @state() private error?: AdapterError;
  /** The thank-you for the idea last sent, with its title when it was kept on the device first. */
  @state() private confirmation?: { key: MessageKey; kept?: string };
  @state() private announcement = '';
  /**
   * The ids of the ideas proposed here that wait on the device: the message that says so stays
   * until each is sent or refused, however many the person proposed meanwhile.
   */
  @state() private kept = new Set<string>();
  /** Why the ideas kept on the device wait: offline, or the server asked to wait (they wait in one queue). */
  @state() private waitingFor?: WaitReason;
  /** The idea being proposed, kept as it is so that a retry carries the same id, its idempotency key. */
  private pending?: IdeaSubmission;
  private readonly retryBlock = new RetryBlock(this);
  /** The page's outbox: its code comes with the view, so that an idea proposed or supported offline is kept. */
  private readonly pageOutbox = new PageOutbox(this, { adapter: () => this.resolveAdapter(), key: (adapter) => this.adapterKey(adapter) });

  /** The consultation, as `<civic-consultation-poll>` loaded it. */
  @property({ attribute: false }) consultation?: Consultation;

  /**
   * The outbox ideas and supports wait in when the connection fails: `<civic-consultation-poll>` gives its own
   * (one per backend, which it resumes at start); by default, the one of this element's backend.
   */
  @property({ attribute: false }) outbox = '';

  /** Level of the section's heading (the poll's own title is a level above); idea titles are two levels below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  private async load(consultation: Consultation | undefined, adapter: BackendAdapter | undefined, signal: AbortSignal): Promise<Idea[]> {
    if (!consultation?.ideas.enabled) return [];
    if (!adapter) {
      console.error(NO_BACKEND);
      throw NOT_CONFIGURED;
    }
    // Reading the browser's record writes nothing: someone who only reads leaves nothing behind.
    const participant = rememberedParticipant(consultation.id)?.participant;
    const result = await adapter.listIdeas(consultation.id, participant ? { participant } : {}, { signal });
    if (!result.ok) {
      if (result.error.kind !== 'aborted') this.dispatchEvent(new IdeaErrorEvent('load', undefined, result.error));
      throw result.error;
    }
    // Most supported first, whatever the backend's order; the order then stays put while the person reads.
    return [...result.data].sort((a, b) => b.supports - a.supports);
  }

  private get open(): boolean {
    return this.consultation?.status === 'open' && !this.refusal;
  }

  private get locked(): boolean {
    return this.phase === 'sending' || this.pending !== undefined;
  }

  /** Every idea known here: those proposed since loading first, each as last changed. */
  private get ideas(): Idea[] {
    const loaded = this.ideasTask.value ?? [];
    const known = new Set(loaded.map(({ id }) => id));
    return [...this.added.filter(({ id }) => !known.has(id)), ...loaded].map((idea) => this.changed.get(idea.id) ?? idea);
  }

  private onTitleInput(event: Event): void {
    this.pageOutbox.answered();
    this.ideaTitle = (event.target as HTMLInputElement).value;
    if (this.titleProblem) this.titleProblem = this.checkTitle();
  }

  private onBodyInput(event: Event): void {
    this.pageOutbox.answered();
    this.ideaBody = (event.target as HTMLTextAreaElement).value;
  }

  private checkTitle(): TitleProblem | undefined {
    const title = this.ideaTitle.trim();
    if (!title) return 'required';
    return title.length > IDEA_TITLE_MAX_LENGTH ? 'too-long' : undefined;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.propose();
  }

  /** Proposes the idea as written, or sends again the one that failed. Resolves once it is settled. */
  async propose(): Promise<void> {
    const consultation = this.consultation;
    if (!consultation || !this.open || this.phase === 'sending' || this.retryBlock.blocked) return;
    let submission = this.pending;
    if (!submission) {
      this.titleProblem = this.checkTitle();
      if (this.titleProblem) {
        this.announcement = '';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#idea-title')?.focus();
        return;
      }
    }
    const adapter = this.resolveAdapter();
    if (!adapter) {
      console.error(NO_BACKEND);
      this.failProposal(undefined, NOT_CONFIGURED);
      return;
    }
    if (!submission) {
      const draft = { id: newId(), title: this.ideaTitle.trim(), body: this.ideaBody.trim().slice(0, IDEA_BODY_MAX_LENGTH) };
      if (!this.dispatchEvent(new IdeaSubmitEvent(consultation.id, draft))) return;
      this.phase = 'sending';
      // Only now that the person has acted, and the host page has not vetoed it, may an id be stored.
      const { participant } = await participantForAction(consultation.id, this.plugins, this);
      submission = { ...draft, participant };
    }
    this.pending = submission;
    this.phase = 'sending';
    this.error = undefined;
    this.confirmation = undefined;
    this.announcement = this.t('ideas.sending');
    const sent = submission;
    // Resolves once the idea is settled for the person: stored, refused, or kept on the device.
    await sendThroughOutbox<IdeaSubmission, Idea>({
      adapter,
      name: this.outbox || this.pageOutbox.name(adapter),
      payload: sent,
      plugins: { list: this.plugins, context: { kind: 'idea', payload: sent, element: this } },
      queued: (payload) => ({ kind: 'idea', payload: { consultation: consultation.id, idea: payload } }),
      direct: (payload) => adapter.submitIdea(consultation.id, payload),
      kept: (reason) => this.keep(sent, reason),
      settle: (result) => this.settle(consultation.id, sent, result),
    });
  }

  /** The idea could not be sent yet but is safe on the device: say so, with focus, and free the form for another. */
  private async keep(idea: IdeaSubmission, reason: WaitReason): Promise<void> {
    if (this.pending !== idea) {
      // A try of an idea kept earlier failed again: only why it waits may change.
      if (this.kept.has(idea.id)) this.waitingFor = reason;
      return;
    }
    this.pending = undefined;
    this.phase = 'editing';
    this.kept = new Set(this.kept).add(idea.id);
    this.waitingFor = reason;
    this.ideaTitle = '';
    this.ideaBody = '';
    this.announcement = this.queuedText();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="queued"]')?.focus();
  }

  /** The server's answer to `idea`, however late: on the list with the thank-you, or the error display. */
  private async settle(consultation: string, idea: IdeaSubmission, result: Result<Idea>): Promise<void> {
    const current = this.pending === idea;
    const wasKept = this.kept.has(idea.id);
    if (wasKept) this.forgetKept(idea.id);
    if (!result.ok) {
      // Refused after it waited while the person sends another: the page hears it, the form is the new idea's.
      if (current || !this.pending) {
        if (!current) this.takeBack(idea);
        this.failProposal(idea, result.error);
      }
      else this.dispatchEvent(new IdeaErrorEvent('submit', idea.id, result.error));
      return;
    }
    if (current) {
      this.pending = undefined;
      this.ideaTitle = '';
      this.ideaBody = '';
    }
    // Each idea is thanked as it is sent, also one kept on the device while another is being written or sent.
    if (current || wasKept) {
      if (current) this.phase = 'editing';
      this.confirmation = {
        key: result.data.status === 'published' ? 'ideas.sent.published' : 'ideas.sent.pending',
        ...(wasKept ? { kept: idea.title } : {}),
      };
      this.announcement = this.confirmationText();
    }
    // Not on the list of another consultation shown since.
    if (this.consultation?.id === consultation) this.added = [result.data, ...this.added];
    this.dispatchEvent(new IdeaSubmittedEvent(consultation, result.data));
  }

  /**
   * An idea kept on the device, whose form was cleared for another, then refused or expired: its
   * words come back to an empty form, to mend or send again (`failProposal` keeps it for Retry
   * when a retry may mend the error). A form the person has begun to fill is left as it is.
   */
  private takeBack(idea: IdeaSubmission): void {
    if (this.ideaTitle || this.ideaBody) return;
    this.ideaTitle = idea.title;
    this.ideaBody = idea.body;
    this.titleProblem = undefined;
    this.pending = idea;
  }

  private forgetKept(id: string): void {
    const kept = new Set(this.kept);
    kept.delete(id);
    this.kept = kept;
    if (!kept.size) this.waitingFor = undefined;
  }

  private queuedText(): string {
    const count = this.kept.size;
    if (count > 1) return this.t(keptMessage(this.waitingFor, 'ideas.queued.many', 'ideas.queued.many.later'), { count });
    return this.t(keptMessage(this.waitingFor, 'ideas.queued', 'ideas.queued.later'));
  }

  /** The thank-you; for an idea sent from the device, its title first: with several kept, it says which one went. */
  private confirmationText(): string {
    if (!this.confirmation) return '';
    const { key, kept } = this.confirmation;
    return kept === undefined ? this.t(key) : `${this.t('ideas.sent.kept', { title: kept })} ${this.t(key)}`;
  }

  private supportQueuedText(reason: WaitReason): string {
    return this.t(keptMessage(reason, 'ideas.support.queued', 'ideas.support.queued.later'));
  }

  private failProposal(idea: IdeaSubmission | undefined, error: AdapterError): void {
    // Only an error that a retry can mend keeps the idea as sent; a refused one is edited and made anew.
    if (!isRetryable(error)) this.pending = undefined;
    if (error.kind === 'rate-limited' && error.retryAfter) this.retryBlock.blockFor(error.retryAfter);
    this.phase = 'failed';
    this.error = error;
    this.announcement = this.errorMessage(error, 'submit');
    this.dispatchEvent(new IdeaErrorEvent('submit', idea?.id, error));
    if (isRefusal(error.code)) this.refuse(error.code);
  }

  /**
   * Adds the person's support to `idea`, once, through the page's outbox. Resolves once it is
   * settled for the person: counted, refused, or kept on the device.
   */
  async support(idea: Idea): Promise<void> {
    const consultation = this.consultation;
    const adapter = this.resolveAdapter();
    // The idea as known now: a caller may hold it as first loaded, before this page supported it.
    const known = this.changed.get(idea.id) ?? idea;
    // A support kept on the device is sent by the outbox: a second press would only queue it again.
    const progress = this.supports.get(idea.id)?.state;
    if (!consultation || !adapter || !this.open || known.supported || progress === 'sending' || progress === 'kept') return;
    this.setSupport(idea.id, { state: 'sending' });
    this.announcement = this.t('ideas.supporting');
    const { participant } = await participantForAction(consultation.id, this.plugins, this);
    const payload: SupportPayload = { idea: idea.id, participant };
    const queued = (sent: SupportPayload): OutboxSubmission => ({ kind: 'idea-support', payload: { consultation: consultation.id, ...sent } });
    await sendThroughOutbox<SupportPayload, IdeaSupportReceipt | undefined>({
      adapter,
      name: this.outbox || this.pageOutbox.name(adapter),
      payload,
      plugins: { list: this.plugins, context: { kind: 'idea-support', payload, element: this } },
      queued,
      // The outbox's own rule, so that `already-supported` reads the same whichever way it went.
      direct: (sent) => sendSubmission(adapter, queued(sent), {}, false) as Promise<Result<IdeaSupportReceipt | undefined>>,
      kept: (reason) => this.keepSupport(consultation.id, idea.id, reason),
      settle: (result) => this.settleSupport(consultation.id, idea, result),
    });
  }

  /** The support could not be sent yet but is safe on the device: the button and a message under the idea say so. */
  private keepSupport(consultation: string, idea: string, reason: WaitReason): void {
    const progress = this.supports.get(idea);
    // Another consultation is shown since (the support is still sent), or the support is settled.
    if (this.consultation?.id !== consultation || !progress || progress.state === 'failed') return;
    this.setSupport(idea, { state: 'kept', reason });
    // Announced once, when it is first kept; a later failed try only changes why it waits.
    if (progress.state === 'sending') this.announcement = this.supportQueuedText(reason);
  }

  /**
   * The server's answer to the support of `idea`, however late: counted with the new total, or why
   * not. No receipt means the server said it was already supported (core's idea-support rule): a
   * retry whose first reply was lost, or a support given earlier from elsewhere.
   */
  private async settleSupport(consultation: string, idea: Idea, result: Result<IdeaSupportReceipt | undefined>): Promise<void> {
    const shown = this.consultation?.id === consultation;
    if (result.ok) {
      if (shown) {
        const current = this.changed.get(idea.id) ?? idea;
        // Without a receipt (already supported), the server did not say the total: the one known stays.
        const supports = result.data ? result.data.supports : current.supports;
        this.changed = new Map(this.changed).set(idea.id, { ...current, supports, supported: true });
        this.setSupport(idea.id, undefined);
        this.announcement = this.t(result.data ? 'ideas.supported.done' : 'ideas.already-supported');
      }
      if (result.data) this.dispatchEvent(new IdeaSupportedEvent(consultation, result.data));
      return;
    }
    if (shown) {
      this.setSupport(idea.id, { state: 'failed', error: result.error });
      this.announcement = this.errorMessage(result.error, 'support');
    }
    this.dispatchEvent(new IdeaErrorEvent('support', idea.id, result.error));
    if (shown && isRefusal(result.error.code)) this.refuse(result.error.code);
  }

  private setSupport(idea: string, value: SupportProgress | undefined): void {
    const supports = new Map(this.supports);
    if (value === undefined) supports.delete(idea);
    else supports.set(idea, value);
    this.supports = supports;
  }

  /** The server says no: the form and the support buttons go, and focus moves to the notice that says why. */
  private async refuse(refusal: Refusal): Promise<void> {
    this.refusal = refusal;
    this.pending = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="notice"]')?.focus();
  }

  private get plugins() {
    return getConfiguration().plugins ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another consultation: nothing of the previous one may show or be sent under its id.
    if (changed.has('consultation') && changed.get('consultation')?.id !== this.consultation?.id) {
      this.added = [];
      this.changed = new Map();
      this.supports = new Map();
      this.refusal = undefined;
      this.pending = undefined;
      this.phase = 'editing';
      this.error = undefined;
      this.confirmation = undefined;
      this.kept = new Set();
      this.waitingFor = undefined;
      this.announcement = '';
    }
  }

  private errorMessage(error: AdapterError, action: 'submit' | 'support'): string {
    if (error.code === 'not-configured') return this.t('ideas.error.not-configured');
    if (isRefusal(error.code)) return this.t(REFUSALS[error.code]);
    // Dropped by the outbox after its days on the device, unsent: not the server's doing (see submission-outbox.ts).
    if (error.code === 'expired') return this.t(action === 'support' ? 'ideas.error.support-expired' : 'ideas.error.expired');
    if (error.code === 'not-published') return this.t('ideas.error.not-published');
    // The reference backend's limit of ideas per participant and consultation (a 409).
    if (error.code === 'too-many-ideas') return this.t('ideas.error.too-many');
    switch (error.kind) {
      case 'network':
      case 'timeout':
      case 'server':
        return this.t(`ideas.error.${error.kind}`);
      case 'rate-limited':
        return this.t('error.rate-limited', { seconds: error.retryAfter ?? 60 });
      case 'not-found':
        if (action === 'support') return this.t('ideas.error.not-found');
        break;
      case 'invalid':
        if (action === 'submit' && error.fields?.length) return this.t('ideas.error.invalid', { details: this.fieldNames(error) });
    }
    return this.t(action === 'support' ? 'ideas.error.support-refused' : 'ideas.error.refused');
  }

  private fieldNames(error: AdapterError): string {
    const names = (error.fields ?? []).map(({ path }) => {
      const key = `ideas.field.${path.split('.')[0]}`;
      return isMessageKey(key) ? this.t(key) : path;
    });
    return new Intl.ListFormat(this.language, { type: 'conjunction' }).format([...new Set(names)]);
  }

  private supportsText(count: number): string {
    const plural = new Intl.PluralRules(this.language).select(count) === 'one' ? 'one' : 'other';
    return this.t(`ideas.supports.${plural}`, { count });
  }

  /** A heading `offset` levels below the section's own, as ARIA says it: the level depends on the host page. */
  private heading(offset: number, text: string, part?: string, id?: string): TemplateResult {
    return html`<div role="heading" aria-level=${Math.min(6, this.headingLevel + offset)} part=${part ?? nothing} id=${id ?? nothing} class="heading-${offset}">${text}</div>`;
  }

  private renderSupport(idea: Idea): TemplateResult | typeof nothing {
    if (!this.open && !idea.supported) return nothing;
    const progress = this.supports.get(idea.id);
    const sending = progress?.state === 'sending';
    const kept = progress?.state === 'kept';
    const [label, name] = sending
      ? [this.t('ideas.supporting'), this.t('ideas.supporting')]
      : idea.supported
        ? [this.t('ideas.supported'), this.t('ideas.supported.name', { title: idea.title })]
        : kept
          ? [this.t('ideas.support.kept'), this.t('ideas.support.kept.name', { title: idea.title })]
          : [this.t('ideas.support'), this.t('ideas.support.name', { title: idea.title })];
    return html`
      <button
        type="button"
        part="support"
        class=${idea.supported ? 'support supported' : 'support button-secondary'}
        aria-label=${name}
        aria-disabled=${idea.supported || sending || kept ? 'true' : 'false'}
        aria-describedby=${progress && !sending ? `support-${idea.id}` : nothing}
        @click=${() => this.support(idea)}
      >
        ${idea.supported ? html`<span aria-hidden="true">✓ </span>` : nothing}${label}
      </button>
    `;
  }

  /** What became of the support of `idea` when it is not counted yet: kept on the device, or why it failed. */
  private renderSupportProgress(idea: Idea): TemplateResult | typeof nothing {
    const progress = this.supports.get(idea.id);
    if (progress?.state === 'kept') {
      return html`<p id="support-${idea.id}" part="support-queued" class="confirmation">${this.supportQueuedText(progress.reason)}</p>`;
    }
    if (progress?.state === 'failed') {
      return html`<p id="support-${idea.id}" part="idea-error" class="error">${this.errorMessage(progress.error, 'support')}</p>`;
    }
    return nothing;
  }

  private renderIdea(idea: Idea): TemplateResult {
    const own = idea.status !== 'published';
    return html`
      <li part=${own ? 'idea own-idea' : 'idea'} class="idea">
        ${this.heading(2, idea.title, 'idea-title')}
        ${own
          ? html`<p part="idea-status" class="idea-status status-${idea.status}">${this.t(idea.status === 'rejected' ? 'ideas.status.rejected' : 'ideas.status.pending')}</p>`
          : nothing}
        ${idea.body ? html`<p part="idea-body" class="idea-body">${idea.body}</p>` : nothing}
        ${idea.status === 'rejected' && idea.rejectionReason
          ? html`<p class="rejection">${this.t('ideas.rejection-reason', { reason: idea.rejectionReason })}</p>`
          : nothing}
        ${own
          ? nothing
          : html`<div class="idea-footer">
              <p part="supports" class="supports">${this.supportsText(idea.supports)}</p>
              ${this.renderSupport(idea)}
            </div>`}
        ${this.renderSupportProgress(idea)}
      </li>
    `;
  }

  private renderLists(): TemplateResult {
    const ideas = this.ideas;
    const published = ideas.filter(({ status }) => status === 'published');
    const own = ideas.filter(({ status }) => status !== 'published');
    return html`
      ${this.heading(1, this.t('ideas.list.heading'))}
      ${published.length
        ? html`<ul part="list" class="ideas" role="list">${published.map((idea) => this.renderIdea(idea))}</ul>`
        : html`<p part="empty" class="empty">${this.t('ideas.empty')}</p>`}
      ${own.length
        ? html`${this.heading(1, this.t('ideas.own.heading'))}
            <ul part="own" class="ideas" role="list">${own.map((idea) => this.renderIdea(idea))}</ul>`
        : nothing}
    `;
  }

  private renderLoadError(error: unknown): TemplateResult {
    const adapterError = error as AdapterError;
    return html`
      <p part="error" class="error">
        ${adapterError.code === 'not-configured' ? this.t('ideas.error.not-configured') : this.t('ideas.error.load')}
      </p>
      <button type="button" part="retry" class="button-secondary" @click=${() => this.ideasTask.run()}>${this.t('error.retry')}</button>
    `;
  }

  private renderCounter(id: string, value: string, max: number): TemplateResult {
    return html`<p id=${id} class="hint counter">${this.t('ideas.remaining', { count: Math.max(0, max - value.length), max })}</p>`;
  }

  private renderForm(): TemplateResult {
    const retryable = this.phase === 'failed' && this.pending !== undefined;
    const describedBy = `${this.titleProblem ? 'idea-title-error ' : ''}idea-title-remaining ideas-privacy`;
    return html`
      <form part="form" class="form" novalidate @submit=${this.onSubmit}>
        ${this.heading(1, this.t('ideas.form.heading'))}
        <p class="hint">${this.t(`ideas.moderation.${this.consultation!.ideas.moderation}`)}</p>
        <p id="ideas-privacy" class="hint privacy">${this.t('ideas.privacy')}</p>
        <div class="field">
          <label for="idea-title">${this.t('ideas.title.label')}</label>
          <input
            id="idea-title"
            part="title-input"
            type="text"
            autocomplete="off"
            maxlength=${IDEA_TITLE_MAX_LENGTH}
            aria-required="true"
            aria-invalid=${this.titleProblem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${this.ideaTitle}
            ?readonly=${this.locked}
            @input=${this.onTitleInput}
          />
          ${this.titleProblem
            ? html`<p id="idea-title-error" part="field-error" class="field-error">
                ${this.titleProblem === 'required'
                  ? this.t('ideas.title.required')
                  : this.t('ideas.too-long', { count: this.ideaTitle.trim().length - IDEA_TITLE_MAX_LENGTH })}
              </p>`
            : nothing}
          ${this.renderCounter('idea-title-remaining', this.ideaTitle, IDEA_TITLE_MAX_LENGTH)}
        </div>
        <div class="field">
          <label for="idea-body">${this.t('ideas.body.label')}</label>
          <textarea
            id="idea-body"
            part="body-input"
            rows="4"
            maxlength=${IDEA_BODY_MAX_LENGTH}
            aria-describedby="idea-body-remaining ideas-privacy"
            .value=${this.ideaBody}
            ?readonly=${this.locked}
            @input=${this.onBodyInput}
          ></textarea>
          ${this.renderCounter('idea-body-remaining', this.ideaBody, IDEA_BODY_MAX_LENGTH)}
        </div>
        ${this.phase === 'failed' && this.error ? html`<p part="error" class="error">${this.errorMessage(this.error, 'submit')}</p>` : nothing}
        ${this.confirmation ? html`<p part="confirmation" class="confirmation">${this.confirmationText()}</p>` : nothing}
        ${this.kept.size ? html`<p part="queued" class="confirmation" tabindex="-1">${this.queuedText()}</p>` : nothing}
        ${sendButton(
          { sending: this.phase === 'sending', retryable, blocked: this.retryBlock.blocked },
          { send: this.t('ideas.submit'), sending: this.t('ideas.sending'), retry: this.t('error.retry') },
        )}
      </form>
    `;
  }

  private renderNotice(): TemplateResult {
    const key = this.refusal ? REFUSALS[this.refusal] : this.consultation?.status === 'closed' ? 'ideas.closed' : 'ideas.not-open';
    return html`<p part="notice" class="notice" tabindex="-1">${this.t(key)}</p>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.consultation?.ideas.enabled) return nothing;
    return html`
      <section part="base" class="base" aria-labelledby="ideas-heading">
        ${this.heading(0, this.t('ideas.heading'), 'heading', 'ideas-heading')}
        ${this.open ? html`<p class="intro">${this.t('ideas.intro')}</p>` : this.renderNotice()}
        ${this.ideasTask.render({
          pending: () => (this.ideasTask.value ? this.renderLists() : html`<p class="loading">${this.t('ideas.loading')}</p>`),
          complete: () => this.renderLists(),
          error: (error) => this.renderLoadError(error),
        })}
        ${this.open ? this.renderForm() : nothing}
        <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }
}
