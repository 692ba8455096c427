import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  consultationStatus,
  getConfiguration,
  isRetryable,
  loadLanguage,
  newId,
  pollMessages,
  type AdapterError,
  type BackendAdapter,
  type Consultation,
  type ConsultationResponse,
  type MessageKey,
  type Question,
  type Receipt,
  type Result,
} from '@civic-pulse/core';
import { ConsultationErrorEvent, ConsultationSubmitEvent, ConsultationSubmittedEvent } from '../events/consultation-events.js';
import { AnsweringElement, type AnsweringWords } from '../internal/answering-element.js';
import { sendThroughOutbox } from '../internal/outbox-loader.js';
import { RetryBlock } from '../internal/retry-block.js';
import type { WaitReason } from '../internal/submission-outbox.js';
import { participantForAction, rememberedParticipant, rememberParticipant } from './participant.js';
import { heading } from './parts.js';
import { styles } from './consultation-poll.styles.js';

/**
 * `answering` until sent; `queued` while the response waits on the device for the connection
 * (sent from this page, or left there by an earlier one);
 * `sent` once stored; `answered` when this browser had already taken part; `refused` when the
 * server says the consultation is not open to answers (closed, not yet open).
 */
type Phase = 'answering' | 'sending' | 'queued' | 'failed' | 'sent' | 'answered' | 'refused';
export type PollLayout = 'steps' | 'form';

// The code of a part of the poll could not be fetched: as a failed connection, to be tried again.
const CODE_FAILED: AdapterError = { kind: 'network', code: 'network', message: 'A part of the poll could not be loaded.' };
const NOT_CONFIGURED: AdapterError = { kind: 'invalid', code: 'not-configured', message: 'No consultation id, or no backend adapter, endpoint or org.' };

/** Registers <civic-consultation-ideas>, once; a failure is logged, and the poll goes on without ideas. */
const loadIdeas = () =>
  import('./civic-consultation-ideas.js').catch((error: unknown) => console.error('[civic-pulse] could not load <civic-consultation-ideas>', error));

/** The question controls' code, styles and messages: fetched alongside the consultation, unless this browser has answered. */
type QuestionsCode = typeof import('./questions.js');
/** The results' code, styles and messages: fetched only once results are to be shown. */
type ResultsCode = typeof import('./results.js');

// Codes the server answers a response with when answering is over or not begun: no form then.
const REFUSALS = new Set(['closed', 'not-open']);

/**
 * @summary A public consultation: its title, description and dates, its questions one at a time or
 * all at once, and its results when they are published. One answer per browser.
 *
 * @event civic-consultation-submit - Before anything is stored or sent; cancelable. `event.consultation`, `event.answers`.
 * @event civic-consultation-submitted - The backend stored the response. `event.response`, `event.receipt`. When the
 * connection failed, the response waits in the device's outbox and this comes once it is sent, also on a later page.
 * @event civic-consultation-error - Loading or sending failed. `event.response` (when sending), `event.error`.
 *
 * @csspart base - The wrapper of the whole consultation.
 * @csspart title - The consultation's title.
 * @csspart description - Its description.
 * @csspart dates - When it opens or closes, or closed.
 * @csspart progress - Which question of how many (steps), or how many are answered (form).
 * @csspart error-summary - Before sending, the list of answers missing or to correct, each a link to its question.
 * @csspart question - One question: a fieldset for choices, a group for text.
 * @csspart legend - A question's label; says "(obligatoire)" in words when an answer is required.
 * @csspart choices - The options of a choice question.
 * @csspart choice - One option, its control and label.
 * @csspart field-error - The error of one question.
 * @csspart text - The text area of a text question.
 * @csspart ranking - The ordered list of a ranking question.
 * @csspart ranking-item - One item of a ranking.
 * @csspart move - A button that moves a ranking item; also `move-up` or `move-down`.
 * @csspart previous - In steps, the button back to the previous question.
 * @csspart next - In steps, the button to the next question.
 * @csspart submit - The send button.
 * @csspart retry - The button that sends the same response again, or loads the consultation again.
 * @csspart error - The error message.
 * @csspart status - The live region that announces ranking moves, sending and the outcome.
 * @csspart thanks - The thank-you shown once sent.
 * @csspart queued - Shown instead when the connection failed, or when an earlier page left the response waiting: it is kept on the device and sent later.
 * @csspart already-answered - Said when this browser has already taken part.
 * @csspart results - The results, or when and whether they will be published.
 * @csspart result - The tally of one question.
 * @csspart bars - The bars of one tally.
 * @csspart table - The same tally as a table, for screen readers.
 * @csspart ideas - The citizens' ideas, below the questions or results, when the consultation takes ideas.
 *
 * @cssproperty --civic-color-primary - Buttons, bars, progress.
 * @cssproperty --civic-poll-bar-color - The bars of the results; the primary colour by default.
 */
