import type { AdapterError, SurveyReceipt } from '@civic-pulse/core';

const SHARED = { bubbles: true, composed: true } as const;

// Neither event carries the answers nor the token: a host page's analytics listening to both could
// otherwise link one agent's invitation to their answers, which the survey promises never happens.

/** Fired once the backend has recorded the agent's answers (or had them already, from a reply lost on the way). */
export class SurveySubmittedEvent extends Event {
  static readonly type = 'civic-survey-submitted';
  constructor(
    readonly survey: string,
    /** The server's receipt; absent when the answers were recorded on an earlier attempt whose reply was lost. */
    readonly receipt: SurveyReceipt | undefined,
  ) {
    super(SurveySubmittedEvent.type, SHARED);
  }
}

/** Fired when loading or sending failed; the element shows the error and offers to retry where that can help. */
export class SurveyErrorEvent extends Event {
  static readonly type = 'civic-survey-error';
  constructor(
    readonly survey: string,
    readonly error: AdapterError,
  ) {
    super(SurveyErrorEvent.type, SHARED);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-survey-submitted': SurveySubmittedEvent;
    'civic-survey-error': SurveyErrorEvent;
  }
}
