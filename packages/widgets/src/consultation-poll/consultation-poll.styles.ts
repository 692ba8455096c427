import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  css`
    .base {
      max-width: 48rem;
    }

    .heading {
      margin: 0 0 0.5rem;
      font-weight: 700;
      font-size: 1.125rem;
      line-height: 1.3;
    }

    [part='title'] {
      font-size: 1.375rem;
    }

    .description {
      margin: 0 0 0.5rem;
      white-space: pre-line;
    }

    .dates {
      margin: 0 0 1rem;
      color: var(--_muted);
    }

    .progress p {
      margin: 0 0 0.25rem;
      font-weight: 600;
    }

    progress {
      display: block;
      width: 100%;
      height: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 0.25rem;
      background: var(--_surface);
      appearance: none;
      overflow: hidden;
    }

    progress::-webkit-progress-bar {
      background: var(--_surface);
    }

    progress::-webkit-progress-value {
      background: var(--_primary);
    }

    progress::-moz-progress-bar {
      background: var(--_primary);
    }

    .progress {
      margin-bottom: 1.25rem;
    }

    .question {
      margin: 0 0 1.5rem;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    [part='legend'] {
      display: block;
      padding: 0;
      margin-bottom: 0.5rem;
      font-weight: 600;
      font-size: 1.125rem;
    }

    .required {
      font-weight: 400;
      font-size: 1rem;
      color: var(--_muted);
    }

    .hint {
      margin: 0 0 0.5rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .choices {
      display: grid;
      gap: 0.25rem;
    }

    /* A scale reads across, its two ends labelled; it wraps on a narrow screen. */
    .question-scale .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .question-scale .choice {
      flex-direction: column;
      justify-content: center;
      min-width: 2.75rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      text-align: center;
    }

    .scale-end {
      display: block;
      max-width: 8rem;
      font-size: 0.875rem;
      color: var(--_muted);
    }

    .choice {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      cursor: pointer;
    }

    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
    }

    fieldset:disabled .choice {
      cursor: default;
      opacity: 0.75;
    }

    textarea {
      display: block;
      width: 100%;
      font: inherit;
      color: inherit;
      background: var(--_surface);
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      resize: vertical;
    }

    .counter {
      margin: 0.25rem 0 0;
    }

    [aria-invalid='true']:is(textarea) {
      border: 2px solid var(--_danger);
    }

    .field-error {
      margin: 0 0 0.5rem;
      color: var(--_danger);
      font-weight: 600;
    }

    .ranking {
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.5rem;
    }

    .ranking-item {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.25rem 0.25rem 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .rank {
      flex: none;
      min-width: 1.75rem;
      font-weight: 600;
      color: var(--_primary);
    }

    .ranking-label {
      flex: 1 1 auto;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .move {
      flex: none;
      width: 2.75rem;
      padding: 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
    }

    .move svg {
      width: 1.5rem;
      height: 1.5rem;
      fill: currentColor;
    }

    .move[aria-disabled='true'] {
      cursor: default;
      opacity: 0.4;
    }

    .results {
      margin-top: 1rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }

    .error-summary {
      margin: 0 0 1.25rem;
      padding: 0.75rem 1rem;
      border: 3px solid var(--_danger);
      border-radius: var(--_radius);
    }

    .error-summary ul {
      margin: 0;
      padding-left: 1.25rem;
    }

    .error-summary a {
      color: var(--_danger);
      font-weight: 600;
    }

    .error {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      color: var(--_danger);
      border-left: 4px solid var(--_danger);
      background: var(--_surface);
    }

    .thanks,
    .notice {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_success);
    }

    .thanks-title {
      margin: 0;
      font-weight: 600;
      color: var(--_success);
    }

    /* High contrast modes would paint every bar's fill as its background: system colours instead. */
    @media (forced-colors: active) {
      progress {
        forced-color-adjust: none;
        border-color: CanvasText;
      }

      progress::-webkit-progress-bar {
        background: Canvas;
      }

      progress::-webkit-progress-value {
        background: Highlight;
      }

      progress::-moz-progress-bar {
        background: Highlight;
      }
    }
  `,
];