export class ConsultationPoll extends AnsweringElement<QuestionsCode> {
  static override styles = styles;
  static override messages = [pollMessages];

  private readonly load = new Task(this, {
    task: async ([id, adapter], { signal }) => {
      if (!id || !adapter) {
        console.error('[civic-pulse] <civic-consultation-poll> needs a consultation id and a backend (endpoint and org, or an adapter).');
        throw NOT_CONFIGURED;
      }
      // A browser that has answered already opens on the results: it needs no question controls.
      const answered = rememberedParticipant(id)?.answered;
      const questions = answered ? undefined : this.loadQuestions();
      // A response an earlier page left waiting on the device (a reload while offline) is shown as kept, not the form.
      const left = answered ? undefined : this.watchLeft(id, adapter);
      const result = await adapter.getConsultation(id, { signal });
      // Aborted: other arguments came meanwhile, and their run is the one that counts.
      if (!result.ok && result.error.kind === 'aborted') throw result.error;
      if (!result.ok) {
        if (result.error.kind === 'not-found') console.error(`[civic-pulse] <civic-consultation-poll>: no consultation "${id}" on this backend.`);
        this.dispatchEvent(new ConsultationErrorEvent(id, undefined, result.error));
        throw result.error;
      }
      // Reading what this browser remembers stores nothing; an earlier answer opens on the results.
      if (answered) this.phase = 'answered';
      const waiting = await left;
      if (waiting) this.showKept(waiting.response, waiting.reason);
      // The form is drawn at once with the consultation: its controls' code is waited for here.
      if (questions && consultationStatus(result.data) === 'open' && !(await questions)) throw CODE_FAILED;
      // The ideas' code (a third of the poll's weight) comes only for a consultation that takes
      // ideas, fetched alongside the first render; the element upgrades once it is there.
      if (result.data.ideas.enabled) void loadIdeas();
      return result.data;
    },
    args: () => [this.consultation, this.resolveAdapter()] as const,
  });

  private readonly results = new Task(this, {
    task: async ([id, wanted], { signal }) => {
      const adapter = this.resolveAdapter();
      if (!id || !wanted || !adapter) return undefined;
      // The results' code comes alongside them: a person who has not answered yet never downloads it.
      const [result] = await Promise.all([
        adapter.getConsultationResults(id, { signal }),
        this.lazyPart(import('./results.js')).then((code) => (this.resultsCode = code)),
      ]);
      if (!result.ok) throw result.error;
      return result.data;
    },
    args: () => [this.load.value?.id, this.resultsShown()] as const,
  });

  @state() private step = 0;
  @state() protected phase: Phase = 'answering';
  @state() private error?: AdapterError;
  protected pending?: ConsultationResponse;
  /** A plugin vouched for the participant: then nothing is remembered on the device. */
  private verified = false;
  /** The watch on a response an earlier page left waiting (see `watchLeft`); `stop` once the outbox's answer came. */
  private leftWatch?: { stop?: () => void };
  /** Set while the server's Retry-After runs: the retry button waits as the message says. */
  private readonly retryBlock = new RetryBlock(this);
  /** Set once the results' code is here, its styles adopted and its messages loaded. */
  private resultsCode?: ResultsCode;
  protected readonly words: AnsweringWords = {
    summaryTitle: 'poll.summary.title',
    summarySeparator: 'poll.summary.separator',
    required: 'poll.error.required',
    answer: 'poll.error.answer',
    ranking: 'poll.error.ranking',
    previous: 'poll.previous',
    next: 'poll.next',
    send: 'poll.send',
    sending: 'poll.sending',
    queued: 'poll.queued',
    queuedLater: 'poll.queued.later',
  };

  /** The consultation's id. */
  @property() consultation = '';

  /**
   * `steps` (the default): one question at a time with its progress, as a phone shows best and as
   * GOV.UK's "one thing per page" advises; `form`: every question at once, for a short consultation.
   */
  @property() layout: PollLayout = 'steps';

