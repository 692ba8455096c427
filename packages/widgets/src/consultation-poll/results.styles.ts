import { css } from 'lit';
import { tallyStyles } from '../internal/tally.styles.js';

// Adopted by the poll once the results' code is fetched (see results.ts); `.results`, the section drawn
// before that, is styled with the poll. The bars are the shared tally's.

export const resultStyles = css`
  :host {
    --_bar: var(--civic-poll-bar-color, var(--_primary));
  }

  .result {
    margin: 0 0 1.5rem;
  }

  .result .heading {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }

  ${tallyStyles}
`;
