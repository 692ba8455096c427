import { html, nothing, type TemplateResult } from 'lit';
import type { Language, Params } from '@civic-pulse/core';

// One question's tally as the poll's results and the agents' survey results both draw it: the
// numbers are the same kind (answers by option, yes/no or scale value, Borda points, a mean); only
// the catalog that words them differs, so each caller hands in `say`, which maps these few names
// onto its own messages.

/** The words a tally needs, named apart from any catalog: `say('mean', …)` is the caller's message. */
export type TallyWord = 'answer' | 'count' | 'share' | 'points' | 'value' | 'points-value.one' | 'points-value.other' | 'mean' | 'borda' | 'yes' | 'no';
export type Say = (word: TallyWord, params?: Params) => string;

/** What a tally is drawn from: a question's type, options and bounds, and its counts. */
export interface TalliedQuestion {
  type: string;
  label: string;
  options?: { id: string; label: string }[];
  min?: number;
  max?: number;
}
export interface Counts {
  answered: number;
  counts?: Record<string, number>;
  mean?: number;
}

export interface TallyRow {
  label: string;
  value: number;
  /** 0..1 of the question's whole: of those who answered it, or of the most points a ranking could get. */
  share: number;
}

/** The count of `key`, 0 when absent; own keys only, so that `constructor` is never a count. */
export const countOf = (counts: Record<string, number>, key: string): number => (Object.hasOwn(counts, key) ? counts[key]! : 0);
export const shareOf = (value: number, whole: number): number => (whole > 0 ? value / whole : 0);
export const percentFormat = (lang: Language) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });

/** The answers a choice, yes/no or scale question is tallied by, as [count key, label]. */
export function answerKeys(say: Say, question: TalliedQuestion): [string, string][] {
  if (question.type === 'yesno') return [['yes', say('yes')], ['no', say('no')]];
  if (question.type === 'scale') {
    const min = question.min ?? 0;
    return Array.from({ length: (question.max ?? 0) - min + 1 }, (_, index) => [String(min + index), String(min + index)]);
  }
  return (question.options ?? []).map((option) => [option.id, option.label]);
}

/** A tally's bars, for the eye only: screen readers read the same numbers in the table beside them. */
export function tallyBars(say: Say, lang: Language, rows: TallyRow[], points: boolean): TemplateResult {
  const percent = percentFormat(lang);
  const plural = new Intl.PluralRules(lang);
  const text = (row: TallyRow) =>
    points
      ? say(plural.select(row.value) === 'one' ? 'points-value.one' : 'points-value.other', { points: row.value })
      : say('value', { count: row.value, share: percent.format(row.share) });
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
  `;
}

/**
 * Bars for the eye (hidden from screen readers, which would read them as a jumble of numbers) and
 * the same as a table with a caption for screen readers, visually hidden inside a box of its own,
 * since a table grows to its content whatever width it is given.
 */
export function tallyTable(say: Say, lang: Language, caption: string, rows: TallyRow[], points: boolean): TemplateResult {
  const percent = percentFormat(lang);
  return html`
    ${tallyBars(say, lang, rows, points)}
    <div class="visually-hidden">
    <table part="table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${say('answer')}</th>
          <th scope="col">${say(points ? 'points' : 'count')}</th>
          ${points ? nothing : html`<th scope="col">${say('share')}</th>`}
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

/**
 * The tally of a choice, yes/no, scale or ranking question: counts and shares of those who
 * answered, the mean of a scale, a ranking as Borda points with how they are counted.
 */
export function renderTally(say: Say, lang: Language, question: TalliedQuestion, { answered, counts = {}, mean }: Counts): TemplateResult {
  if (question.type === 'ranking') {
    // Borda points: the most an option can get is the number of options times the answers.
    const options = question.options ?? [];
    const most = options.length * answered;
    const rows = options
      .map((option) => ({ label: option.label, value: countOf(counts, option.id), share: shareOf(countOf(counts, option.id), most) }))
      .sort((a, b) => b.value - a.value);
    return html`<p class="hint">${say('borda', { count: options.length })}</p>${tallyTable(say, lang, question.label, rows, true)}`;
  }
  const rows = answerKeys(say, question).map(([key, label]) => ({ label, value: countOf(counts, key), share: shareOf(countOf(counts, key), answered) }));
  return html`
    ${mean === undefined
      ? nothing
      : html`<p class="mean">${say('mean', { mean: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(mean), min: question.min ?? 0, max: question.max ?? 0 })}</p>`}
    ${tallyTable(say, lang, question.label, rows, false)}
  `;
}
