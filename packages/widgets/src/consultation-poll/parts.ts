import { adoptStyles, html, nothing, type CSSResult } from 'lit';
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

/**
 * Adds a lazy part's styles to the poll's shadow root, once. An adopted stylesheet, as Lit's own:
 * nothing inline, so a strict CSP (no 'unsafe-inline' style) allows it; where a browser cannot
 * adopt, Lit's `adoptStyles` appends a <style> with the page's nonce, as it does for the element.
 */
export function adopt(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet) adoptStyles(root, [styles]);
  else if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
