import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  consultationStatus,
  DEFAULT_MINIMUM_GROUP,
  isRetryable,
  newId,
  sendSubmission,
  surveyMessages,
  type AdapterError,
  type MessageKey,
  type OutboxItem,
  type Survey,
  type Result,
  type SurveyQuestion,
  type SurveyReceipt,
  type SurveyResponse,
  type SurveyResults,
  type SurveySection,
} from '@civic-pulse/core';
import { AnsweringElement, type AnsweringWords } from '../internal/answering-element.js';
import { sendThroughOutbox } from '../internal/outbox-loader.js';
import { RetryBlock } from '../internal/retry-block.js';
import { heading } from '../consultation-poll/parts.js';
import { deleteDraft, readDraft, saveDraft, tokenFromHash } from './draft.js';
import { SurveyErrorEvent, SurveySubmittedEvent } from './survey-events.js';
import { styles } from './agent-survey.styles.js';

/** The question controls' code, styles and messages, fetched alongside an open survey. */
type QuestionsCode = typeof import('./survey-questions.js');

/**
 * What the element shows once the backend has answered: the token form (no token yet), a survey,
 * a manager's results, or thanks when this device's earlier send turns out to have been recorded.
 */
type Loaded = { kind: 'token' } | { kind: 'survey'; survey: Survey } | { kind: 'results'; results: SurveyResults } | { kind: 'sent-before' };

/**
 * `intro` before the agent starts; `queued` while the response waits on the device for the
 * connection; `refused` when the server will not take these answers (closed, token used).
 */
type Phase = 'intro' | 'answering' | 'sending' | 'queued' | 'failed' | 'sent' | 'refused';

/** The sections asked given the answers so far, each with its questions asked. */
interface Asked {
  sections: { section: SurveySection; questions: SurveyQuestion[] }[];
  /** The answers, without any to a question not asked. */
  answers: Record<string, unknown>;
}

const CODE_FAILED: AdapterError = { kind: 'network', code: 'network', message: 'A part of the survey could not be loaded.' };
const NOT_CONFIGURED: AdapterError = { kind: 'invalid', code: 'not-configured', message: 'No survey id, or no backend adapter, endpoint or org.' };
/** Errors whose message is the token form's: the agent may type the token again. */
const TOKEN_REFUSALS = new Set(['unknown-token', 'unauthorized']);
/**
 * Send refusals after which the answers cannot be sent at all: the draft is of no more use. A
 * `token-used` reaches the element only when no attempt of this device may have used the token
 * (the outbox reads it as sent otherwise: see core's outbox kinds).
 */
const FINAL_REFUSALS = new Set(['closed', 'not-open', 'unknown-token', 'token-used']);
/** Codes with a message of their own; `expired` (dropped from the outbox after days on the device) has kind `timeout`. */
const OWN_MESSAGES = new Set(['not-configured', 'closed', 'not-open', 'unknown-token', 'token-used', 'unauthorized', 'expired']);

