import { html, nothing, type TemplateResult } from 'lit';
import { isWithheld, type Language, type MessageKey, type Params, type SurveyQuestion, type SurveyQuestionResult, type SurveyQuestionTally } from '@civic-pulse/core';
import { countOf, percentFormat, renderTally, shareOf, tallyBars, type Say } from '../internal/tally.js';
import { heading } from '../consultation-poll/parts.js';

// One question of the survey's results, as <civic-survey-results> draws it for the whole survey or
// for one group: the poll's tallies (internal/tally.ts) for the types the poll has, plus what a
// survey adds: a matrix, comments, and the tallies withheld to protect anonymity.

export type Translate = (key: MessageKey, params?: Params) => string;

/** What every question of one view shares: the words, the language, the minimums, and whether it is the whole survey. */
export interface QuestionContext {
  t: Translate;
  lang: Language;
  /** Level of each question's heading. */
  level: number;
  minimumGroup: number;
  minimumComments: number;
  /** The whole survey, which alone shows comments; else one group of a breakdown. */
  whole: boolean;
}

/** The shared tally's words, from the survey results' catalog. */
const sayWith = (t: Translate): Say => (word, params) => t(`survey-results.${word}`, params);

/** Said in place of anything withheld: never a blank or a 0. */
export const withheldNote = (text: string) => html`<p part="withheld" class="withheld">${text}</p>`;

function matrix(context: QuestionContext, question: SurveyQuestion, tally: SurveyQuestionTally): TemplateResult {
  const { t, lang, minimumGroup } = context;
  const say = sayWith(t);
  const percent = percentFormat(lang);
  const number = new Intl.NumberFormat(lang);
  const options = question.options ?? [];
  const statements = (question.statements ?? []).map((statement) => ({ statement, result: tally.statements?.[statement.id] ?? { answered: 0, counts: {} } }));
  const withheld = t('survey-results.withheld', { minimum: minimumGroup });
  return html`
    <div class="statements" aria-hidden="true">
      ${statements.map(
        ({ statement, result }) => html`
          <div class="statement">
            <p class="statement-label">${isWithheld(result) ? statement.label : t('survey-results.statement.heading', { statement: statement.label, count: result.answered })}</p>
            ${isWithheld(result)
              ? html`<p class="withheld">${withheld}</p>`
              : tallyBars(say, lang, options.map((option) => ({ label: option.label, value: countOf(result.counts, option.id), share: shareOf(countOf(result.counts, option.id), result.answered) })), false)}
          </div>
        `,
      )}
    </div>
    <div class="visually-hidden">
      <table part="table">
        <caption>${question.label}</caption>
        <thead>
          <tr>
            <th scope="col">${t('survey-results.statement')}</th>
            <th scope="col">${t('survey-results.statement.answered')}</th>
            ${options.map((option) => html`<th scope="col">${option.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${statements.map(
            ({ statement, result }) => html`
              <tr>
                <th scope="row">${statement.label}</th>
                ${isWithheld(result)
                  ? html`<td colspan=${options.length + 1}>${withheld}</td>`
                  : html`
                      <td>${number.format(result.answered)}</td>
                      ${options.map((option) => {
                        const count = countOf(result.counts, option.id);
                        return html`<td>${say('value', { count, share: percent.format(shareOf(count, result.answered)) })}</td>`;
                      })}
                    `}
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

function comments(context: QuestionContext, question: SurveyQuestion, tally: SurveyQuestionTally): TemplateResult {
  const { t, whole, minimumComments } = context;
  if (tally.commentsWithheld) return withheldNote(t('survey-results.comments.withheld', { minimum: minimumComments }));
  if (tally.comments && tally.comments.length > 0) {
    const id = `comments-${question.id}`;
    return html`
      <p class="comments-title" id=${id}>${t('survey-results.comments', { count: tally.comments.length })}</p>
      <ul part="comments" class="comments" aria-labelledby=${id}>
        ${tally.comments.map((comment) => html`<li>${comment}</li>`)}
      </ul>
    `;
  }
  return html`<p class="hint">${t(whole ? 'survey-results.comments.none' : 'survey-results.comments.groups')}</p>`;
}

/** One question's results under its heading: a tally by type, comments, or why it is withheld. */
export function questionResult(context: QuestionContext, question: SurveyQuestion, result: SurveyQuestionResult | undefined): TemplateResult {
  const { t, lang, level, minimumGroup } = context;
  const tally = result ?? { answered: 0 };
  let body: TemplateResult;
  if (isWithheld(tally)) body = withheldNote(t('survey-results.withheld', { minimum: minimumGroup }));
  else if (question.type === 'matrix') body = matrix(context, question, tally);
  else if (question.type === 'text') body = comments(context, question, tally);
  else body = renderTally(sayWith(t), lang, question, tally);
  return html`
    <section part="result" class="result">
      ${heading(level, question.label)}
      ${isWithheld(tally) ? nothing : html`<p class="hint">${t('survey-results.answered', { count: tally.answered })}</p>`}
      ${body}
    </section>
  `;
}
