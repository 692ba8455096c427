import { css } from 'lit';
import { tallyStyles } from '../internal/tally.styles.js';
import { tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  tallyStyles,
  css`
    :host {
      --_bar: var(--civic-survey-bar-color, var(--_primary));
    }

    .base {
      max-width: 48rem;
      overflow-wrap: anywhere;
    }

    .heading {
      margin: 0 0 0.5rem;
      font-weight: 700;
      font-size: 1.125rem;
      line-height: 1.3;
    }

    .title {
      font-size: 1.375rem;
    }

    p {
      margin: 0 0 0.5rem;
    }

    .participation {
      font-weight: 600;
    }

    .dates,
    .hint {
      color: var(--_muted);
    }

    .hint {
      font-size: 0.875rem;
    }

    .notice,
    .guide {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_primary);
      background: var(--_surface);
    }

    .notice p:last-child,
    .guide p:last-child {
      margin-bottom: 0;
    }

    .guide .heading {
      font-size: 1rem;
    }

    /* Side by side where there is room, one above the other in a narrow column. */
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      margin: 1rem 0;
    }

    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1 1 14rem;
      min-width: 0;
    }

    label {
      font-weight: 600;
    }

    select {
      font: inherit;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.375rem 0.5rem;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .tallies {
      margin-top: 1.5rem;
    }

    .section {
      margin: 1.5rem 0 0;
    }

    .section > .heading {
      padding-bottom: 0.25rem;
      border-bottom: 1px solid var(--_border);
    }

    .result {
      margin: 1rem 0 1.5rem;
    }

    .result .heading {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }

    .withheld {
      padding: 0.5rem 0.75rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      font-style: italic;
    }

    .statement {
      margin: 0.75rem 0 0;
    }

    .statement-label,
    .comments-title {
      margin: 0;
      font-weight: 600;
    }

    .comments {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }

    .comments li {
      margin: 0.25rem 0;
      white-space: pre-line;
    }
  `,
];
