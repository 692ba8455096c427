import { css } from 'lit';

/**
 * System tokens: every element reads `--civic-color-*` and friends, with defaults chosen for
 * WCAG AA contrast on white. A city sets them once for all widgets; each element may add its own
 * component tokens that fall back to these.
 */
export const tokens = css`
  :host {
    --_primary: var(--civic-color-primary, #000091);
    --_on-primary: var(--civic-color-on-primary, #ffffff);
    --_text: var(--civic-color-text, #161616);
    --_muted: var(--civic-color-muted, #3a3a3a);
    --_surface: var(--civic-color-surface, #ffffff);
    --_border: var(--civic-color-border, #666666);
    --_focus: var(--civic-color-focus, #0a76f6);
    --_danger: var(--civic-color-danger, #ce0500);
    --_success: var(--civic-color-success, #18753c);
    --_radius: var(--civic-radius, 0.5rem);

    display: block;
    color: var(--_text);
    font-family: var(--civic-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
  }

  .button-primary {
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_primary);
    font-weight: 600;
  }

  .button-secondary {
    color: var(--_primary);
    background: var(--_surface);
    border: 2px solid var(--_primary);
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
`;
