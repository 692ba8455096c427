import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { loadLanguage, type AdapterError, type MessageKey, type Params, type Question } from '@civic-pulse/core';
import { heading, labelId, type LazyPart } from '../consultation-poll/parts.js';
import { adopt } from './adopt.js';
import type { Fields } from '../consultation-poll/questions.js';
import { CivicElement } from './civic-element.js';
import { keptMessage } from './kept-message.js';
import { PageOutbox } from './page-outbox.js';
import type { WaitReason } from './submission-outbox.js';
import { sendButton } from './send-button.js';

/** What the question controls' lazy code gives every element that asks questions (the poll's questions.ts, the survey's survey-questions.ts). */
export interface QuestionsCode extends LazyPart {
  moved(order: readonly string[], option: string, by: -1 | 1): string[] | undefined;
  choiceRule(fields: Fields, question: Question): string;
}

/** A question as the shared code reads it: the poll's, or a survey's, whose type may also be `matrix`. */
export interface AskedQuestion {
  id: string;
  type: string;
  label: string;
  options?: readonly { id: string; label: string }[];
}

/** What the form's buttons show (see `renderActions`). */
export interface ActionsState {
  /** Goes back a step; the Previous button is shown only with it. */
  back?: () => unknown;
  /** The last step: Send rather than Next. */
  last: boolean;
  /** The response that failed may be sent again: Retry rather than Send. */
  retryable: boolean;
  sending: boolean;
  /** The server's Retry-After still runs. */
  blocked: boolean;
}

/** The keys of the messages that each element says in its own words. */
export interface AnsweringWords {
  summaryTitle: MessageKey;
  summarySeparator: MessageKey;
  required: MessageKey;
  answer: MessageKey;
  ranking: MessageKey;
  /** The buttons: back a step, on to the next, send, and what the send button says while sending. */
  previous: MessageKey;
  next: MessageKey;
  send: MessageKey;
  sending: MessageKey;
  /** The response is kept on the device until the connection returns, or until the server lets it in (`queuedLater`). */
  queued: MessageKey;
  queuedLater: MessageKey;
  /** An incomplete matrix (a survey's). */
  matrix?: MessageKey;
  /** Keys the question controls use that this element's catalog words otherwise (`poll.yes` → `survey.yes`). */
  borrowed?: Partial<Record<MessageKey, MessageKey>>;
}

/**
 * What the poll and the agents' survey share as elements that ask questions: the answers given,
 * the order each ranking shows, the problems found, the question controls' code fetched lazily,
 * a ranking's moves announced with focus following the item, and the error summary.
 */
export abstract class AnsweringElement<Code extends QuestionsCode> extends CivicElement {
  @state() protected answers: Record<string, unknown> = {};
  @state() protected orders: Record<string, string[]> = {};
  @state() protected problems = new Map<string, string>();
  @state() protected status = '';
  /** Why the response waits in the outbox: offline, or the server asked to wait (`rate-limited`, `server`). */
  @state() protected waitingFor?: WaitReason;
  /** Set once the question controls' code is here, its styles adopted and its messages loaded. */
  protected questionsCode?: Code;
  /** The page's outbox: what an earlier page left is sent, and its code comes with the view, so that answers given offline are kept. */
  protected readonly pageOutbox = new PageOutbox(this, { adapter: () => this.resolveAdapter(), key: (adapter) => this.adapterKey(adapter) });
  /** Where the response stands; `sending` and `queued` are the ones this class reads and sets (see `keep`). */
  protected abstract phase: string;
  /** The response being sent, kept as it is so that a retry carries the same id and answers. */
  protected abstract pending?: object;

  protected abstract readonly words: AnsweringWords;
  /** True while sending, or while holding a response to retry: answers cannot change. */
  protected abstract get locked(): boolean;
  /** What is wrong with the answers to the questions `ids`, as one message per question id (see `problemMessage`). */
  protected abstract check(ids: readonly string[]): Map<string, string>;
  /** Called after each answer given or taken back. */
  protected abstract answerChanged(): void;

  protected get fields(): Fields {
    const { borrowed = {} } = this.words;
    return {
      t: (key: MessageKey, params?: Params) => this.t(borrowed[key] ?? key, params),
      answers: this.answers,
      problems: this.problems,
      orders: this.orders,
      locked: this.locked,
      set: (question, value) => this.setAnswer(question, value),
      move: (question, option, by) => void this.move(question, option, by),
    };
  }

  protected setAnswer(question: { id: string }, value: unknown): void {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = value;
    this.answers = answers;
    // Once errors are shown, each answer mended takes its error away at once.
    if (this.problems.has(question.id)) this.problems = this.check([question.id]);
    // The outbox's code, if its fetch with the view failed: here by the send.
    this.pageOutbox.answered();
    this.answerChanged();
  }

