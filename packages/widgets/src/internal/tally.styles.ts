import { css } from 'lit';

// The bars of a tally (tally.ts), shared by the poll's results and the survey's. Each element sets
// `--_bar` from its own component token.

export const tallyStyles = css`
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
    display: block;
    width: 100%;
    height: 1rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    background: var(--_surface);
    appearance: none;
    overflow: hidden;
  }

  .bar progress::-webkit-progress-bar {
    background: var(--_surface);
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
