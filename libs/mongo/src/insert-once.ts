import type { Model } from 'mongoose';
import type { OutboxEntry } from './mongo-outbox-source';
import { isDuplicateKeyError } from './duplicate-key';

/**
 * Inserts a document whose `_id` names the fact it records, with the events it causes in its
 * outbox: one write, atomic without transactions. `false` when a document with that `_id` exists
 * (E11000): the unique `_id` is what makes the fact count once, whatever the deliveries, replicas
 * or crashes.
 */
export async function insertOnce<T>(
  model: Model<T>,
  document: Record<string, unknown> & { _id: unknown },
  events: OutboxEntry[],
): Promise<boolean> {
  try {
    await model.collection.insertOne({ ...document, outbox: events, outboxClaimedUntil: null } as never);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