  /**
   * Level of the consultation's title: 2 by default, under the page's own level-1 heading. The
   * sections below it (results, problems, ideas) are one level lower, each question's results two.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** One question at a time: any layout but `form`, so that a misspelt one still works. */
  private get steps(): boolean {
    return this.layout !== 'form';
  }

  protected get locked(): boolean {
    return this.phase === 'sending' || (this.phase === 'failed' && this.pending !== undefined);
  }

  /** The questions asked given the answers so far, and those answers without any to a question not asked. */
  private asked(questions: readonly Question[]): { shown: Question[]; answers: Record<string, unknown> } {
    const shown: Question[] = [];
    const answers: Record<string, unknown> = {};
    for (const question of questions) {
      if (!this.questionsCode!.isShown(question, answers)) continue;
      shown.push(question);
      if (Object.hasOwn(this.answers, question.id)) answers[question.id] = this.answers[question.id];
    }
    return { shown, answers };
  }

  /** Fetches the question controls; resolves to whether they are here, never rejects. */
  private loadQuestions(): Promise<boolean> {
    return this.lazyPart(import('./questions.js')).then(
      (code) => !!(this.questionsCode = code),
      (error: unknown) => (console.error('[civic-pulse] could not load the questions of <civic-consultation-poll>', error), false),
    );
  }

  private resultsShown(): boolean {
    const consultation = this.load.value;
    if (!consultation || consultation.resultsVisibility === 'never') return false;
    const closed = consultationStatus(consultation) === 'closed';
    if (consultation.resultsVisibility === 'after-close') return closed;
    return closed || this.phase === 'sent' || this.phase === 'answered';
  }

  protected answerChanged(): void {
    if (this.phase === 'failed') this.error = undefined;
  }

  protected reveal(question: { id: string }): void {
    if (this.steps) this.step = this.asked(this.load.value!.questions).shown.findIndex(({ id }) => id === question.id);
  }

  protected check(questionIds: readonly string[]): Map<string, string> {
    const consultation = this.load.value!;
    const { answers } = this.asked(consultation.questions);
    const ids = new Set(questionIds);
    const problems = new Map<string, string>();
    for (const { path } of this.questionsCode!.answerProblems(consultation, answers)) {
      const question = consultation.questions.find(({ id }) => `answers.${id}` === path);
      if (!question || !ids.has(question.id)) continue;
      problems.set(question.id, this.problemMessage(question, answers[question.id]));
    }
    return problems;
  }

  private async goTo(step: number): Promise<void> {
    this.step = step;
    this.problems = new Map();
    await this.updateComplete;
    // Keyboard and screen-reader users land on the new question, not on the page's top.
    this.renderRoot.querySelector<HTMLElement>('[part="legend"]')?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const { shown } = this.asked(this.load.value!.questions);
    if (!this.steps || this.pending) return this.send();
    const step = Math.min(this.step, shown.length - 1);
    if (!this.validate([shown[step]!.id])) return;
    if (step < shown.length - 1) return this.goTo(step + 1);
    return this.send();
  }

  /** Sends the answers as given, or sends again the response that failed. Resolves once it is settled. */
  async send(): Promise<void> {
    const consultation = this.load.value;
    const adapter = this.resolveAdapter();
    if (!consultation || !adapter || this.retryBlock.blocked || ['sending', 'queued', 'sent', 'answered'].includes(this.phase)) return;
    // From now on the send below watches its response: the watch on what an earlier page left would hear it twice.
    this.stopWatchingLeft();
    // The controls' code (and the answers' rules) come with the form; a host page may still call
    // send() on a consultation shown without it, closed say, and hear the server's answer.
    if (!this.questionsCode && !(await this.loadQuestions())) return;
    let response = this.pending;
    if (!response) {
      const { shown, answers } = this.asked(consultation.questions);
      if (!this.validate(shown.map(({ id }) => id))) return;
      if (!this.dispatchEvent(new ConsultationSubmitEvent(consultation.id, answers))) return;
      this.phase = 'sending';
      // The person acts now: only now may a participant id be kept on the device.
      const { participant, verified } = await participantForAction(consultation.id, getConfiguration().plugins ?? [], this);
      this.verified = verified;
      response = { id: newId(), participant, answers };
    }
    this.pending = response;
    this.phase = 'sending';
    this.error = undefined;
    this.status = this.t('poll.sending');
    const sent = response;
    // Resolves once the response is settled for the person: sent, refused, or kept on the device.
    await sendThroughOutbox<ConsultationResponse, Receipt>({
      adapter,
      name: this.pageOutbox.name(adapter),
      payload: sent,
      plugins: { list: getConfiguration().plugins ?? [], context: { kind: 'consultation-response', payload: sent, element: this } },
      queued: (payload) => ({ kind: 'consultation-response', payload: { consultation: consultation.id, response: payload } }),
      direct: (payload) => adapter.submitConsultationResponse(consultation.id, payload),
      kept: (reason) => this.keep(sent, reason),
      settle: (result) => this.settle(consultation.id, sent, result),
    });
  }

