import type { AdapterError, Idea, IdeaSubmission, IdeaSupportReceipt } from '@civic-pulse/core';

const SHARED = { bubbles: true, composed: true } as const;

/**
 * What a host page sees of an idea about to be proposed: its id (the idempotency key), title and
 * body. Not the participant: the event fires before anything is stored on the device, so that a
 * host page's consent step can veto it and leave nothing behind.
 */
export type IdeaDraft = Pick<IdeaSubmission, 'id' | 'title' | 'body'>;

/** Fired before an idea is proposed; `preventDefault()` stops it, e.g. for a consent step of the host page. */
export class IdeaSubmitEvent extends Event {
  static readonly type = 'civic-idea-submit';
  constructor(
    readonly consultation: string,
    readonly idea: IdeaDraft,
  ) {
    super(IdeaSubmitEvent.type, { ...SHARED, cancelable: true });
  }
}

/** Fired once the backend has stored the idea; `event.idea.status` is `pending` under pre-moderation. */
export class IdeaSubmittedEvent extends Event {
  static readonly type = 'civic-idea-submitted';
  constructor(
    readonly consultation: string,
    readonly idea: Idea,
  ) {
    super(IdeaSubmittedEvent.type, SHARED);
  }
}

/** Fired once the backend has counted the participant's support; `event.receipt.supports` is the new total. */
export class IdeaSupportedEvent extends Event {
  static readonly type = 'civic-idea-supported';
  constructor(
    readonly consultation: string,
    readonly receipt: IdeaSupportReceipt,
  ) {
    super(IdeaSupportedEvent.type, SHARED);
  }
}

/**
 * Fired when loading, proposing or supporting failed; the element shows the error and offers to
 * retry where that can help. `event.idea` is the idea's id, when the failure concerns one.
 */
export class IdeaErrorEvent extends Event {
  static readonly type = 'civic-idea-error';
  constructor(
    readonly action: 'load' | 'submit' | 'support',
    readonly idea: string | undefined,
    readonly error: AdapterError,
  ) {
    super(IdeaErrorEvent.type, SHARED);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-idea-submit': IdeaSubmitEvent;
    'civic-idea-submitted': IdeaSubmittedEvent;
    'civic-idea-supported': IdeaSupportedEvent;
    'civic-idea-error': IdeaErrorEvent;
  }
}
