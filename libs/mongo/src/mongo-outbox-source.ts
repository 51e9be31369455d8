import type { Model } from 'mongoose';
import type { EventEnvelope } from '@labshare/contracts';
import type { OutboxBatch, OutboxSource, WrittenOutbox } from '@labshare/messaging';

/** One pending event in a document's `outbox` array. */
export interface OutboxEntry {
  topic: string;
  event: EventEnvelope;
}

/**
 * Schema fields an aggregate needs to carry its own outbox. The state change and the events it
 * causes go in one document write (`$set` + `$push: { outbox: ... }`): atomic without transactions.
 */
export const outboxFields = {
  outbox: { type: [{ _id: false, topic: String, event: Object }], default: [] },
  outboxClaimedUntil: { type: Date, default: null },
};

/** An outbox source whose writers can claim the outbox in the write that queues its events. */
export interface MongoOutboxSource extends OutboxSource {
  /**
   * A claim made by the write itself: put `set` in the write's `$set` (beside its `$push` of events),
   * have the write return the document's `outbox`, and nudge the relay with `written(_id, outbox)`:
   * the relay then sends those events without a claim round trip. At least once still holds: if this
   * process dies before relaying, the claim runs out after the lease and a sweep relays them.
   */
  claimInWrite(): {
    set: { outboxClaimedUntil: Date };
    written(documentId: string, outbox: OutboxEntry[]): WrittenOutbox;
  };
}

/**
 * Outbox source over one collection. A relay claims a document for `leaseMs` with a conditional
 * update, so two replicas do not relay the same document at once (that would only duplicate, since
 * consumers are idempotent, but it is waste). A relay that dies loses its claim when the lease ends.
 * A relay told which document was just written claims it by `_id` (a point read; on a sharded
 * cluster, one shard) instead of searching the collection for pending outboxes.
 */
export function mongoOutboxSource<T>(model: Model<T>, options: { leaseMs?: number } = {}): MongoOutboxSource {
  const leaseMs = options.leaseMs ?? 30_000;
  /** Claims one document with pending events that no relay holds, among those `filter` matches. */
  const claimOne = async (filter: Record<string, unknown>): Promise<OutboxBatch | undefined> => {
    const now = new Date();
    const doc = await model
      .findOneAndUpdate(
        {
          ...filter,
          'outbox.0': { $exists: true },
          $or: [{ outboxClaimedUntil: null }, { outboxClaimedUntil: { $lt: now } }],
        },
        { $set: { outboxClaimedUntil: new Date(now.getTime() + leaseMs) } },
        { projection: { outbox: 1 }, new: true },
      )
      .lean<{ _id: unknown; outbox: OutboxEntry[] }>();
    return doc ? { documentId: String(doc._id), events: doc.outbox } : undefined;
  };
  const name = model.collection.collectionName;
  return {
    name,
    claimInWrite() {
      const until = new Date(Date.now() + leaseMs);
      return {
        set: { outboxClaimedUntil: until },
        written: (documentId, outbox) => ({
          source: name,
          documentId,
          claimed: { until: until.getTime(), events: outbox },
        }),
      };
    },
    async claim(limit: number): Promise<OutboxBatch[]> {
      const batches: OutboxBatch[] = [];
      while (batches.length < limit) {
        const batch = await claimOne({});
        if (!batch) break;
        batches.push(batch);
      }
      return batches;
    },
    async claimDocuments(documentIds: string[]): Promise<OutboxBatch[]> {
      const claimed = await Promise.all(documentIds.map((_id) => claimOne({ _id })));
      return claimed.filter((b) => b !== undefined);
    },
    async markRelayed(documentId: string, eventIds: string[]): Promise<void> {
      await model.updateOne(
        { _id: documentId },
        { $pull: { outbox: { 'event.id': { $in: eventIds } } }, $set: { outboxClaimedUntil: null } },
      );
    },
  };
}