  /**
   * Watches the response an earlier page of this browser left waiting on the device for `id` (the
   * page was reloaded or closed while offline), and resolves with it, or undefined when none
   * waits. Its answer is then shown as a response sent here. The watch goes on when none waits: a
   * response the outbox sends while it is looked up is this browser's answer all the same.
   */
  private async watchLeft(id: string, adapter: BackendAdapter): Promise<{ response: ConsultationResponse; reason?: WaitReason } | undefined> {
    this.stopWatchingLeft();
    const watch: { stop?: () => void } = {};
    this.leftWatch = watch;
    const left = await this.pageOutbox.leftWaiting(adapter, 'consultation-response', ({ payload }) => payload.consultation === id, {
      settled: ({ payload }, result) => {
        if (this.leftWatch === watch) void this.settleLeft(id, payload.response, result as Result<Receipt>);
      },
      waiting: (reason) => {
        if (this.leftWatch === watch && this.pending) void this.keep(this.pending, reason);
      },
    });
    // Another consultation (or send) came meanwhile: its own watch is the one that counts.
    if (this.leftWatch !== watch) left?.stop();
    if (!left || this.leftWatch !== watch) return undefined;
    watch.stop = left.stop;
    const [oldest] = left.items;
    return oldest && { response: oldest.payload.response, ...(left.reason ? { reason: left.reason } : {}) };
  }

  private stopWatchingLeft(): void {
    this.leftWatch?.stop?.();
    this.leftWatch = undefined;
  }

  /**
   * Shows `response`, which an earlier page left waiting on the device, as kept there, instead of
   * the form. Announced without taking focus: the page has just opened, the person has not acted.
   */
  private showKept(response: ConsultationResponse, reason?: WaitReason): void {
    // Already answered, or settled while it was looked up.
    if (this.phase !== 'answering' || (this.pending && this.pending.id !== response.id)) return;
    this.adopt(this.consultation, response);
    this.phase = 'queued';
    this.waitingFor = reason;
    this.status = this.queuedText();
  }

  /** The response an earlier page left becomes the one this element shows; what this browser remembers tells whether a plugin vouched for its participant. */
  private adopt(consultation: string, response: ConsultationResponse): void {
    this.pending = response;
    this.verified = rememberedParticipant(consultation)?.participant !== response.participant;
  }

  /** The server's answer to a response an earlier page left: shown as the answer to one sent here. */
  private settleLeft(id: string, response: ConsultationResponse, result: Result<Receipt>): Promise<void> {
    if (!this.pending && this.phase === 'answering') this.adopt(id, response);
    this.stopWatchingLeft();
    return this.settle(id, response, result);
  }

  /** The server's answer to `response`, however late: thanks, or the error display. */
  private async settle(consultation: string, response: ConsultationResponse, result: Result<Receipt>): Promise<void> {
    // Another consultation was set meanwhile: the page hears it, the screen is the new one's. (By
    // id: a response an earlier page left comes back from the device as another object.)
    if (this.pending?.id !== response.id) {
      if (result.ok) this.dispatchEvent(new ConsultationSubmittedEvent(consultation, response, result.data));
      else this.dispatchEvent(new ConsultationErrorEvent(consultation, response, result.error));
      return;
    }
    const focusWithin = this.phase === 'sending' || this.shadowRoot?.activeElement != null;
    const alreadyAnswered = !result.ok && result.error.code === 'already-answered';
    if (result.ok || alreadyAnswered) {
      if (!this.verified) rememberParticipant(consultation, { participant: response.participant, answered: true });
      this.pending = undefined;
    }
    this.waitingFor = undefined;
    if (!result.ok) {
      this.fail(consultation, response, result.error);
      if (!alreadyAnswered) return;
    } else {
      this.phase = 'sent';
      this.status = this.t('poll.thanks');
      this.dispatchEvent(new ConsultationSubmittedEvent(consultation, response, result.data));
    }
    await this.updateComplete;
    // The form is gone: focus goes to what replaced it rather than to the page's top (unless the
    // person has gone elsewhere on the page while the response waited).
    if (focusWithin) this.renderRoot.querySelector<HTMLElement>('[part="thanks"], [part="already-answered"]')?.focus();
  }


