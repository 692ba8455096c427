import { html, type TemplateResult } from 'lit';
import type { Consultation, ConsultationResults, Language, MessageKey, Params, Question } from '@civic-pulse/core';
import { renderTally, type Say } from '../internal/tally.js';
import { heading } from './parts.js';

// Fetched by the poll only when it shows results, with its styles and messages (a `LazyPart`): a
// person who has not answered yet downloads none of them.
export { resultStyles as styles } from './results.styles.js';
export { pollResultsMessages as messages } from '@civic-pulse/core';

function questionResult(t: (key: MessageKey, params?: Params) => string, lang: Language, level: number, question: Question, results: ConsultationResults): TemplateResult {
  const { answered = 0, counts, mean } = results.questions[question.id] ?? {};
  // The shared tally's words, from the poll's catalogs: yes and no are the poll's own.
  const say: Say = (word, params) => t(word === 'yes' || word === 'no' ? `poll.${word}` : `poll.results.${word}`, params);
  return html`
    <section part="result" class="result">
      ${heading(level, question.label)}
      <p class="hint">${t('poll.results.answered', { count: answered })}</p>
      ${question.type === 'text' ? html`<p>${t('poll.results.text', { count: answered })}</p>` : renderTally(say, lang, question, { answered, counts, mean })}
    </section>
  `;
}

/**
 * The tallies of every question: bars with counts and shares, the same as tables, ranking as Borda
 * points. Each question's title is a heading at `level`.
 */
export function renderResults(
  t: (key: MessageKey, params?: Params) => string,
  lang: Language,
  level: number,
  consultation: Consultation,
  results: ConsultationResults,
): TemplateResult {
  return html`
    <p>${t('poll.results.responses', { count: results.responses })}</p>
    ${consultation.questions.map((question) => questionResult(t, lang, level, question, results))}
  `;
}
