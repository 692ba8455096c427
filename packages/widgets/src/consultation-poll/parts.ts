import { html, nothing, type CSSResult } from 'lit';
import type { MessageBundle } from '@civic-pulse/core';

// What the poll shares with the parts of it fetched only when needed (questions.ts, results.ts).

/**
 * A heading at `level`, as ARIA says it: the right level depends on the host page, which an
 * element cannot know, so it is an attribute (`heading-level`) rather than a tag name.
 */
export const heading = (level: number, content: unknown, part = '', id = '') =>
  html`<div role="heading" aria-level=${Math.min(6, level)} part=${part || nothing} id=${id || nothing} class="heading">${content}</div>`;

/** The id of the element that holds a question's label, and of its other parts (`-error`, `-hint`…). */
export const labelId = (question: { id: string }) => `q-${question.id}`;

/** A part of the poll fetched when first needed: its templates come with their styles and messages. */
export interface LazyPart {
  styles: CSSResult;
  messages: MessageBundle;
}
