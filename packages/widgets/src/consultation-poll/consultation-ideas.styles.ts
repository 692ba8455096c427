import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      --_card-border: var(--civic-ideas-card-border, 1px solid var(--_border));
    }

    .base {
      max-width: 48rem;
    }

    .heading-0 {
      margin: 0 0 0.5rem;
      font-size: 1.375rem;
      font-weight: 700;
    }

    .heading-1 {
      margin: 1.5rem 0 0.5rem;
      font-size: 1.125rem;
      font-weight: 700;
    }

    .heading-2 {
      margin: 0;
      font-size: 1.0625rem;
      font-weight: 700;
    }

    p {
      margin: 0 0 0.75rem;
    }

    .ideas {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .idea {
      padding: 0.75rem 1rem;
      border: var(--_card-border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .heading-2,
    .idea p {
      overflow-wrap: anywhere;
    }

    .idea p {
      margin: 0.5rem 0 0;
    }

    .idea-body {
      white-space: pre-line;
    }

    .idea-status {
      font-weight: 600;
      color: var(--_muted);
    }

    .idea .status-rejected {
      color: var(--_danger);
    }

    .idea-footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-top: 0.5rem;
    }

    .idea .supports {
      margin: 0;
      font-weight: 600;
    }

    .support {
      padding: 0.5rem 1rem;
    }

    .supported {
      color: var(--_success);
      background: var(--_surface);
      border: 2px solid var(--_success);
      font-weight: 600;
    }

    .support[aria-disabled='true'] {
      opacity: 1;
      cursor: default;
    }

    .empty,
    .loading {
      color: var(--_muted);
    }

    .form {
      margin-top: 1.5rem;
    }

    .field {
      display: flex;
      flex-direction: column;
      margin-bottom: 1rem;
    }

    label {
      margin-bottom: 0.25rem;
      font-weight: 600;
    }

    input,
    textarea {
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem;
      font: inherit;
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    textarea {
      resize: vertical;
    }

    input[aria-invalid='true'] {
      border: 2px solid var(--_danger);
    }

    input[readonly],
    textarea[readonly] {
      background: color-mix(in srgb, var(--_border) 10%, var(--_surface));
    }

    .hint {
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .counter {
      margin: 0.25rem 0 0;
    }

    .field-error {
      margin: 0.25rem 0 0;
      color: var(--_danger);
      font-weight: 600;
    }

    .error,
    .confirmation,
    .notice {
      padding: 0.5rem 0.75rem;
      background: var(--_surface);
      border-left: 4px solid var(--_muted);
    }

    .error {
      color: var(--_danger);
      border-left-color: var(--_danger);
    }

    .confirmation {
      border-left-color: var(--_success);
    }

    .rejection {
      font-style: italic;
    }

    @media (forced-colors: active) {
      .supported {
        border-color: CanvasText;
      }
    }
  `,
];
