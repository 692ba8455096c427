import { css } from 'lit';
import { questionStyles } from '../consultation-poll/questions.styles.js';

// The poll's question styles, plus the matrix's: each statement a light group whose options wrap
// across the line on a wide column and stack on a narrow one.
export const surveyQuestionStyles = css`
  ${questionStyles}

  .statement {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  .statement-label {
    padding: 0 0.25rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .statement .choices {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.25rem;
  }
`;
