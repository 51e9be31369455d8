import type { Model } from 'mongoose';
import type { OutboxEntry } from './mongo-outbox-source';
import { isDuplicateKeyError, writeErrorsOf } from './duplicate-key';

type FactDocument = Record<string, unknown> & { _id: unknown };

/**
 * The document as stored with the events it causes in its outbox, for the relay to publish; with a
 * `claim` (`claimInWrite()` of its outbox source), claimed by this process's relay in the insert.
 */
export function withOutbox(
  document: FactDocument,
  events: OutboxEntry[],
  claim?: { set: { outboxClaimedUntil: Date } },
): FactDocument {
  return { ...document, outbox: events, outboxClaimedUntil: claim?.set.outboxClaimedUntil ?? null };
}

/**
 * Inserts a document whose `_id` names the fact it records, with the events it causes in its
 * outbox: one write, atomic without transactions. `false` when a document with that `_id` exists
 * (E11000): the unique `_id` is what makes the fact count once, whatever the deliveries, replicas
 * or crashes.
 */
export async function insertOnce<T>(
  model: Model<T>,
  document: FactDocument,
  events: OutboxEntry[],
): Promise<boolean> {
  const [inserted] = await insertEachOnce(model, [withOutbox(document, events)]);
  return inserted!;
}

/** `insertOnce` for many facts in one round trip (`insertEachIfAbsent`). */
export function insertEachOnce<T>(model: Model<T>, documents: FactDocument[]): Promise<boolean[]> {
  return insertEachIfAbsent(model.collection, documents);
}

/**
 * Each document inserted unless its `_id` is taken, in one round trip (unordered, so one taken does
 * not stop the others): for each, in order, whether this call inserted it. Any failure other than
 * E11000 is thrown; the documents it did insert stay, which a retry absorbs.
 */
export async function insertEachIfAbsent(
  collection: { insertMany(documents: never[], options: { ordered: false }): Promise<unknown> },
  documents: object[],
): Promise<boolean[]> {
  if (documents.length === 0) return [];
  try {
    await collection.insertMany(documents as never[], { ordered: false });
    return documents.map(() => true);
  } catch (error) {
    const failures = writeErrorsOf(error);
    if (failures.length === 0 || failures.some((failure) => !isDuplicateKeyError(failure))) throw error;
    const recorded = new Set(failures.map((failure) => failure.index));
    return documents.map((_, index) => !recorded.has(index));
  }
}
