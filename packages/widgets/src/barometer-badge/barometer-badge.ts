import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  CHANNELS,
  LAST_12_MONTHS,
  barometerMessages,
  getConfiguration,
  isRetryable,
  type AdapterError,
  type AuditPart,
  type Barometer,
  type Channel,
  type SatisfactionPart,
} from '@civic-pulse/core';
import { heading } from '../consultation-poll/parts.js';
import { CivicElement } from '../internal/civic-element.js';
import { RetryBlock } from '../internal/retry-block.js';
import { tallyBars, type Say, type TallyRow } from '../internal/tally.js';
import { styles } from './barometer-badge.styles.js';

export type BadgeVariant = 'compact' | 'card' | 'detailed';
export type BadgeTheme = 'light' | 'dark' | 'auto';

const NOT_CONFIGURED: AdapterError = { kind: 'invalid', code: 'not-configured', message: 'No org, or no backend adapter or endpoint.' };
const YEAR_OR_QUARTER = /^(\d{4})(?:-Q([1-4]))?$/;
const VARIANTS: readonly string[] = ['compact', 'card', 'detailed'];
const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/** A URL from the network made safe to link to: http(s) only, never `javascript:`. */
function linkable(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A UTC day (YYYY-MM-DD) as a Date, `days` later. */
const day = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);

// Decoration only: the trend's sentence says the same in words.
const arrow = (direction: 'up' | 'down' | 'flat') =>
  svg`<svg class="trend-icon ${direction}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d=${
    direction === 'up' ? 'M3 12 L12 3 M6 3 H12 V9' : direction === 'down' ? 'M3 4 L12 13 M6 13 H12 V7' : 'M2 8 H13 M9 4 L13 8 L9 12'
  } /></svg>`;

/**
 * @summary The organisation's citizen-experience barometer: a score out of 100 from mystery-shopping
 * audits of its contact channels and from live user satisfaction, with what it rests on, its
 * period, its trend and, in `detailed`, its breakdown by channel. A figure under its minimum count
 * is never shown: the badge says there is not enough data yet instead.
 *
 * Without JavaScript: put a plain link inside the element. It shows as long as the element has not
 * upgraded (no script, a blocked CDN, an old browser) and is hidden once the badge renders, since
 * the badge slots nothing; its `href` is also the badge's methodology link when the backend gives
 * none that can be linked to. For the README:
 *
 * ```html
 * <script type="module" src="https://cdn.example/civic-pulse.js" data-endpoint="https://avis.ville.fr" data-org="ville-exemple"></script>
 * <civic-barometer-badge variant="card">
 *   <a href="https://www.ville.fr/barometre">Notre baromètre de l’expérience usager</a>
 * </civic-barometer-badge>
 * ```
 *
 * @csspart base - The wrapper of the whole badge; it reserves the variant's height while loading.
 * @csspart title - The badge's title, a heading at `heading-level` (card and detailed).
 * @csspart score - The score out of 100.
 * @csspart basis - What the score rests on: ratings, audits and the period in words.
 * @csspart range - The first and last days of a `last-12-months` period.
 * @csspart partial - Said when the score rests on one source only.
 * @csspart not-enough - Said instead of a score when there is not enough data yet.
 * @csspart trend - The change since the previous period, in words with a decorative arrow.
 * @csspart methodology - The link to how the score is calculated.
 * @csspart breakdown - In `detailed`, the per-channel scores.
 * @csspart bars - The per-channel bars, for the eye (screen readers read the table).
 * @csspart withheld - The channels whose figures are not published, in words.
 * @csspart table - The per-channel scores as a captioned table, visually hidden.
 * @csspart loading - The loading message.
 * @csspart error - Why the barometer could not be shown.
 * @csspart retry - The button that loads it again.
 *
 * @cssproperty --civic-color-primary - Links, bars and the retry button (light theme).
 * @cssproperty --civic-barometer-bar-color - The bars; the primary colour by default.
 * @cssproperty --civic-dark-color-text - Text in the dark theme (and `--civic-dark-color-muted`, `-surface`, `-border`, `-primary`, `-focus`).
 */
