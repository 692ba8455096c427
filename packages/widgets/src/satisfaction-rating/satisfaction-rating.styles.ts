import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      --_option-size: var(--civic-rating-option-size, 3rem);
      --_chosen: var(--civic-rating-chosen-color, var(--_primary));
      --_inset: var(--civic-floating-inset, 1rem);
    }

    .base {
      max-width: 40rem;
      container: rating / inline-size;
    }

    fieldset {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    legend,
    .comment label {
      padding: 0;
      margin-bottom: 0.5rem;
      font-weight: 600;
    }

    .question {
      font-size: 1.125rem;
    }

    .options {
      display: flex;
      gap: 0.5rem;
    }

    .option {
      position: relative;
      display: flex;
      flex: 1 1 0;
      flex-direction: column;
      align-items: center;
      gap: 0.25rem;
      min-width: 0;
      max-width: 8rem;
      padding: 0.5rem 0.25rem;
      border: 2px solid transparent;
      border-radius: var(--_radius);
      cursor: pointer;
      text-align: center;
      font-size: 0.875rem;
    }

    /* Five labelled faces do not fit side by side on a phone: they become a list, face then words. */
    @container rating (max-width: 30rem) {
      .scale-smileys-5 .options {
        flex-direction: column;
        gap: 0.25rem;
      }

      .scale-smileys-5 .option {
        flex-direction: row;
        gap: 0.75rem;
        max-width: none;
        padding: 0.25rem 0.5rem;
        text-align: start;
        font-size: 1rem;
      }

      .scale-smileys-5 .icon {
        width: 2.5rem;
        height: 2.5rem;
      }
    }

    .scale-stars-5 .options {
      gap: 0;
    }

    .scale-stars-5 .option {
      flex: 0 0 auto;
      min-width: 0;
      padding: 0.25rem;
    }

    /* The radio stays in the page for keyboard and screen readers; the picture is what the eye sees. */
    .option input {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      opacity: 0;
      cursor: inherit;
    }

    .option:hover {
      border-color: var(--_border);
    }

    /* While sending, or holding a rating to retry, the levels say they cannot be changed. */
    fieldset:disabled .option {
      cursor: default;
    }

    fieldset:disabled .option:not(.chosen) {
      opacity: 0.6;
    }

    fieldset:disabled .option:hover:not(.chosen) {
      border-color: transparent;
    }

    .option.chosen {
      border-color: var(--_chosen);
      background: color-mix(in srgb, var(--_chosen) 8%, var(--_surface));
    }

    .option:has(input:focus-visible) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .icon {
      display: block;
      width: var(--_option-size);
      height: var(--_option-size);
    }

    .face {
      fill: var(--_surface);
      stroke: var(--_text);
      stroke-width: 1.5;
    }

    .chosen .face {
      fill: color-mix(in srgb, var(--_chosen) 15%, var(--_surface));
      stroke: var(--_chosen);
    }

    .feature-fill {
      fill: var(--_text);
    }

    .feature-line {
      fill: none;
      stroke: var(--_text);
      stroke-width: 1.8;
      stroke-linecap: round;
    }

    .star {
      fill: var(--_surface);
      stroke: var(--_text);
      stroke-width: 1.5;
      stroke-linejoin: round;
    }

    .star-filled {
      fill: var(--_chosen);
      stroke: var(--_chosen);
    }

    .reasons {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.25rem 1rem;
    }

    .reason {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      cursor: pointer;
    }

    .reason input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
    }

    .comment {
      display: flex;
      flex-direction: column;
      margin-bottom: 1rem;
    }

    .comment label {
      margin-bottom: 0.25rem;
    }

    textarea {
      font: inherit;
      color: inherit;
      background: var(--_surface);
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      resize: vertical;
    }

    .hint {
      margin: 0 0 0.25rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .counter {
      margin: 0.25rem 0 0;
    }

    .error {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      color: var(--_danger);
      border-left: 4px solid var(--_danger);
      background: var(--_surface);
    }

    .thanks {
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_success);
    }

    .thanks p {
      margin: 0;
    }

    .thanks-title {
      font-weight: 600;
      color: var(--_success);
    }

    .floating-button {
      position: fixed;
      right: var(--_inset);
      bottom: var(--_inset);
      z-index: 2147483000;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    }

    dialog {
      width: min(36rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 1rem 1.25rem 1.25rem;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }

    .dialog-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 0.75rem;
    }

    .dialog-header h2 {
      margin: 0;
      font-size: 1.25rem;
    }

    @media (forced-colors: active) {
      .option.chosen {
        outline: 3px solid Highlight;
      }
    }
  `,
];
