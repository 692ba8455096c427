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

    /* One question's error, and the survey's token field's: the same look in both elements. */
    .field-error {
      margin: 0 0 0.5rem;
      color: var(--_danger);
      font-weight: 600;
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

    .hint {
      margin: 0 0 0.5rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .results {
      margin-top: 1rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }

    /* The ideas are a section of their own: set apart from the buttons or results above them. */
    civic-consultation-ideas {
      display: block;
      margin-top: 2.5rem;
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
