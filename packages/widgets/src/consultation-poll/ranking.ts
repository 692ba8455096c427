import { html, type nothing, type TemplateResult } from 'lit';
import type { Question } from '@civic-pulse/core';
import type { Fields } from './questions.js';

// Ranking without dragging: each item has "move up" and "move down" buttons, which work the same
// with a keyboard, a finger, a mouse, a switch or voice control, and the new position is announced.
// The order shown first is the definition's, not the person's: it counts as an answer only once
// they have moved an item or ticked the box that says they keep the order as it is.

/** `order` with `option` moved `by` places, or `undefined` when it is already at that end. */
export function moved(order: readonly string[], option: string, by: -1 | 1): string[] | undefined {
  const from = order.indexOf(option);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return undefined;
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, option);
  return next;
}

const ARROW = { up: 'M12 5l-7 7h4.5v7h5v-7H19z', down: 'M12 19l7-7h-4.5V5h-5v7H5z' };

/** `id` is the question's label id (see `labelId`), the others its parts, made by questions.ts. */
export function renderRanking(fields: Fields, question: Question, id: string, describedBy: string | typeof nothing, label: TemplateResult, notes: TemplateResult): TemplateResult {
  const labels = new Map((question.options ?? []).map((option) => [option.id, option.label]));
  const order = fields.orders[question.id] ?? [...labels.keys()];
  const confirmed = Array.isArray(fields.answers[question.id]);
  const invalid = fields.problems.has(question.id) ? 'true' : 'false';
  const button = (option: string, direction: 'up' | 'down', edge: boolean) => html`
    <button
      type="button"
      part="move move-${direction}"
      class="move button-secondary"
      data-direction=${direction}
      aria-disabled=${edge ? 'true' : 'false'}
      @click=${() => !edge && fields.move(question, option, direction === 'up' ? -1 : 1)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${ARROW[direction]} /></svg>
      <span class="visually-hidden">${fields.t(`poll.ranking.${direction}`, { option: labels.get(option) ?? option })}</span>
    </button>
  `;
  return html`
    <fieldset part="question" class="question question-ranking" id="${id}-group" aria-describedby=${describedBy} ?disabled=${fields.locked}>
      <legend part="legend" id=${id} tabindex="-1">${label}</legend>
      ${notes}
      <ol part="ranking" class="ranking">
        ${order.map(
          (option, index) => html`
            <li part="ranking-item" class="ranking-item" data-option=${option}>
              <span class="rank" aria-hidden="true">${index + 1}</span>
              <span class="ranking-label">${labels.get(option)}</span>
              ${button(option, 'up', index === 0)} ${button(option, 'down', index === order.length - 1)}
            </li>
          `,
        )}
      </ol>
      <label part="choice" class="choice">
        <input type="checkbox" .checked=${confirmed} aria-invalid=${invalid} @change=${(event: Event) => fields.set(question, (event.target as HTMLInputElement).checked ? order : undefined)} />
        <span>${fields.t('poll.ranking.confirm')}</span>
      </label>
    </fieldset>
  `;
}
