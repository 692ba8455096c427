import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  NO_ANSWER_GROUP,
  isWithheld,
  surveyResultsMessages,
  type SurveyGroupResults,
  type SurveyQuestion,
  type SurveyQuestionResult,
  type SurveyResults,
  type Withheld,
} from '@civic-pulse/core';
import { heading } from '../consultation-poll/parts.js';
import { CivicElement } from '../internal/civic-element.js';
import { percentFormat, shareOf } from '../internal/tally.js';
import { styles } from './survey-results.styles.js';
import { questionResult, withheldNote, type QuestionContext } from './survey-results-tally.js';

/** The view that shows the whole survey: no breakdown chosen. */
const ALL = '';

interface Group {
  key: string;
  label: string;
  result: SurveyGroupResults | Withheld;
}

/**
 * @summary The manager's view of an agents' survey: participation and dates, then, once published,
 * every section's tallies for all respondents or for one group of a breakdown (a directorate…),
 * with what is withheld to protect anonymity said in words. It fetches nothing: the survey's
 * element hands it `.results`.
 *
 * @csspart base - The wrapper of the whole view.
 * @csspart title - The survey's title, a heading at `heading-level`.
 * @csspart participation - Responses received out of invitations, with the rate.
 * @csspart dates - The status and closing date.
 * @csspart notice - Why no tally is shown yet: when they will be published, or too few answers.
 * @csspart guide - How to read the results: shares and the minimum group.
 * @csspart filters - The breakdown and group pickers.
 * @csspart view-select - Picks all respondents or a breakdown question.
 * @csspart group-select - Picks a group of the chosen breakdown.
 * @csspart scope - The heading that says whose results are shown and how many they are.
 * @csspart section - One section of the survey.
 * @csspart result - One question's results.
 * @csspart bars - A tally's bars (hidden from screen readers, which read the table).
 * @csspart table - A tally as a table with a caption, visually hidden.
 * @csspart withheld - Said in place of a question, statement, group or comments withheld.
 * @csspart comments - The comments of a text question.
 * @csspart status - The live region that announces a change of view.
 *
 * @cssproperty --civic-survey-bar-color - The bars; the primary colour by default.
 */
export class CivicSurveyResults extends CivicElement {
  static override styles = styles;
  static override messages = [surveyResultsMessages];

  /** The breakdown question shown, or ALL. */
  @state() private view = ALL;
  /** The group of that breakdown shown. */
  @state() private group = '';
  /** What the live region says after a change of view. */
  @state() private announcement = '';

  /** The survey's results, as `getSurveyResults` answers them. */
  @property({ attribute: false }) results?: SurveyResults;

