import { css } from 'lit';
import { styles as pollStyles } from '../consultation-poll/consultation-poll.styles.js';

// The poll's layout (title, dates, progress, error summary, errors, thanks, buttons), plus the
// survey's own parts: the token form, the anonymity promise and the draft's notices.
export const styles = [
  ...pollStyles,
  css`
    .base {
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .token-form label {
      display: block;
      font-weight: 600;
    }

    .token-form input {
      display: block;
      width: 100%;
      max-width: 24rem;
      min-height: 2.75rem;
      margin: 0 0 1rem;
      padding: 0.5rem;
      font: inherit;
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .token-form input[aria-invalid='true'] {
      border: 2px solid var(--_danger);
    }

    .promise {
      margin: 0 0 1.25rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_primary);
      background: var(--_surface);
    }

    .promise p {
      margin: 0 0 0.5rem;
    }

    .promise p:last-child {
      margin: 0;
    }

    .section-title {
      font-size: 1.25rem;
    }

    .notice p {
      margin: 0;
    }

    .forget {
      margin: 1.5rem 0 0;
    }
  `,
];
