export { MessageBus, WRITER_HEADER, type MessageBusOptions } from './message-bus';
export {
  OutboxRelay,
  type OutboxSource,
  type OutboxBatch,
  type OutboxRelayOptions,
  type WrittenOutbox,
} from './outbox-relay';
export {
  ConsumerRunner,
  type BatchHandler,
  type EventHandler,
  type ConsumerRunnerOptions,
} from './consumer-runner';
export { isTransientError } from './transient-error';
export { batchHandlerFor, handlersFor } from './event-handlers';