export class BarometerBadge extends CivicElement {
  static override styles = styles;
  static override messages = [barometerMessages];

  private readonly load = new Task(this, {
    task: async ([org, period, adapter], { signal }) => {
      this.retryBlock.clear();
      if (!org || !adapter) {
        console.error('[civic-pulse] <civic-barometer-badge> needs an org and a backend (endpoint and org, or an adapter).');
        throw NOT_CONFIGURED;
      }
      const result = await adapter.getBarometer(org, period, { signal });
      if (result.ok) return result.data;
      if (result.error.kind === 'not-found') console.error(`[civic-pulse] <civic-barometer-badge>: no org "${org}" on this backend.`);
      if (result.error.kind === 'rate-limited' && result.error.retryAfter) this.retryBlock.blockFor(result.error.retryAfter);
      throw result.error;
    },
    args: () => [this.org || getConfiguration().org, this.period || LAST_12_MONTHS, this.resolveAdapter()] as const,
  });

  /** Set while the server's Retry-After runs: the retry button waits until then. */
  private readonly retryBlock = new RetryBlock(this);

  /** The period: `last-12-months` (the twelve whole months before this one), a year `2026` or a quarter `2026-Q3`. */
  @property() period = LAST_12_MONTHS;

  /** `compact`: score and title on one line; `card`: with counts, period, trend and methodology; `detailed`: plus each channel. */
  @property() variant: BadgeVariant = 'card';

  /** `light`, `dark`, or `auto` to follow the visitor's `prefers-color-scheme`. */
  @property() theme: BadgeTheme = 'light';

  /** The level of the title's heading (1–6); the breakdown's title is one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private get shownVariant(): BadgeVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'card';
  }

  private retry(): void {
    if (!this.retryBlock.blocked) void this.load.run();
  }

  /** 72.4 → "72,4" in French, "72.4" in English. */
  private number(value: number): string {
    return new Intl.NumberFormat(this.language, { maximumFractionDigits: 1 }).format(value);
  }

  private plural(count: number): 'one' | 'other' {
    return new Intl.PluralRules(this.language).select(count) === 'one' ? 'one' : 'other';
  }

  private count(kind: 'ratings' | 'audits', count: number): string {
    return this.t(`barometer.${kind}.${this.plural(count)}`, { count });
  }

  /** "sur les 12 derniers mois", "en 2026", "au 3ᵉ trimestre 2026". */
  private periodWords({ period, from }: Barometer): string {
    const match = YEAR_OR_QUARTER.exec(period);
    if (!match) return this.t('barometer.period.last-12-months', { count: 12 });
    const year = new Intl.DateTimeFormat(this.language, { year: 'numeric', timeZone: 'UTC' }).format(day(from));
    if (!match[2]) return this.t('barometer.period.year', { year });
    const quarter = Number(match[2]);
    const rule = new Intl.PluralRules(this.language, { type: 'ordinal' }).select(quarter);
    const ordinal = this.t(`barometer.ordinal.${rule === 'one' || rule === 'two' || rule === 'few' ? rule : 'other'}`, { n: quarter });
    return this.t('barometer.period.quarter', { ordinal, year });
  }

