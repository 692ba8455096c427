import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, Params, Question } from '@civic-pulse/core';
import { labelId } from './parts.js';
import { renderRanking } from './ranking.js';

// Fetched by the poll alongside the consultation, unless this browser has answered already, with
// its styles and messages (a `LazyPart`): a browser that will not answer downloads none of them.
export { questionStyles as styles } from './questions.styles.js';
export { pollQuestionsMessages as messages } from '@civic-pulse/core';
export { moved } from './ranking.js';
// The answers' rules, as the server checks them: needed only where answers are given.
export { answerProblems, isShown } from '@civic-pulse/core';

/** What the question templates need from the poll: its messages, the answers so far, and where to write. */
export interface Fields {
  t(key: MessageKey, params?: Params): string;
  readonly answers: Readonly<Record<string, unknown>>;
  /** Error message per question id, once the person has tried to go on. */
  readonly problems: ReadonlyMap<string, string>;
  /** The order each ranking shows now, answered or not. */
  readonly orders: Readonly<Record<string, readonly string[]>>;
  /** True while sending, or while holding a response to retry: answers cannot change. */
  readonly locked: boolean;
  /** Records an answer; `undefined` takes it back. */
  set(question: Question, value: unknown): void;
  move(question: Question, option: string, by: -1 | 1): void;
}

/**
 * What to choose in a multiple-choice question, said up front and said again when not met; empty
 * when any number will do.
 */
export function choiceRule(fields: Fields, question: Question): string {
  const options = question.options?.length ?? 0;
  if (question.min === undefined && question.max === undefined) return fields.t('poll.multiple.any');
  const min = question.min ?? (question.required ? 1 : 0);
  const max = question.max ?? options;
  if (min === max) return fields.t('poll.multiple.exactly', { count: min });
  if (max === options) return fields.t('poll.multiple.at-least', { min });
  if (min <= 1) return fields.t('poll.multiple.at-most', { max });
  return fields.t('poll.multiple.between', { min, max });
}

export function describedBy(fields: Fields, question: Question, extra: string[] = []): string | typeof nothing {
  const id = labelId(question);
  return [question.help ? `${id}-help` : '', ...extra, fields.problems.has(question.id) ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
}

export function label(fields: Fields, question: Question): TemplateResult {
  // The space is data, not template: the build's HTML minifier trims a template's leading space.
  return html`${question.label}${question.required ? [' ', html`<span class="required">${fields.t('poll.required')}</span>`] : nothing}`;
}

export function notes(fields: Fields, question: Question, hint?: string): TemplateResult {
  const id = labelId(question);
  const error = fields.problems.get(question.id);
  return html`
    ${question.help ? html`<p class="hint" id="${id}-help">${question.help}</p>` : nothing}
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? html`<p part="field-error" class="field-error" id="${id}-error">${error}</p>` : nothing}
  `;
}

interface Choice {
  value: string;
  label: string | TemplateResult;
  checked: boolean;
}

function group(fields: Fields, question: Question, type: 'radio' | 'checkbox', choices: Choice[], onChange: (input: HTMLInputElement) => void, hint?: string): TemplateResult {
  const id = labelId(question);
  const invalid = fields.problems.has(question.id);
  return html`
    <fieldset part="question" class="question question-${question.type}" id="${id}-group" aria-describedby=${describedBy(fields, question, hint ? [`${id}-hint`] : [])} ?disabled=${fields.locked}>
      <legend part="legend" id=${id} tabindex="-1">${label(fields, question)}</legend>
      ${notes(fields, question, hint)}
      <div part="choices" class="choices">
        ${choices.map(
          (choice) => html`
            <label part="choice" class="choice">
              <input
                type=${type}
                name=${question.id}
                .value=${choice.value}
                .checked=${choice.checked}
                aria-invalid=${invalid ? 'true' : 'false'}
                @change=${(event: Event) => onChange(event.target as HTMLInputElement)}
              />
              <span>${choice.label}</span>
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

function text(fields: Fields, question: Question): TemplateResult {
  const id = labelId(question);
  const value = typeof fields.answers[question.id] === 'string' ? (fields.answers[question.id] as string) : '';
  const max = question.maxLength ?? 0;
  return html`
    <div part="question" class="question question-text" id="${id}-group">
      <label part="legend" id=${id} for="${id}-input" tabindex="-1">${label(fields, question)}</label>
      ${notes(fields, question)}
      <textarea
        id="${id}-input"
        part="text"
        rows="4"
        maxlength=${max}
        aria-describedby=${describedBy(fields, question, [`${id}-count`])}
        aria-invalid=${fields.problems.has(question.id) ? 'true' : 'false'}
        .value=${value}
        ?disabled=${fields.locked}
        @input=${(event: Event) => fields.set(question, (event.target as HTMLTextAreaElement).value || undefined)}
      ></textarea>
      <p class="hint counter" id="${id}-count">${fields.t('poll.text.remaining', { count: max - value.length, max })}</p>
    </div>
  `;
}

/** One question, in the form control its type calls for, with its label, help, hint and error. */
export function renderQuestion(fields: Fields, question: Question): TemplateResult {
  const answer = fields.answers[question.id];
  const options = question.options ?? [];
  switch (question.type) {
    case 'single':
      return group(
        fields,
        question,
        'radio',
        options.map((option) => ({ value: option.id, label: option.label, checked: answer === option.id })),
        (input) => fields.set(question, input.value),
      );
    case 'yesno':
      return group(
        fields,
        question,
        'radio',
        [true, false].map((yes) => ({ value: String(yes), label: fields.t(yes ? 'poll.yes' : 'poll.no'), checked: answer === yes })),
        (input) => fields.set(question, input.value === 'true'),
      );
    case 'scale': {
      const min = question.min ?? 0;
      const max = question.max ?? 0;
      const ends: Record<number, string | undefined> = { [min]: question.minLabel, [max]: question.maxLabel };
      return group(
        fields,
        question,
        'radio',
        Array.from({ length: max - min + 1 }, (_, index) => {
          const value = min + index;
          const end = ends[value];
          return { value: String(value), label: end ? html`${value} <span class="scale-end">${end}</span>` : String(value), checked: answer === value };
        }),
        (input) => fields.set(question, Number(input.value)),
      );
    }
    case 'multiple': {
      const chosen = Array.isArray(answer) ? (answer as string[]) : [];
      return group(
        fields,
        question,
        'checkbox',
        options.map((option) => ({ value: option.id, label: option.label, checked: chosen.includes(option.id) })),
        (input) => {
          const next = options.filter((option) => (option.id === input.value ? input.checked : chosen.includes(option.id))).map((option) => option.id);
          fields.set(question, next.length > 0 ? next : undefined);
        },
        choiceRule(fields, question),
      );
    }
    case 'ranking': {
      const id = labelId(question);
      return renderRanking(fields, question, id, describedBy(fields, question, [`${id}-hint`]), label(fields, question), notes(fields, question, fields.t('poll.ranking.hint')));
    }
    case 'text':
      return text(fields, question);
  }
}