  private fail(consultation: string, response: ConsultationResponse, error: AdapterError): void {
    // Only an error that a retry can mend keeps the response as sent; otherwise it is made anew.
    if (!isRetryable(error)) this.pending = undefined;
    if (error.kind === 'rate-limited' && error.retryAfter) this.retryBlock.blockFor(error.retryAfter);
    this.error = error;
    this.phase = error.code === 'already-answered' ? 'answered' : REFUSALS.has(error.code) ? 'refused' : 'failed';
    this.status = error.code === 'already-answered' ? this.t('poll.already-answered') : this.errorMessage(error);
    this.dispatchEvent(new ConsultationErrorEvent(consultation, response, error));
  }

  /** Loads the consultation again, answers kept; focus then goes to its title, the button being gone. */
  private async reload(): Promise<void> {
    this.phase = 'answering';
    this.error = undefined;
    this.pending = undefined;
    await this.load.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  // Once the results are here, their messages follow the element's language as the element's own do.
  protected override async scheduleUpdate(): Promise<void> {
    if (this.resultsCode) await loadLanguage(this.language, [this.resultsCode.messages]);
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consultation')) {
      this.answers = {};
      this.orders = {};
      this.problems = new Map();
      this.step = 0;
      this.phase = 'answering';
      this.error = undefined;
      this.pending = undefined;
      this.waitingFor = undefined;
      this.status = '';
    }
  }

  private errorMessage(error: AdapterError): string {
    const key = `poll.error.${error.code}`;
    // `expired` (dropped from the outbox after days on the device) has kind `timeout`, but its own message.
    if (['not-configured', 'closed', 'not-open', 'definition-changed', 'expired'].includes(error.code)) return this.t(key as MessageKey);
    switch (error.kind) {
      case 'not-found':
        return this.t('poll.error.not-found');
      case 'network':
      case 'timeout':
      case 'server':
        return this.t(`poll.error.${error.kind}`);
      case 'rate-limited':
        return this.t('error.rate-limited', { seconds: error.retryAfter ?? 60 });
      case 'invalid': {
        const details = this.refusedQuestions(error, this.load.value?.questions ?? []);
        if (details) return this.t('poll.error.invalid', { details });
      }
    }
    return this.t('poll.error.refused');
  }

  private renderForm(consultation: Consultation): TemplateResult {
    const { shown, answers } = this.asked(consultation.questions);
    const { steps } = this;
    const step = Math.min(this.step, shown.length - 1);
    const last = !steps || step === shown.length - 1;
    const retryable = this.phase === 'failed' && this.pending !== undefined;
    const [progress, progressText] = steps
      ? [step + 1, this.t('poll.progress.steps', { current: step + 1, total: shown.length })]
      : [Object.keys(answers).length, this.t('poll.progress.form', { answered: Object.keys(answers).length, total: shown.length })];
    return html`
      <form @submit=${this.onSubmit} novalidate>
        ${this.renderSummary(shown, this.headingLevel + 1)}
        <div part="progress" class="progress">
          <p>${progressText}</p>
          <progress max=${shown.length} value=${progress} aria-hidden="true"></progress>
        </div>
        ${(steps ? [shown[step]!] : shown).map((question) => this.questionsCode!.renderQuestion(this.fields, question))}
        ${this.phase === 'failed' && this.error ? html`<p part="error" class="error">${this.errorMessage(this.error)}</p>` : nothing}
        ${this.error?.code === 'definition-changed'
          ? html`<button type="button" part="retry" class="button-secondary" @click=${this.reload}>${this.t('poll.reload')}</button>`
          : this.renderActions({
              back: steps && step > 0 && !this.locked ? () => this.goTo(step - 1) : undefined,
              last,
              retryable,
              sending: this.phase === 'sending',
              blocked: this.retryBlock.blocked,
            })}
      </form>
    `;
  }

