import { css } from 'lit';

// Adopted by the poll once the questions' code is fetched (see questions.ts).
export const questionStyles = css`
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
`;
