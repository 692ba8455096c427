import type { AdapterError, ConsultationResponse, Receipt } from '@civic-pulse/core';

const SHARED = { bubbles: true, composed: true } as const;

/**
 * Fired when the person sends their answers, before anything is stored on the device or sent;
 * `preventDefault()` stops it, e.g. for a consent step of the host page.
 */
export class ConsultationSubmitEvent extends Event {
  static readonly type = 'civic-consultation-submit';
  constructor(
    readonly consultation: string,
    readonly answers: Readonly<Record<string, unknown>>,
  ) {
    super(ConsultationSubmitEvent.type, { ...SHARED, cancelable: true });
  }
}

/** Fired once the backend has stored the response. */
export class ConsultationSubmittedEvent extends Event {
  static readonly type = 'civic-consultation-submitted';
  constructor(
    readonly consultation: string,
    readonly response: ConsultationResponse,
    readonly receipt: Receipt,
  ) {
    super(ConsultationSubmittedEvent.type, SHARED);
  }
}

/**
 * Fired when loading or sending failed; the element shows the error and offers to retry where that
 * can help. `response` is the one that was sent, when the failure is a sending's.
 */
export class ConsultationErrorEvent extends Event {
  static readonly type = 'civic-consultation-error';
  constructor(
    readonly consultation: string,
    readonly response: ConsultationResponse | undefined,
    readonly error: AdapterError,
  ) {
    super(ConsultationErrorEvent.type, SHARED);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-consultation-submit': ConsultationSubmitEvent;
    'civic-consultation-submitted': ConsultationSubmittedEvent;
    'civic-consultation-error': ConsultationErrorEvent;
  }
}
