import { html, type TemplateResult } from 'lit';

export interface SendButtonState {
  /** A send is under way: the button says so and does nothing more when pressed. */
  sending: boolean;
  /** The last send failed and can be tried again with the same record. */
  retryable: boolean;
  /** The server's Retry-After is running: pressing would only be refused again. */
  blocked: boolean;
}

/**
 * The submit button of a form that sends one record: "Send", then "Sending…", then "Try again"
 * after a failure that may pass. It stays focusable while unavailable (aria-disabled rather than
 * disabled), so that focus is not lost in the middle of a send.
 */
export function sendButton(state: SendButtonState, labels: { send: string; sending: string; retry: string }): TemplateResult {
  return html`
    <button
      type="submit"
      part=${state.retryable ? 'submit retry' : 'submit'}
      class="button-primary"
      aria-disabled=${state.sending || state.blocked ? 'true' : 'false'}
    >
      ${state.sending ? labels.sending : state.retryable ? labels.retry : labels.send}
    </button>
  `;
}