/**
 * @summary An internal survey of a collectivité's agents: opened with an invitation token (from the
 * page's `#token=` fragment, the `token` attribute, or typed), answered section by section with a
 * draft kept on the device until sent, anonymously. With `results`, the manager's view of the results.
 *
 * @event civic-survey-submitted - The answers are recorded. `event.survey`, `event.receipt`. Carries neither answers nor token.
 * When the connection failed, the response waits in the device's outbox and this comes once it is sent.
 * @event civic-survey-error - Loading or sending failed. `event.survey`, `event.error`.
 *
 * @csspart base - The wrapper of the whole survey.
 * @csspart title - The survey's title (or the token form's).
 * @csspart dates - Until when one may answer, when it opens, or that it is closed.
 * @csspart intro - The survey's introduction.
 * @csspart anonymity - The anonymity promise, told before the agent starts.
 * @csspart start - The button that starts answering.
 * @csspart token-form - The form to type an invitation token.
 * @csspart token-input - Its text field.
 * @csspart token-submit - Its button.
 * @csspart resumed - Said when a draft kept on the device is taken up again.
 * @csspart progress - Which part of how many.
 * @csspart section - The section being answered.
 * @csspart section-title - Its title, which takes focus on Next and Back.
 * @csspart error-summary - The answers missing or to correct, each a link to its question.
 * @csspart question - One question (see `<civic-consultation-poll>` for its inner parts).
 * @csspart statement - One statement of a matrix question: a fieldset of the options as radios.
 * @csspart statement-label - Its legend.
 * @csspart previous - The button back to the previous part.
 * @csspart next - The button to the next part.
 * @csspart submit - The send button, on the last part.
 * @csspart forget - The button that erases the answers from the device (a shared computer).
 * @csspart retry - The button that sends the same response again, or loads the survey again.
 * @csspart error - An error message.
 * @csspart status - The live region that announces parts, sending and the outcome.
 * @csspart thanks - The thank-you shown once sent.
 * @csspart queued - Shown instead when the connection failed: the answers (and the token) are kept on the device and sent later.
 * @csspart results - The manager's results view.
 *
 * @cssproperty --civic-color-primary - Buttons, progress.
 */
export class AgentSurvey extends AnsweringElement<QuestionsCode> {
  static override styles = styles;
  static override messages = [surveyMessages];

  private readonly load = new Task(this, {
    task: async ([id, token, adapter, manager], { signal }): Promise<Loaded> => {
      if (!id || !adapter) {
        console.error('[civic-pulse] <civic-agent-survey> needs a survey id and a backend (endpoint and org, or an adapter).');
        throw NOT_CONFIGURED;
      }
      if (!token) return { kind: 'token' };
      if (manager) return this.loadResults(id, token, signal);
      const questions = this.loadQuestions();
      const result = await adapter.getSurvey(id, token, { signal });
      if (!result.ok) {
        if (result.error.kind === 'aborted') throw result.error;
        // This device sent these answers before and the reply was lost: the token is used by them.
        if (result.error.code === 'token-used' && this.attemptedBefore(id, token)) {
          deleteDraft(id);
          return { kind: 'sent-before' };
        }
        this.dispatchEvent(new SurveyErrorEvent(id, result.error));
        throw result.error;
      }
      if (consultationStatus(result.data) === 'open' && !(await questions)) throw CODE_FAILED;
      this.restore(result.data, token);
      return { kind: 'survey', survey: result.data };
    },
    args: () => [this.survey, this.currentToken, this.resolveAdapter(), this.results] as const,
  });

  /** The id of the section shown. */
  @state() private section = '';
  @state() protected phase: Phase = 'intro';
  @state() private error?: AdapterError;
  /** A draft was taken up at loading: said above the form. */
  @state() private resumed = false;
  @state() private typedToken = '';
  @state() private hashToken = '';
  @state() private tokenProblem = '';
  /** The token the device's draft holds: a token typed before a reload is not in the URL. */
  private draftToken = '';
  /** The response id, made once, kept in the draft: every attempt, after a reload too, sends it. */
  private responseId = '';
  /**
   * A request with these answers may have left this device for this token (also kept in the
   * draft): then a `token-used` reply means that request was recorded. Not set by Send alone: the
   * answers may wait on the device, offline, and never leave.
   */
  private attempted = false;
  /** Send was pressed: the answers were handed to the outbox (also kept in the draft, so that a reload sends them on). */
  private queued = false;
  protected pending?: SurveyResponse;
  /** Set when a token was just typed: focus then goes to what its loading brings. */
  private focusAfterLoad = false;
  /** Set when the draft taken up was sent by an earlier page: it is sent again once shown (see `restore`). */
  private resendAfterLoad = false;
  private readonly retryBlock = new RetryBlock(this);
  private resultsView?: Promise<unknown>;
  protected readonly words: AnsweringWords = {
    summaryTitle: 'survey.summary.title',
    summarySeparator: 'survey.summary.separator',
    required: 'survey.error.required',
    answer: 'survey.error.answer',
    ranking: 'survey.error.ranking',
    previous: 'survey.previous',
    next: 'survey.next',
    send: 'survey.send',
    sending: 'survey.sending',
    queued: 'survey.queued',
    queuedLater: 'survey.queued.later',
    matrix: 'survey.error.matrix',
    // The poll's controls say yes and no from the poll's bundle; the survey's own says them.
    borrowed: { 'poll.yes': 'survey.yes', 'poll.no': 'survey.no' },
  };

