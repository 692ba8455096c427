export {
  createOutbox,
  Outbox,
  OutboxSentEvent,
  OutboxDroppedEvent,
  OutboxStatusEvent,
  DEFAULT_OUTBOX_NAME,
  type OutboxOptions,
  type OutboxSubmission,
  type OutboxKind,
  type OutboxItem,
  type OutboxStatus,
  type OutboxEventMap,
} from './outbox.js';
