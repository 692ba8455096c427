import { html, nothing, type TemplateResult } from 'lit';
import type { Consultation, ConsultationResults, Language, MessageKey, Params, Question } from '@civic-pulse/core';
import { heading } from './parts.js';

// Fetched by the poll only when it shows results, with its styles and messages (a `LazyPart`): a
// person who has not answered yet downloads none of them.
export { resultStyles as styles } from './results.styles.js';
export { pollResultsMessages as messages } from '@civic-pulse/core';

interface Row {
  label: string;
  value: number;
  /** 0..1 of the question's whole: of those who answered it, or of the most points a ranking could get. */
  share: number;
}

// Each tally is drawn twice on purpose: bars for the eye (hidden from screen readers, which would
// read them as a jumble of numbers) and a table with a caption for screen readers, visually hidden
// inside a box of its own, since a table grows to its content whatever width it is given.
function tally(t: (key: MessageKey, params?: Params) => string, lang: Language, question: Question, rows: Row[], points: boolean): TemplateResult {
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const plural = new Intl.PluralRules(lang);
  const text = (row: Row) =>
    points
      ? t(`poll.results.points-value.${plural.select(row.value) === 'one' ? 'one' : 'other'}`, { points: row.value })
      : t('poll.results.value', { count: row.value, share: percent.format(row.share) });
  return html`
    <ul part="bars" class="bars" aria-hidden="true">
      ${rows.map(
        (row) => html`
          <li class="bar">
            <span class="bar-label">${row.label}</span>
            <progress max="1000" value=${Math.round(row.share * 1000)}></progress>
            <span class="bar-value">${text(row)}</span>
          </li>
        `,
      )}
    </ul>
    <div class="visually-hidden">
    <table part="table">
      <caption>${question.label}</caption>
      <thead>
        <tr>
          <th scope="col">${t('poll.results.answer')}</th>
          <th scope="col">${t(points ? 'poll.results.points' : 'poll.results.count')}</th>
          ${points ? nothing : html`<th scope="col">${t('poll.results.share')}</th>`}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`
            <tr>
              <th scope="row">${row.label}</th>
              <td>${new Intl.NumberFormat(lang).format(row.value)}</td>
              ${points ? nothing : html`<td>${percent.format(row.share)}</td>`}
            </tr>
          `,
        )}
      </tbody>
    </table>
    </div>
  `;
}

function questionResult(t: (key: MessageKey, params?: Params) => string, lang: Language, level: number, question: Question, results: ConsultationResults): TemplateResult {
  const { answered = 0, counts = {}, mean } = results.questions[question.id] ?? {};
  const count = (key: string) => (Object.hasOwn(counts, key) ? counts[key]! : 0);
  const share = (value: number, whole: number) => (whole > 0 ? value / whole : 0);
  const options = question.options ?? [];
  let body: TemplateResult;
  switch (question.type) {
    case 'text':
      body = html`<p>${t('poll.results.text', { count: answered })}</p>`;
      break;
    case 'ranking': {
      // Borda points: the most an option can get is the number of options times the answers.
      const most = options.length * answered;
      const rows = options
        .map((option) => ({ label: option.label, value: count(option.id), share: share(count(option.id), most) }))
        .sort((a, b) => b.value - a.value);
      body = html`<p class="hint">${t('poll.results.borda', { count: options.length })}</p>${tally(t, lang, question, rows, true)}`;
      break;
    }
    default: {
      const entries: [string, string][] =
        question.type === 'yesno'
          ? [
              ['yes', t('poll.yes')],
              ['no', t('poll.no')],
            ]
          : question.type === 'scale'
            ? Array.from({ length: (question.max ?? 0) - (question.min ?? 0) + 1 }, (_, index) => {
                const value = String((question.min ?? 0) + index);
                return [value, value];
              })
            : options.map((option) => [option.id, option.label]);
      const rows = entries.map(([key, label]) => ({ label, value: count(key), share: share(count(key), answered) }));
      body = html`
        ${mean === undefined
          ? nothing
          : html`<p class="mean">${t('poll.results.mean', { mean: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(mean), min: question.min ?? 0, max: question.max ?? 0 })}</p>`}
        ${tally(t, lang, question, rows, false)}
      `;
    }
  }
  return html`
    <section part="result" class="result">
      ${heading(level, question.label)}
      <p class="hint">${t('poll.results.answered', { count: answered })}</p>
      ${body}
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
