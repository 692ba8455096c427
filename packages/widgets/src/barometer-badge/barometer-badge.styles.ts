import { css, unsafeCSS } from 'lit';
import { tallyStyles } from '../internal/tally.styles.js';
import { tokens } from '../styles/tokens.js';

// The dark theme's colours, each with WCAG AA contrast on its surface (text 16:1, muted 11:1, links
// and bars #8585f6 5.8:1, borders 3:1); a city overrides them with --civic-dark-color-*. A constant
// of ours, not data: given to both the dark theme and the auto theme's dark media query.
const dark = unsafeCSS(`
  --_text: var(--civic-dark-color-text, #f6f6f6);
  --_muted: var(--civic-dark-color-muted, #cecece);
  --_surface: var(--civic-dark-color-surface, #161616);
  --_border: var(--civic-dark-color-border, #929292);
  --_primary: var(--civic-dark-color-primary, #8585f6);
  --_focus: var(--civic-dark-color-focus, #78a9ff);
  --_success: var(--civic-dark-color-success, #27a658);
  --_danger: var(--civic-dark-color-danger, #ff5655);
  color-scheme: dark;
`);

export const styles = [
  tokens,
  tallyStyles,
  css`
    :host {
      --_bar: var(--civic-barometer-bar-color, var(--_primary));
    }

    .dark {
      ${dark}
    }

    @media (prefers-color-scheme: dark) {
      .auto {
        ${dark}
      }
    }

    .base {
      color: var(--_text);
      background: var(--_surface);
      overflow-wrap: anywhere;
    }

    .card,
    .detailed {
      max-width: 30rem;
      padding: 1rem 1.25rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .detailed {
      max-width: 40rem;
    }

    /* While loading, the height a full barometer takes is held, so the page does not jump when it
       comes; a page whose badge reads otherwise sets --civic-barometer-loading-height. */
    .card[aria-busy='true'] {
      min-height: var(--civic-barometer-loading-height, 17.5rem);
    }

    .detailed[aria-busy='true'] {
      min-height: var(--civic-barometer-loading-height, 53.5rem);
    }

    .compact {
      display: inline-block;
      max-width: 100%;
      padding: 0.25rem 0.5rem;
      border-radius: var(--_radius);
    }

    p {
      margin: 0 0 0.5rem;
    }

    .base > :last-child,
    .breakdown > :last-child {
      margin-bottom: 0;
    }

    .line {
      margin: 0;
    }

    .heading {
      margin: 0 0 0.25rem;
      font-weight: 700;
      font-size: 1.125rem;
      line-height: 1.3;
    }

    .score {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .score-line {
      font-size: 2.5rem;
      line-height: 1.1;
    }

    .not-enough {
      font-weight: 600;
    }

    .hint,
    .basis {
      color: var(--_muted);
    }

    .hint {
      font-size: 0.875rem;
    }

    .partial {
      padding-left: 0.75rem;
      border-left: 4px solid var(--_primary);
    }

    .trend {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
    }

    .trend-icon {
      flex: none;
      align-self: center;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    .trend-icon.up {
      color: var(--_success);
    }

    .trend-icon.down {
      color: var(--_danger);
    }

    a {
      color: var(--_primary);
      text-underline-offset: 0.15em;
    }

    .breakdown {
      margin-top: 1rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--_border);
    }

    .breakdown .hint {
      margin-top: 0.5rem;
    }

    .loading,
    .error {
      margin: 0;
    }

    .error + button {
      margin-top: 0.75rem;
    }
  `,
];
