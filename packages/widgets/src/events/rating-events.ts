import type { AdapterError, Rating, Receipt } from '@civic-pulse/core';

const SHARED = { bubbles: true, composed: true } as const;

/** Fired before a rating is sent; `preventDefault()` stops it, e.g. for a consent step of the host page. */
export class RatingSubmitEvent extends Event {
  static readonly type = 'civic-rating-submit';
  constructor(readonly rating: Rating) {
    super(RatingSubmitEvent.type, { ...SHARED, cancelable: true });
  }
}

/** Fired once the backend has stored the rating. */
export class RatingSubmittedEvent extends Event {
  static readonly type = 'civic-rating-submitted';
  constructor(
    readonly rating: Rating,
    readonly receipt: Receipt,
  ) {
    super(RatingSubmittedEvent.type, SHARED);
  }
}

/** Fired when sending failed; the element shows the error and offers to retry where that can help. */
export class RatingErrorEvent extends Event {
  static readonly type = 'civic-rating-error';
  constructor(
    readonly rating: Rating | undefined,
    readonly error: AdapterError,
  ) {
    super(RatingErrorEvent.type, SHARED);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-rating-submit': RatingSubmitEvent;
    'civic-rating-submitted': RatingSubmittedEvent;
    'civic-rating-error': RatingErrorEvent;
  }
}
