export {
  actorSchema,
  createEvent,
  envelopeSchema,
  eventSubjectSchema,
  InvalidEventError,
  parseEnvelope,
  type Actor,
  type AnyEventEnvelope,
  type EventEnvelope,
  type EventMeta,
  type EventSubject,
  type RawEnvelope,
} from './envelope.js';
export {
  eventSchemas,
  isEventType,
  type EventData,
  type EventDataInput,
  type EventSchemas,
  type EventType,
} from './registry.js';
export {
  DUPLICATE_WINDOW_MS,
  EVENT_TYPE_PATTERN,
  SUBJECT_PREFIX,
  ensureStream,
  serviceOfType,
  streamConfig,
  streamName,
  streamSubject,
  subjectForType,
  typeFromSubject,
} from './subjects.js';
export {
  Outbox,
  PENDING_EVENTS_FIELD,
  eventsForInsert,
  pendingEventsPlugin,
  withEvents,
  type EventSource,
  type OutboxOptions,
  type OutboxRow,
  type PendingEvent,
} from './outbox.js';
export { OutboxRelay, publishOutboxRow, type RelayOptions } from './relay.js';
export {
  PROCESSED_EVENTS_COLLECTION,
  processedEventsCollection,
  startConsumer,
  type ConsumerOptions,
  type EventContext,
  type EventHandler,
  type ProcessedEvent,
  type RunningConsumer,
} from './consumer.js';
export { connectNats, natsReady } from './nats-connection.js';
export {
  DeactivatedAccounts,
  followDeactivations,
  type DeactivationFollower,
} from './deactivated-accounts.js';
export { TRACEPARENT_HEADER, contextFromTraceparent, currentTraceparent } from './tracing.js';
export type { EventsLogger } from './logger.js';
export {
  MAX_ATTEMPTS,
  STALE_CLAIM_MS,
  WRITE_CLAIMS,
  backoff,
  commitAtRevision,
  isDuplicateKey,
  releasePendingEvents,
  retryAtRevision,
  updateAtRevision,
  type RevisionedRecord,
} from './claimed-write.js';
