export { connectMongo, type MongoConnection } from './connect-mongo';
export {
  mongoOutboxSource,
  outboxFields,
  type MongoOutboxSource,
  type OutboxEntry,
} from './mongo-outbox-source';
export { MongoLeaseStore } from './mongo-lease-store';
export { isDuplicateKeyError } from './duplicate-key';
export { insertEachOnce, insertOnce, withOutbox } from './insert-once';
export { MongoIdempotencyStore } from './mongo-idempotency-store';
export { saveEachIfNewer, saveIfNewer, type NewerVersion } from './save-if-newer';
export { WriteBatcher } from './write-batcher';
export { updateEachIfMatched, type ConditionalUpdate } from './update-each-if-matched';
export { HeldSnapshotStore } from './held-snapshot-store';
export { SnapshotStore, type Snapshot } from './snapshot-store';
