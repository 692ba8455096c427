import { html, nothing } from 'lit';

/**
 * A heading at `level`, as ARIA says it: the right level depends on the host page, which an
 * element cannot know, so it is an attribute (`heading-level`) rather than a tag name.
 */
export const heading = (level: number, content: unknown, part = '', id = '') =>
  html`<div role="heading" aria-level=${Math.min(6, level)} part=${part || nothing} id=${id || nothing} class="heading">${content}</div>`;