  /** "du 1 novembre 2025 au 31 octobre 2026": `to` is the day after the last. */
  private range({ from, to }: Barometer): string {
    const date = new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeZone: 'UTC' });
    return this.t('barometer.period.range', { from: date.format(day(from)), to: date.format(day(to, -1)) });
  }

  private trendText({ trend }: Barometer): { text: string; direction?: 'up' | 'down' | 'flat' } {
    if (trend.delta === null) return { text: this.t('barometer.trend.unknown') };
    const size = Math.round(Math.abs(trend.delta) * 10) / 10;
    if (size === 0) return { text: this.t('barometer.trend.flat'), direction: 'flat' };
    const direction = trend.delta > 0 ? 'up' : 'down';
    return { text: this.t(`barometer.trend.${direction}.${this.plural(size)}`, { delta: this.number(size) }), direction };
  }

  /** Which source the score rests on alone, if only one counted. */
  private alone({ score, weights }: Barometer): 'satisfaction' | 'audit' | undefined {
    if (score === null) return undefined;
    if (weights.applied.audit === 0) return 'satisfaction';
    if (weights.applied.satisfaction === 0) return 'audit';
    return undefined;
  }

  /** The score shown as "72,4/100" and said as "72,4 sur 100". */
  private renderScore(score: number): TemplateResult {
    const value = this.number(score);
    return html`<span part="score" class="score"
      ><span aria-hidden="true">${this.t('barometer.score.shown', { score: value })}</span
      ><span class="visually-hidden">${this.t('barometer.score.spoken', { score: value })}</span></span
    >`;
  }

  private renderCompact(barometer: Barometer): TemplateResult {
    const alone = this.alone(barometer);
    return html`
      <p class="line">
        ${this.t('barometer.compact')}
        ${barometer.score === null
          ? html`<span part="not-enough">${this.t('barometer.not-enough.short')}</span>`
          : html`${this.renderScore(barometer.score)}${alone ? html` <span part="partial">${this.t(`barometer.partial.short.${alone}`)}</span>` : nothing}`}
      </p>
    `;
  }

  private renderMethodology(barometer: Barometer): TemplateResult | typeof nothing {
    const href = linkable(barometer.methodology) ?? linkable(this.querySelector('a[href]')?.getAttribute('href') ?? undefined);
    return href ? html`<p><a part="methodology" href=${href}>${this.t('barometer.methodology')}</a></p>` : nothing;
  }

  private renderCard(barometer: Barometer): TemplateResult {
    const { score, minimum } = barometer;
    const period = this.periodWords(barometer);
    const ratings = this.count('ratings', barometer.responses);
    const audits = this.count('audits', barometer.audit.audits);
    const alone = this.alone(barometer);
    const trend = this.trendText(barometer);
    return html`
      ${heading(this.headingLevel, this.t('barometer.title'), 'title')}
      ${score === null
        ? html`
            <p part="not-enough" class="not-enough">${this.t('barometer.not-enough', { ratings: minimum.ratings, audits: minimum.audits })}</p>
            <p part="basis" class="basis">${this.t('barometer.not-enough.so-far', { period, ratings, audits })}</p>
          `
        : html`
            <p class="score-line">${this.renderScore(score)}</p>
            <p part="basis" class="basis">${this.t('barometer.basis', { ratings, audits, period })}</p>
            ${alone
              ? html`<p part="partial" class="partial">${this.t(`barometer.partial.${alone}`, { ratings: minimum.ratings, audits: minimum.audits })}</p>`
              : nothing}
            <p part="trend" class="trend">${trend.direction ? arrow(trend.direction) : nothing}<span>${trend.text}</span></p>
          `}
      ${barometer.period === LAST_12_MONTHS ? html`<p part="range" class="hint">${this.range(barometer)}</p>` : nothing}
      ${this.renderMethodology(barometer)}
      ${this.shownVariant === 'detailed' && score !== null ? this.renderBreakdown(barometer, period) : nothing}
    `;
  }

  /** A channel's part as the table says it: "80,5/100 (12 audits)", "non publié (3 audits, trop peu)", "aucune donnée". */
  private cell(part: AuditPart | SatisfactionPart | null): string {
    if (!part) return this.t('barometer.breakdown.none');
    const count = 'audits' in part ? this.count('audits', part.audits) : this.count('ratings', part.responses);
    return part.score === null
      ? this.t('barometer.breakdown.withheld', { count })
      : this.t('barometer.breakdown.cell', { score: this.number(part.score), count });
  }

  private renderBreakdown(barometer: Barometer, period: string): TemplateResult {
    const channel = (id: Channel) => this.t(`barometer.channel.${id}`);
    const and = new Intl.ListFormat(this.language, { type: 'conjunction' });
    const rows: TallyRow[] = [];
    // "Courrier (audits mystère et satisfaction)": each channel once, with its parts not published.
    const withheld: string[] = [];
    for (const id of CHANNELS) {
      const missing: string[] = [];
      for (const [source, part] of [
        ['audit', barometer.audit.byChannel[id]],
        ['satisfaction', barometer.satisfaction.byChannel[id]],
      ] as const) {
        if (part?.score == null) missing.push(this.t(`barometer.source.${source}`));
        else rows.push({ label: this.t(`barometer.breakdown.bar.${source}`, { channel: channel(id) }), value: part.score, share: part.score / 100 });
      }
      if (missing.length > 0) withheld.push(this.t('barometer.breakdown.withheld.item', { channel: channel(id), sources: and.format(missing) }));
    }
    // The shared tally's bars, worded as scores out of 100.
    const say: Say = (_word, params) => this.t('barometer.score.shown', { score: this.number(Number(params?.count)) });
    const list = and.format(withheld);
    return html`
      <section part="breakdown" class="breakdown" aria-labelledby="breakdown-title">
        ${heading(this.headingLevel + 1, this.t('barometer.breakdown.title'), '', 'breakdown-title')}
        ${rows.length > 0 ? tallyBars(say, this.language, rows, false) : nothing}
        ${withheld.length > 0 ? html`<p part="withheld" class="hint">${this.t('barometer.breakdown.withheld.list', { list })}</p>` : nothing}
        <div class="visually-hidden">
          <table part="table">
            <caption>${this.t('barometer.breakdown.caption', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">${this.t('barometer.breakdown.channel')}</th>
                <th scope="col">${this.t('barometer.breakdown.audit')}</th>
                <th scope="col">${this.t('barometer.breakdown.satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              ${CHANNELS.map(
                (id) => html`
                  <tr>
                    <th scope="row">${channel(id)}</th>
                    <td>${this.cell(barometer.audit.byChannel[id])}</td>
                    <td>${this.cell(barometer.satisfaction.byChannel[id])}</td>
                  </tr>
                `,
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }

  private errorMessage(error: AdapterError): string {
    if (error.code === 'not-configured') return this.t('barometer.error.not-configured');
    if (error.kind === 'not-found') return this.t('barometer.error.not-found');
    if (error.kind === 'invalid' && error.fields?.some(({ path }) => path === 'period')) return this.t('barometer.error.period', { period: this.period });
    return this.t('barometer.error.load');
  }

  private renderError(error: AdapterError): TemplateResult {
    const retryable = isRetryable(error);
    return html`
      <p part="error" class="error">${this.errorMessage(error)}</p>
      ${retryable
        ? html`<button type="button" part="retry" class="button-secondary" aria-disabled=${this.retryBlock.blocked ? 'true' : 'false'} @click=${this.retry}>
            ${this.t('error.retry')}
          </button>`
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const variant = this.shownVariant;
    const theme = THEMES.includes(this.theme) ? this.theme : 'light';
    return html`
      <div part="base" class="base ${variant} ${theme}" aria-busy=${this.load.status <= 1 ? 'true' : 'false'}>
        ${this.load.render({
          initial: () => html`<p part="loading" class="loading">${this.t('barometer.loading')}</p>`,
          pending: () => html`<p part="loading" class="loading">${this.t('barometer.loading')}</p>`,
          complete: (barometer) => (variant === 'compact' ? this.renderCompact(barometer) : this.renderCard(barometer)),
          error: (error) => this.renderError(error as AdapterError),
        })}
      </div>
    `;
  }
}