  /** The survey's id. */
  @property() survey = '';

  /**
   * The invitation token (or, with `results`, the manager's read token). Without it, the element
   * reads `#token=…` from the page's URL, else asks the agent to type it.
   */
  @property() token = '';

  /** The manager's view: the survey's results, read with a read token, instead of its questions. */
  @property({ type: Boolean }) results = false;

  /** Level of the survey's title: 2 by default; its parts' titles are one level lower. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private get currentToken(): string {
    return this.typedToken || this.token || this.hashToken || this.draftToken;
  }

  private get loadedSurvey(): Survey | undefined {
    const value = this.load.value;
    return value?.kind === 'survey' ? value.survey : undefined;
  }

  protected get locked(): boolean {
    return this.phase === 'sending' || (this.phase === 'failed' && this.pending !== undefined);
  }

  private readonly onHashChange = () => {
    this.hashToken = tokenFromHash(location.hash);
  };

  private attemptedBefore(survey: string, token: string): boolean {
    const draft = readDraft(survey);
    return (this.attempted && this.currentToken === token) || (draft?.token === token && draft.attempted);
  }

  /** Fetches the question controls; resolves to whether they are here, never rejects. */
  private loadQuestions(): Promise<boolean> {
    return this.lazyPart(import('./survey-questions.js')).then(
      (code) => !!(this.questionsCode = code),
      (error: unknown) => (console.error('[civic-pulse] could not load the questions of <civic-agent-survey>', error), false),
    );
  }

  private async loadResults(id: string, token: string, signal: AbortSignal): Promise<Loaded> {
    const adapter = this.resolveAdapter()!;
    // The view's code failing to come is a failed connection, to be tried again (and imported anew).
    this.resultsView ??= import('./survey-results.js').catch(() => {
      this.resultsView = undefined;
      throw CODE_FAILED;
    });
    const [result] = await Promise.all([adapter.getSurveyResults(id, token, { signal }), this.resultsView]);
    if (!result.ok) {
      if (result.error.kind !== 'aborted') this.dispatchEvent(new SurveyErrorEvent(id, result.error));
      throw result.error;
    }
    return { kind: 'results', results: result.data };
  }

  /** Takes up the device's draft for this survey and token, if there is one; else the intro. */
  private restore(survey: Survey, token: string): void {
    const draft = readDraft(survey.id);
    this.problems = new Map();
    this.error = undefined;
    this.pending = undefined;
    if (!draft || draft.token !== token) {
      this.answers = {};
      this.orders = {};
      this.responseId = '';
      this.attempted = false;
      this.queued = false;
      this.resumed = false;
      this.resendAfterLoad = false;
      this.phase = 'intro';
      return;
    }
    this.answers = { ...draft.answers };
    // A ranking answered is the order it shows.
    this.orders = Object.fromEntries(Object.entries(draft.answers).filter(([, value]) => Array.isArray(value))) as Record<string, string[]>;
    this.section = draft.section;
    this.responseId = draft.responseId;
    this.attempted = draft.attempted;
    this.queued = draft.queued;
    this.resumed = true;
    this.phase = 'answering';
    this.status = this.t('survey.draft.resumed');
    // An earlier page sent these answers and they are not recorded yet (the token still opens the
    // survey): they were kept on the device to be sent, so they are sent, not offered again.
    this.resendAfterLoad = draft.queued || draft.attempted;
  }

