import { css } from 'lit';

// Adopted by the poll once the results' code is fetched (see results.ts); `.results`, the section drawn
// before that, is styled with the poll.

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

  .mean {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }

  /* Label above its bar and numbers: it fits a 320 px wide column, whatever the labels' length. The
     rows share one grid, so that every bar of a question has the same length to be compared by. */
  .bars {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.125rem 0.75rem;
    align-items: center;
  }

  .bar {
    display: contents;
  }

  .bar-label {
    grid-column: 1 / -1;
    margin-top: 0.375rem;
    overflow-wrap: anywhere;
  }

  .bar progress {
    height: 1rem;
  }

  .bar progress::-webkit-progress-value {
    background: var(--_bar);
  }

  .bar progress::-moz-progress-bar {
    background: var(--_bar);
  }

  .bar-value {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    :host {
      --_bar: Highlight;
    }
  }
`;
