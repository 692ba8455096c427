import { html, type TemplateResult } from 'lit';
import type { Question, SurveyQuestion } from '@civic-pulse/core';
import { labelId } from '../consultation-poll/parts.js';
import { describedBy, label, notes, renderQuestion, type Fields } from '../consultation-poll/questions.js';
import { surveyQuestionStyles } from './survey-questions.styles.js';

// The survey's question controls, fetched alongside the survey as the poll fetches its own: the
// poll's controls (questions.ts, the same chunk on a page with both) plus the matrix, and the
// answers' rules the server applies to a survey.
export { surveyQuestionStyles as styles };
export { pollQuestionsMessages as messages, isSectionShown, isShown, surveyAnswerProblems } from '@civic-pulse/core';
export { choiceRule, type Fields } from '../consultation-poll/questions.js';
export { moved } from '../consultation-poll/ranking.js';

// The poll's helpers read only a question's id, label, help and required flag, which a survey's
// question has as a consultation's does; only its `type` may also be `matrix`.
const asQuestion = (question: SurveyQuestion) => question as unknown as Question;

/** One survey question: a matrix here, any other type as the poll draws it. */
export function renderSurveyQuestion(fields: Fields, question: SurveyQuestion): TemplateResult {
  return question.type === 'matrix' ? renderMatrix(fields, question) : renderQuestion(fields, asQuestion(question));
}

/**
 * A matrix as one fieldset per statement, its options as radios, inside the question's fieldset;
 * not as a table of radios. A table asks a screen reader to read each cell with its row and column
 * headers, which they do unevenly for form controls, and five columns of options either overflow
 * a 320 px intranet column or scroll sideways (WCAG 1.4.10 reflow). Fieldsets reflow at any width,
 * each radio is named by its option and each group by its statement, and each statement is a
 * native radio group: arrow keys choose within it, Tab goes on to the next statement.
 */
function renderMatrix(fields: Fields, question: SurveyQuestion): TemplateResult {
  const id = labelId(asQuestion(question));
  const given = fields.answers[question.id];
  const chosen = (typeof given === 'object' && given !== null ? given : {}) as Readonly<Record<string, string>>;
  const invalid = fields.problems.has(question.id);
  const choose = (statement: string, option: string) => fields.set(asQuestion(question), { ...chosen, [statement]: option });
  return html`
    <fieldset part="question" class="question question-matrix" id="${id}-group" aria-describedby=${describedBy(fields, asQuestion(question))} ?disabled=${fields.locked}>
      <legend part="legend" id=${id} tabindex="-1">${label(fields, asQuestion(question))}</legend>
      ${notes(fields, asQuestion(question))}
      ${(question.statements ?? []).map(
        (statement) => html`
          <fieldset part="statement" class="statement">
            <legend part="statement-label" class="statement-label">${statement.label}</legend>
            <div part="choices" class="choices">
              ${(question.options ?? []).map(
                (option) => html`
                  <label part="choice" class="choice">
                    <input
                      type="radio"
                      name="${question.id}.${statement.id}"
                      .value=${option.id}
                      .checked=${chosen[statement.id] === option.id}
                      aria-invalid=${invalid && chosen[statement.id] === undefined ? 'true' : 'false'}
                      @change=${() => choose(statement.id, option.id)}
                    />
                    <span>${option.label}</span>
                  </label>
                `,
              )}
            </div>
          </fieldset>
        `,
      )}
    </fieldset>
  `;
}