  /** The level of the survey title's heading (1–6); sections and questions are one and two levels below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private onView(event: Event): void {
    this.view = (event.target as HTMLSelectElement).value;
    this.group = this.view === ALL ? '' : (this.firstShownGroup(this.view) ?? '');
    this.announce();
  }

  private onGroup(event: Event): void {
    this.group = (event.target as HTMLSelectElement).value;
    this.announce();
  }

  // Said once the view is drawn: the pickers keep the focus, the live region tells what changed.
  private announce(): void {
    void this.updateComplete.then(() => (this.announcement = this.t('survey-results.announce', { scope: this.scopeText() })));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New results without the breakdown or group shown: back to the whole survey.
    if (changed.has('results') && this.view !== ALL && !this.groupsOf(this.view).some(({ key }) => key === this.group)) {
      this.view = ALL;
      this.group = '';
    }
  }

  private questions(): SurveyQuestion[] {
    return this.results?.sections.flatMap((section) => section.questions) ?? [];
  }

  private breakdownQuestions(): SurveyQuestion[] {
    const breakdowns = this.results?.breakdowns ?? {};
    return this.questions().filter((question) => Object.hasOwn(breakdowns, question.id));
  }

  /** A breakdown's groups in the question's order (options, yes then no), then those who did not answer. */
  private groupsOf(questionId: string): Group[] {
    const groups = this.results?.breakdowns[questionId];
    const question = this.questions().find(({ id }) => id === questionId);
    if (!groups || !question) return [];
    const labels = new Map<string, string>(
      question.type === 'yesno'
        ? [
            ['yes', this.t('survey-results.yes')],
            ['no', this.t('survey-results.no')],
          ]
        : (question.options ?? []).map((option) => [option.id, option.label]),
    );
    labels.set(NO_ANSWER_GROUP, this.t('survey-results.group.none'));
    const order = [...labels.keys()];
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length - 1);
    return Object.entries(groups)
      .map(([key, result]) => ({ key, label: labels.get(key) ?? key, result }))
      .sort((a, b) => rank(a.key) - rank(b.key));
  }

  private firstShownGroup(questionId: string): string | undefined {
    const groups = this.groupsOf(questionId);
    return (groups.find(({ result }) => !isWithheld(result)) ?? groups[0])?.key;
  }

  private chosenGroup(): Group | undefined {
    return this.view === ALL ? undefined : this.groupsOf(this.view).find(({ key }) => key === this.group);
  }

  /** Whose results are shown: "Ensemble des répondants : 42 agents", "Services techniques : 14 répondants". */
  private scopeText(): string {
    const group = this.chosenGroup();
    if (!group) return this.t('survey-results.scope.all', { count: this.results?.respondents ?? 0 });
    return isWithheld(group.result)
      ? this.t('survey-results.scope.group-withheld', { group: group.label })
      : this.t('survey-results.scope.group', { group: group.label, count: group.result.respondents });
  }

  private renderHeader(results: SurveyResults): TemplateResult {
    const date = this.formatDate(results.closesAt);
    const plural = new Intl.PluralRules(this.language).select(results.received) === 'one' ? 'one' : 'other';
    return html`
      <div role="heading" aria-level=${Math.min(6, this.headingLevel)} part="title" class="heading title">${results.title}</div>
      <p part="participation" class="participation">
        ${this.t(`survey-results.participation.${plural}`, {
          received: results.received,
          invited: results.invited,
          share: percentFormat(this.language).format(shareOf(results.received, results.invited)),
        })}
      </p>
      <p part="dates" class="dates">${this.t(`survey-results.status.${results.status}`, { date })}</p>
    `;
  }

  private renderNotice(results: SurveyResults): TemplateResult {
    // Closed with too few respondents: the server publishes every tally withheld, said here once.
    if (results.status === 'closed') return html`<p part="notice" class="notice">${this.t('survey-results.too-few', { minimum: results.minimumGroup })}</p>`;
    return html`
      <div part="notice" class="notice">
        <p>${this.t('survey-results.later', { date: this.formatDate(results.closesAt) })}</p>
        <p>${this.t('survey-results.later.why')}</p>
      </div>
    `;
  }

  private renderGuide(results: SurveyResults): TemplateResult {
    return html`
      <section part="guide" class="guide" aria-labelledby="guide-title">
        ${heading(this.headingLevel + 1, this.t('survey-results.guide.title'), '', 'guide-title')}
        <p>${this.t('survey-results.guide.shares')}</p>
        <p>${this.t('survey-results.guide.minimum', { minimum: results.minimumGroup, comments: Math.max(results.minimumComments, results.minimumGroup) })}</p>
      </section>
    `;
  }

  private renderFilters(): TemplateResult | typeof nothing {
    const breakdowns = this.breakdownQuestions();
    if (breakdowns.length === 0) return nothing;
    const groups = this.view === ALL ? [] : this.groupsOf(this.view);
    return html`
      <div part="filters" class="filters">
        <div class="field">
          <label for="view">${this.t('survey-results.view')}</label>
          <select id="view" part="view-select" @change=${this.onView}>
            <option value=${ALL} ?selected=${this.view === ALL}>${this.t('survey-results.view.all')}</option>
            ${breakdowns.map((question) => html`<option value=${question.id} ?selected=${this.view === question.id}>${question.label}</option>`)}
          </select>
        </div>
        ${this.view === ALL
          ? nothing
          : html`
              <div class="field">
                <label for="group">${this.t('survey-results.group')}</label>
                <select id="group" part="group-select" @change=${this.onGroup}>
                  ${groups.map(
                    ({ key, label, result }) => html`
                      <option value=${key} ?selected=${this.group === key}>
                        ${isWithheld(result)
                          ? this.t('survey-results.group.option-withheld', { group: label })
                          : this.t('survey-results.group.option', { group: label, count: result.respondents })}
                      </option>
                    `,
                  )}
                </select>
              </div>
            `}
      </div>
    `;
  }

  private renderTallies(results: SurveyResults): TemplateResult {
    const group = this.chosenGroup();
    let body: TemplateResult;
    if (group && isWithheld(group.result)) body = withheldNote(this.t('survey-results.withheld.group', { minimum: results.minimumGroup }));
    else {
      const questions: Record<string, SurveyQuestionResult> = group ? (group.result as SurveyGroupResults).questions : results.questions;
      const context: QuestionContext = {
        t: (key, params) => this.t(key, params),
        lang: this.language,
        level: this.headingLevel + 3,
        minimumGroup: results.minimumGroup,
        minimumComments: Math.max(results.minimumComments, results.minimumGroup),
        whole: !group,
      };
      body = html`${results.sections.map(
        (section) => html`
          <section part="section" class="section">
            ${heading(this.headingLevel + 2, section.title)}
            ${section.questions.map((question) => questionResult(context, question, questions[question.id]))}
          </section>
        `,
      )}`;
    }
    return html`
      <section class="tallies" aria-labelledby="scope">
        ${heading(this.headingLevel + 1, this.scopeText(), 'scope', 'scope')}
        ${body}
      </section>
    `;
  }

  override render() {
    const results = this.results;
    if (!results) return nothing;
    return html`
      <div part="base" class="base">
        ${this.renderHeader(results)}
        ${results.published && results.respondents >= results.minimumGroup
          ? html`${this.renderGuide(results)} ${this.renderFilters()} ${this.renderTallies(results)}`
          : this.renderNotice(results)}
        <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
      </div>
    `;
  }
}