  // The controls come with the consultation (see `load`); this is for a consultation that opens
  // while shown, its page left open past the opening time.
  private renderAnswering(consultation: Consultation): TemplateResult {
    if (this.questionsCode) return this.renderForm(consultation);
    void this.loadQuestions().then((here) => here && this.requestUpdate());
    return html`<p>${this.t('poll.loading')}</p>`;
  }

  private renderOutcome(consultation: Consultation): TemplateResult {
    const { resultsVisibility } = consultation;
    let content: unknown;
    if (resultsVisibility === 'never') content = html`<p>${this.t('poll.results.never')}</p>`;
    else if (!this.resultsShown()) content = html`<p>${this.t('poll.results.later', { closes: this.formatDate(consultation.closesAt) })}</p>`;
    else {
      content = this.results.render({
        pending: () => html`<p>${this.t('poll.results.loading')}</p>`,
        complete: (results) =>
          results
            ? this.resultsCode!.renderResults((key, params) => this.t(key, params), this.language, this.headingLevel + 2, consultation, results)
            : nothing,
        // Refused although the dates said yes (a clock set wrong): say what the server says.
        error: (error) => {
          const { code } = error as AdapterError;
          if (code === 'results-hidden') return html`<p>${this.t('poll.results.never')}</p>`;
          if (code === 'results-not-yet') return html`<p>${this.t('poll.results.later', { closes: this.formatDate(consultation.closesAt) })}</p>`;
          return html`
            <p>${this.t('poll.results.failed')}</p>
            <button type="button" part="retry" class="button-secondary" @click=${() => this.results.run()}>${this.t('error.retry')}</button>
          `;
        },
      });
    }
    return html`
      <section part="results" class="results" aria-labelledby="results-title">
        ${heading(this.headingLevel + 1, this.t('poll.results.title'), '', 'results-title')}
        ${content}
      </section>
    `;
  }

  private renderConsultation(consultation: Consultation): TemplateResult {
    const status = consultationStatus(consultation);
    const adapter = this.resolveAdapter();
    const dates = { opens: this.formatDate(consultation.opensAt), closes: this.formatDate(consultation.closesAt) };
    const answering = status === 'open' && (this.phase === 'answering' || this.phase === 'sending' || this.phase === 'failed');
    return html`
      <div role="heading" aria-level=${Math.min(6, this.headingLevel)} part="title" class="heading" tabindex="-1">${consultation.title}</div>
      ${consultation.description ? html`<p part="description" class="description">${consultation.description}</p>` : nothing}
      <p part="dates" class="dates">${this.t(`poll.dates.${status}`, dates)}</p>
      ${answering ? this.renderAnswering(consultation) : nothing}
      ${this.phase === 'refused' && this.error ? html`<p part="error" class="error">${this.errorMessage(this.error)}</p>` : nothing}
      ${this.phase === 'sent'
        ? html`<div part="thanks" class="thanks" tabindex="-1"><p class="thanks-title">${this.t('poll.thanks')}</p></div>`
        : nothing}
      ${this.phase === 'queued'
        ? html`<div part="queued" class="thanks" tabindex="-1"><p class="thanks-title">${this.queuedText()}</p></div>`
        : nothing}
      ${this.phase === 'answered' ? html`<p part="already-answered" class="notice" tabindex="-1">${this.t('poll.already-answered')}</p>` : nothing}
      ${answering || this.phase === 'queued' || status === 'scheduled' ? nothing : this.renderOutcome(consultation)}
      ${consultation.ideas.enabled
        ? html`<civic-consultation-ideas
            part="ideas"
            .consultation=${consultation}
            .adapter=${adapter}
            .outbox=${adapter ? this.pageOutbox.name(adapter) : ''}
            lang=${this.language}
            heading-level=${this.headingLevel + 1}
          ></civic-consultation-ideas>`
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    return html`
      <div part="base" class="base">
        ${this.load.render({
          pending: () => html`<p>${this.t('poll.loading')}</p>`,
          complete: (consultation) => this.renderConsultation(consultation),
          error: (error) => {
            const adapterError = error as AdapterError;
            const retryable = isRetryable(adapterError);
            return html`
              <p part="error" class="error">${retryable ? this.t('poll.error.load') : this.errorMessage(adapterError)}</p>
              ${retryable ? html`<button type="button" part="retry" class="button-secondary" @click=${this.reload}>${this.t('error.retry')}</button>` : nothing}
            `;
          },
        })}
        <p part="status" class="visually-hidden" role="status">${this.status}</p>
      </div>
    `;
  }
}
