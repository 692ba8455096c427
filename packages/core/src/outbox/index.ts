export {
  createOutbox,
  Outbox,
  OutboxSentEvent,
  OutboxDroppedEvent,
  OutboxStatusEvent,
  OutboxWaitingEvent,
  DEFAULT_OUTBOX_NAME,
  type OutboxOptions,
  type OutboxSubmission,
  type OutboxKind,
  type OutboxItem,
  type OutboxStatus,
  type OutboxEventMap,
} from './outbox.js';
export { sendSubmission, submissionKey } from './kinds.js';