  /** Keeps the draft: only once the agent has answered something (nothing is stored before they act). */
  private keepDraft(): void {
    const survey = this.loadedSurvey;
    if (!survey || (Object.keys(this.answers).length === 0 && !this.queued)) return;
    this.responseId ||= newId();
    const { answers, section, responseId, attempted, queued } = this;
    saveDraft(survey.id, { token: this.currentToken, answers, section, responseId, attempted, queued });
  }

  /** The sections and questions asked given the answers so far; a section left with no question is skipped. */
  private asked(survey: Survey): Asked {
    const code = this.questionsCode!;
    const answers: Record<string, unknown> = {};
    const sections: Asked['sections'] = [];
    for (const section of survey.sections) {
      if (!code.isSectionShown(section, answers)) continue;
      const questions: SurveyQuestion[] = [];
      for (const question of section.questions) {
        if (!code.isShown(question, answers)) continue;
        questions.push(question);
        if (Object.hasOwn(this.answers, question.id)) answers[question.id] = this.answers[question.id];
      }
      if (questions.length > 0) sections.push({ section, questions });
    }
    return { sections, answers };
  }

  /** The index of the section shown among those asked: the first when it is not (or no longer) asked. */
  private currentIndex(asked: Asked): number {
    return Math.max(0, asked.sections.findIndex(({ section }) => section.id === this.section));
  }

  protected answerChanged(): void {
    if (this.phase === 'failed') this.error = undefined;
    this.keepDraft();
  }

  // Every question with a problem is in the section shown: nothing to reveal.
  protected reveal(): void {}

  /** What is wrong with the answers to the questions `ids`, as one message per question id. */
  protected check(ids: readonly string[]): Map<string, string> {
    const survey = this.loadedSurvey!;
    const { answers } = this.asked(survey);
    const wanted = new Set(ids);
    const questions = new Map(survey.sections.flatMap(({ questions }) => questions.map((question) => [question.id, question] as const)));
    const problems = new Map<string, string>();
    for (const { path } of this.questionsCode!.surveyAnswerProblems(survey, answers)) {
      const id = path.replace(/^answers\./, '');
      const question = questions.get(id);
      if (question && wanted.has(id)) problems.set(id, this.problemMessage(question, answers[id]));
    }
    return problems;
  }

  /** Shows the section `id`, says so, and moves focus to its title. */
  private async goTo(id: string, asked: Asked): Promise<void> {
    const index = asked.sections.findIndex(({ section }) => section.id === id);
    this.section = id;
    this.phase = 'answering';
    this.problems = new Map();
    this.resumed = false;
    this.keepDraft();
    this.status = this.t('survey.section.status', { current: index + 1, total: asked.sections.length, title: asked.sections[index]!.section.title });
    await this.updateComplete;
    // Keyboard and screen-reader users land on the new part's title, not on the page's top.
    this.renderRoot.querySelector<HTMLElement>('[part="section-title"]')?.focus();
  }

  private start(): Promise<void> {
    const asked = this.asked(this.loadedSurvey!);
    return this.goTo(asked.sections[0]!.section.id, asked);
  }

  /**
   * Erases the answers and the draft, for an agent on a shared computer who stops here: whoever
   * opens the page next finds nothing of them. Not offered once Send was pressed, since the
   * draft then also tells this device that its answers may already be recorded.
   */
  private async forgetDraft(): Promise<void> {
    deleteDraft(this.loadedSurvey!.id);
    this.answers = {};
    this.orders = {};
    this.problems = new Map();
    this.responseId = '';
    this.section = '';
    this.resumed = false;
    this.phase = 'intro';
    this.status = this.t('survey.draft.forgotten');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const survey = this.loadedSurvey!;
    if (this.pending) return this.send();
    const asked = this.asked(survey);
    const index = this.currentIndex(asked);
    if (!this.validate(asked.sections[index]!.questions.map(({ id }) => id))) return;
    if (index < asked.sections.length - 1) return this.goTo(asked.sections[index + 1]!.section.id, asked);
    return this.send();
  }