  private async move(question: AskedQuestion, option: string, by: -1 | 1): Promise<void> {
    const order = this.questionsCode!.moved(this.orders[question.id] ?? (question.options ?? []).map(({ id }) => id), option, by);
    if (!order) return;
    this.orders = { ...this.orders, [question.id]: order };
    this.setAnswer(question, order);
    const label = question.options?.find(({ id }) => id === option)?.label ?? option;
    this.status = this.t('poll.ranking.moved', { option: label, position: order.indexOf(option) + 1, total: order.length });
    await this.updateComplete;
    // The list is drawn anew in its new order: focus follows the item, not the place it left.
    const direction = by < 0 ? 'up' : 'down';
    this.renderRoot.querySelector<HTMLElement>(`#${labelId(question)}-group [data-option="${option}"] [data-direction="${direction}"]`)?.focus();
  }

  protected problemMessage(question: AskedQuestion, answer: unknown): string {
    const { words } = this;
    if (question.type === 'ranking') return this.t(words.ranking);
    if (question.type === 'matrix' && words.matrix) return this.t(words.matrix);
    if (question.type === 'multiple' && answer !== undefined) return this.questionsCode!.choiceRule(this.fields, question as Question);
    return this.t(answer === undefined ? words.required : words.answer);
  }

  /** Checks the questions `ids` at once; when something is wrong, shows it and moves focus to the list of problems. */
  protected validate(ids: readonly string[]): boolean {
    this.problems = this.check(ids);
    if (this.problems.size === 0) return true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="error-summary"]')?.focus());
    return false;
  }

  /** A lazy part once its messages are there in the element's language and its styles adopted. */
  protected async lazyPart<Part extends LazyPart>(code: Promise<Part>): Promise<Part> {
    const part = await code;
    await loadLanguage(this.language, [part.messages]);
    adopt(this.renderRoot as ShadowRoot, part.styles);
    return part;
  }

  /** Shows `question` (in steps, makes it the one shown) before its first control takes focus. */
  protected abstract reveal(question: AskedQuestion): void;

  private async onProblemClick(event: Event, question: AskedQuestion): Promise<void> {
    event.preventDefault();
    this.reveal(question);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${labelId(question)}-group :is(input, textarea, button)`)?.focus();
  }

  /** The answers missing or to correct among `questions`, each a link to its question; it takes focus (see `validate`). */
  protected renderSummary(questions: readonly AskedQuestion[], level: number): TemplateResult | typeof nothing {
    if (this.problems.size === 0) return nothing;
    return html`
      <div part="error-summary" class="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
        ${heading(level, this.t(this.words.summaryTitle), '', 'summary-title')}
        <ul>
          ${questions
            .filter(({ id }) => this.problems.has(id))
            .map(
              (question) => html`
                <li>
                  <a href="#${labelId(question)}" @click=${(event: Event) => this.onProblemClick(event, question)}>
                    ${question.label}${this.t(this.words.summarySeparator)}${this.problems.get(question.id)}
                  </a>
                </li>
              `,
            )}
        </ul>
      </div>
    `;
  }

  /**
   * The form's buttons: Previous when `back` is given; Next, or on the last step Send (Retry when
   * the response that failed may be sent again), held while sending or while `blocked`.
   */
  protected renderActions({ back, last, retryable, sending, blocked }: ActionsState): TemplateResult {
    const { words } = this;
    return html`
      <div class="actions">
        ${back ? html`<button type="button" part="previous" class="button-secondary" @click=${back}>${this.t(words.previous)}</button>` : nothing}
        ${last
          ? sendButton({ sending, retryable, blocked }, { send: this.t(words.send), sending: this.t(words.sending), retry: this.t('error.retry') })
          : html`<button type="submit" part="next" class="button-primary" aria-disabled=${sending || blocked ? 'true' : 'false'}>${this.t(words.next)}</button>`}
      </div>
    `;
  }

  /** The labels of the questions whose answers the server refused (`error.fields`), as a list in words; empty when it named none. */
  protected refusedQuestions(error: AdapterError, questions: readonly AskedQuestion[]): string {
    const names = (error.fields ?? []).map(({ path }) => questions.find(({ id }) => path === `answers.${id}`)?.label ?? path);
    return new Intl.ListFormat(this.language).format(names);
  }

  protected queuedText(): string {
    return this.t(keptMessage(this.waitingFor, this.words.queued, this.words.queuedLater));
  }

  /**
   * `response` could not be sent yet but is safe on the device, for `reason`: says so, and the
   * first time moves focus to the part that does. Nothing if another response is shown meanwhile.
   */
  protected async keep(response: object, reason: WaitReason): Promise<void> {
    if (this.pending !== response || (this.phase !== 'sending' && this.phase !== 'queued')) return;
    const first = this.phase === 'sending';
    this.phase = 'queued';
    this.waitingFor = reason;
    this.status = this.queuedText();
    if (!first) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="queued"]')?.focus();
  }

  // Once the controls are here, their messages follow the element's language as the element's own do.
  protected override async scheduleUpdate(): Promise<void> {
    if (this.questionsCode) await loadLanguage(this.language, [this.questionsCode.messages]);
    return super.scheduleUpdate();
  }
}