  private back(): Promise<void> {
    const asked = this.asked(this.loadedSurvey!);
    return this.goTo(asked.sections[this.currentIndex(asked) - 1]!.section.id, asked);
  }

  private onToken(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const token = input.value.trim();
    if (!token) {
      this.tokenProblem = this.t('survey.token.missing');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="token-input"]')?.focus());
      return;
    }
    this.tokenProblem = '';
    this.focusAfterLoad = true;
    // The same token typed again after a failure is loaded again.
    if (token === this.typedToken) void this.load.run();
    this.typedToken = token;
  }

  /**
   * Sends the answers, or sends again the response that failed: with the same id, whether retried
   * now or after a reload. Resolves once it is settled.
   */
  async send(): Promise<void> {
    const survey = this.loadedSurvey;
    const adapter = this.resolveAdapter();
    const token = this.currentToken;
    if (!survey || !adapter || !this.questionsCode || this.retryBlock.blocked || ['sending', 'queued', 'sent'].includes(this.phase)) return;
    let response = this.pending;
    if (!response) {
      const asked = this.asked(survey);
      if (!this.validate(asked.sections.flatMap(({ questions }) => questions.map(({ id }) => id)))) {
        // Each part was checked on Next, but a draft may have been kept by an older definition:
        // the summary is shown in the first part with a problem.
        this.section = asked.sections.find(({ questions }) => questions.some(({ id }) => this.problems.has(id)))!.section.id;
        return;
      }
      this.responseId ||= newId();
      response = { id: this.responseId, answers: asked.answers };
    }
    this.pending = response;
    // A request of an earlier page, or an earlier one here, may have used the token already.
    const tried = this.attempted;
    this.queued = true;
    this.keepDraft();
    this.phase = 'sending';
    this.error = undefined;
    this.status = this.t('survey.sending');
    const sent = response;
    // Resolves once the response is settled for the agent: recorded, refused, or kept on the device.
    await sendThroughOutbox<SurveyResponse, SurveyReceipt | undefined>({
      adapter,
      name: this.pageOutbox.name(adapter),
      payload: sent,
      queued: (payload) => ({ kind: 'survey-response', payload: { survey: survey.id, token, response: payload } }),
      // Without the outbox's code, sent once by the same rule as its survey kind (see core's outbox kinds).
      direct: (payload) => {
        this.markAttempted(sent);
        const submission = { kind: 'survey-response', payload: { survey: survey.id, token, response: payload } } as const;
        return sendSubmission(adapter, submission, {}, tried) as Promise<Result<SurveyReceipt | undefined>>;
      },
      tried,
      kept: (reason, item) => {
        // This response's try failed: its request may have been recorded, its reply lost. Offline,
        // or another submission's try failing ahead of it in the outbox, none of this one left.
        if (item?.kind === 'survey-response' && item.key === sent.id) this.markAttempted(sent);
        return this.keep(sent, reason);
      },
      settle: (result) => this.settle(survey.id, sent, result),
    });
  }

  /**
   * Takes up the answers an earlier page handed to the outbox (the draft says so). The page's
   * outbox may be sending them already (see PageOutbox): its entry is watched, as the poll does,
   * rather than queued again, which after it is sent would go with no try marked and meet a
   * `token-used` of its own. Queued again only when no entry waits and the draft still does (the
   * entry was lost: memory-only storage); with neither, the outbox sent them meanwhile.
   */
  private async resume(survey: Survey): Promise<void> {
    const adapter = this.resolveAdapter();
    if (!adapter || !this.questionsCode) return;
    const id = this.responseId;
    const response: SurveyResponse = { id, answers: this.asked(survey).answers };
    this.pending = response;
    this.phase = 'sending';
    this.status = this.t('survey.sending');
    const isOurs = (item?: OutboxItem) => item?.kind === 'survey-response' && item.key === id;
    const left = await this.pageOutbox.leftWaiting(adapter, 'survey-response', isOurs, {
      settled: (_item, result) => {
        left?.stop();
        void this.settle(survey.id, response, result as Result<SurveyReceipt | undefined>);
      },
      waiting: (reason, item) => {
        if (isOurs(item)) this.markAttempted(response);
        void this.keep(response, reason);
      },
    });
    // Settled while it was looked up, or another survey shown meanwhile.
    if (this.pending !== response || this.phase !== 'sending') return left?.stop();
    // Found: it waits (why, when known), or the outbox is sending it now and the watch hears the answer.
    if (left?.items.length) return left.reason ? this.keep(response, left.reason) : undefined;
    left?.stop();
    if (readDraft(survey.id)?.responseId === id) {
      this.pending = undefined;
      this.phase = 'answering';
      return this.send();
    }
    return this.settle(survey.id, response, { ok: true, data: undefined });
  }

  /** A request with `response` may have left: a `token-used` reply to a later one means it was recorded. */
  private markAttempted(response: SurveyResponse): void {
    if (this.pending !== response || this.attempted) return;
    this.attempted = true;
    this.keepDraft();
  }

  /** The server's answer to `response`, however late: thanks (and the draft deleted), or the error display. */
  private async settle(survey: string, response: SurveyResponse, result: Result<SurveyReceipt | undefined>): Promise<void> {
    // Another survey was set meanwhile: the page hears it, the screen is the new one's.
    if (this.pending !== response) {
      if (result.ok) deleteDraft(survey);
      this.dispatchEvent(result.ok ? new SurveySubmittedEvent(survey, result.data) : new SurveyErrorEvent(survey, result.error));
      return;
    }
    this.waitingFor = undefined;
    if (!result.ok) return this.fail(survey, result.error);
    const focusWithin = this.phase === 'sending' || this.shadowRoot?.activeElement != null;
    // Only now that the server has the answers: until then the draft is what a reload resumes.
    deleteDraft(survey);
    this.pending = undefined;
    this.phase = 'sent';
    this.status = this.t('survey.thanks');
    this.dispatchEvent(new SurveySubmittedEvent(survey, result.data));
    await this.updateComplete;
    // The form is gone: focus goes to what replaced it rather than to the page's top (unless the
    // agent has gone elsewhere on the page while the answers waited).
    if (focusWithin) this.renderRoot.querySelector<HTMLElement>('[part="thanks"]')?.focus();
  }


  private fail(survey: string, error: AdapterError): void {
    // Only an error that a retry can mend keeps the response as sent; otherwise it can be mended.
    if (!isRetryable(error)) this.pending = undefined;
    if (error.kind === 'rate-limited' && error.retryAfter) this.retryBlock.blockFor(error.retryAfter);
    // Answers that can never be sent are not kept on the device.
    if (FINAL_REFUSALS.has(error.code)) deleteDraft(survey);
    this.error = error;
    this.phase = FINAL_REFUSALS.has(error.code) ? 'refused' : 'failed';
    this.status = this.errorMessage(error);
    this.dispatchEvent(new SurveyErrorEvent(survey, error));
    // The form is gone with a final refusal: focus goes to what says why, not to the page's top.
    if (this.phase === 'refused') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="error"]')?.focus());
  }

  private async reload(): Promise<void> {
    this.focusAfterLoad = true;
    await this.load.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.onHashChange();
    addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('survey')) {
      this.draftToken = (this.survey && readDraft(this.survey)?.token) || '';
      this.typedToken = '';
      this.section = '';
      this.phase = 'intro';
      this.status = '';
    }
  }

  protected override updated(): void {
    if (this.resendAfterLoad && this.loadedSurvey) {
      this.resendAfterLoad = false;
      void this.resume(this.loadedSurvey);
    }
    // After a typed token or a reload: focus goes to the title or the error its loading brought.
    if (!this.focusAfterLoad || this.load.status === TaskStatus.PENDING) return;
    this.focusAfterLoad = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="error"], [part="title"]')?.focus();
  }

  private errorMessage(error: AdapterError): string {
    if (OWN_MESSAGES.has(error.code)) return this.t(`survey.error.${error.code}` as MessageKey);
    switch (error.kind) {
      case 'network':
      case 'timeout':
      case 'server':
        return this.t(`survey.error.${error.kind}`);
      case 'rate-limited':
        return this.t('error.rate-limited', { seconds: error.retryAfter ?? 60 });
      case 'invalid': {
        const details = this.refusedQuestions(error, this.loadedSurvey?.sections.flatMap(({ questions }) => questions) ?? []);
        if (details) return this.t('survey.error.invalid', { details });
      }
    }
    return this.t('survey.error.refused');
  }

  private renderTitle(text: string): TemplateResult {
    return html`<div role="heading" aria-level=${Math.min(6, this.headingLevel)} part="title" class="heading" tabindex="-1">${text}</div>`;
  }

  private renderTokenForm(error?: AdapterError): TemplateResult {
    const problem = this.tokenProblem;
    return html`
      ${this.renderTitle(this.t('survey.token.title'))}
      ${error ? html`<p part="error" class="error" tabindex="-1">${this.errorMessage(error)}</p>` : nothing}
      <form part="token-form" class="token-form" @submit=${this.onToken} novalidate>
        <p>${this.t('survey.token.intro')}</p>
        <label for="token">${this.t('survey.token.label')}</label>
        <p class="hint" id="token-hint">${this.t('survey.token.hint')}</p>
        ${problem ? html`<p part="field-error" class="field-error" id="token-error">${problem}</p>` : nothing}
        <input
          id="token"
          part="token-input"
          name="token"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-describedby=${problem ? 'token-hint token-error' : 'token-hint'}
          aria-invalid=${problem || error ? 'true' : 'false'}
          .value=${this.typedToken}
        />
        <button type="submit" part="token-submit" class="button-primary">${this.t('survey.token.submit')}</button>
      </form>
    `;
  }

  private renderIntro(survey: Survey): TemplateResult {
    return html`
      ${survey.intro ? html`<p part="intro" class="description">${survey.intro}</p>` : nothing}
      <section part="anonymity" class="promise" aria-labelledby="anonymity-title">
        ${heading(this.headingLevel + 1, this.t('survey.anonymity.title'), '', 'anonymity-title')}
        <p>${this.t('survey.anonymity', { count: survey.minimumGroup ?? DEFAULT_MINIMUM_GROUP })}</p>
        <p>${this.t('survey.draft.note')}</p>
      </section>
      <button type="button" part="start" class="button-primary" @click=${this.start}>${this.t('survey.start')}</button>
    `;
  }

  private renderForm(survey: Survey): TemplateResult {
    const asked = this.asked(survey);
    const index = this.currentIndex(asked);
    const { section, questions } = asked.sections[index]!;
    const total = asked.sections.length;
    const last = index === total - 1;
    const retryable = this.phase === 'failed' && this.pending !== undefined;
    const code = this.questionsCode!;
    return html`
      ${this.resumed ? html`<p part="resumed" class="notice">${this.t('survey.draft.resumed')}</p>` : nothing}
      <form @submit=${this.onSubmit} novalidate>
        <div part="progress" class="progress">
          <p id="progress-label">${this.t('survey.progress', { current: index + 1, total })}</p>
          <progress max=${total} value=${index + 1} aria-labelledby="progress-label"></progress>
        </div>
        ${this.renderSummary(questions, this.headingLevel + 1)}
        <section part="section" aria-labelledby="section-title">
          <div role="heading" aria-level=${Math.min(6, this.headingLevel + 1)} id="section-title" part="section-title" class="heading section-title" tabindex="-1">
            ${section.title}
          </div>
          ${questions.map((question) => code.renderSurveyQuestion(this.fields, question))}
        </section>
        ${this.phase === 'failed' && this.error ? html`<p part="error" class="error">${this.errorMessage(this.error)}</p>` : nothing}
        ${this.renderActions({
          back: index > 0 && !this.locked ? this.back : undefined,
          last,
          retryable,
          sending: this.phase === 'sending',
          blocked: this.retryBlock.blocked,
        })}
        ${Object.keys(this.answers).length > 0 && !this.queued && !this.locked
          ? html`<p class="forget">
              <button type="button" part="forget" class="button-secondary" @click=${this.forgetDraft}>${this.t('survey.draft.forget')}</button>
            </p>`
          : nothing}
      </form>
    `;
  }

  private renderThanks(): TemplateResult {
    return html`
      <div part="thanks" class="thanks" tabindex="-1">
        <p class="thanks-title">${this.t('survey.thanks')}</p>
        <p>${this.t('survey.thanks.detail')}</p>
      </div>
    `;
  }

  private renderQueued(): TemplateResult {
    return html`
      <div part="queued" class="thanks" tabindex="-1">
        <p class="thanks-title">${this.queuedText()}</p>
        <p>${this.t('survey.queued.detail')}</p>
      </div>
    `;
  }

  private renderSurvey(survey: Survey): TemplateResult {
    const status = consultationStatus(survey);
    const dates = { opens: this.formatDate(survey.opensAt), closes: this.formatDate(survey.closesAt) };
    let content: unknown = nothing;
    if (this.phase === 'sent') content = this.renderThanks();
    else if (this.phase === 'queued') content = this.renderQueued();
    else if (this.phase === 'refused' && this.error) content = html`<p part="error" class="error" tabindex="-1">${this.errorMessage(this.error)}</p>`;
    else if (status !== 'open') content = nothing;
    else if (this.phase === 'intro') content = this.renderIntro(survey);
    else content = this.renderForm(survey);
    return html`
      ${this.renderTitle(survey.title)}
      ${this.phase === 'sent' || this.phase === 'queued' || this.phase === 'refused' ? nothing : html`<p part="dates" class="dates">${this.t(`survey.dates.${status}`, dates)}</p>`}
      ${content}
    `;
  }

  private renderResults(results: SurveyResults): TemplateResult {
    return html`<civic-survey-results part="results" .results=${results} lang=${this.language} heading-level=${this.headingLevel}></civic-survey-results>`;
  }

  private renderLoaded(loaded: Loaded): unknown {
    switch (loaded.kind) {
      case 'token':
        return this.renderTokenForm();
      case 'sent-before':
        return this.renderThanks();
      case 'results':
        return this.renderResults(loaded.results);
      case 'survey':
        return this.renderSurvey(loaded.survey);
    }
  }

  private renderLoadError(error: AdapterError): TemplateResult {
    if (TOKEN_REFUSALS.has(error.code)) return this.renderTokenForm(error);
    const retryable = isRetryable(error);
    const message = !retryable ? this.errorMessage(error) : this.t(this.results ? 'survey.manager.failed' : 'survey.error.load');
    return html`
      <p part="error" class="error" tabindex="-1">${message}</p>
      ${retryable ? html`<button type="button" part="retry" class="button-secondary" @click=${this.reload}>${this.t('error.retry')}</button>` : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const loading = () => html`<p>${this.t(this.results ? 'survey.manager.loading' : 'survey.loading')}</p>`;
    return html`
      <div part="base" class="base">
        ${this.load.render({
          initial: loading,
          pending: loading,
          complete: (loaded) => this.renderLoaded(loaded),
          error: (error) => this.renderLoadError(error as AdapterError),
        })}
        <p part="status" class="visually-hidden" role="status">${this.status}</p>
      </div>
    `;
  }
}
