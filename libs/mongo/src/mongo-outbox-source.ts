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
   *
   * With `clearDelayMs`, the relay's clean-up of such a document waits that long for the document's
   * next write to carry it: `relayed` names the events this process sent from the document and has
   * not seen cleared by a write; a write that `$set`s the outbox without them (it knows the outbox
   * at the version it is conditional on) calls `carried()` once written, and no clean-up write is made.
   */
  claimInWrite(documentId: string): {
    set: { outboxClaimedUntil: Date };
    relayed: ReadonlySet<string>;
    carried(): void;
    /** `queued`: the events this write added (marked as written here when sent; see `WRITER_HEADER`). */
    written(outbox: OutboxEntry[], queued?: OutboxEntry[]): WrittenOutbox;
  };
}

/** Events sent from one document, not yet known cleared by a write; `timer` = its clean-up is due. */
interface Sent {
  ids: Set<string>;
  timer?: NodeJS.Timeout;
}

const MAX_SENT_TRACKED = 10_000;

/**
 * Outbox source over one collection. A relay claims a document for `leaseMs` with a conditional
 * update, so two replicas do not relay the same document at once (that would only duplicate, since
 * consumers are idempotent, but it is waste). A relay that dies loses its claim when the lease ends.
 * A relay told which document was just written claims it by `_id` (a point read; on a sharded
 * cluster, one shard) instead of searching the collection for pending outboxes.
 */
export function mongoOutboxSource<T>(
  model: Model<T>,
  options: { leaseMs?: number; clearDelayMs?: number; beforeSend?: OutboxSource['beforeSend'] } = {},
): MongoOutboxSource {
  const leaseMs = options.leaseMs ?? 30_000;
  const clearDelayMs = options.clearDelayMs ?? 0;
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
  const clear = async (documentId: string, eventIds: string[]) => {
    await model.updateOne(
      { _id: documentId },
      { $pull: { outbox: { 'event.id': { $in: eventIds } } }, $set: { outboxClaimedUntil: null } },
    );
  };
  const sent = new Map<string, Sent>();
  /** The delayed clean-up of one document (its ids stay known as sent until a write carries them). */
  const clearDue = async (documentId: string) => {
    const entry = sent.get(documentId);
    if (!entry?.timer) return;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    // A failure leaves the events claimed until the lease ends; a sweep then sends them again.
    await clear(documentId, [...entry.ids]).catch(() => undefined);
  };
  const name = model.collection.collectionName;
  return {
    name,
    beforeSend: options.beforeSend,
    claimInWrite(documentId) {
      const until = new Date(Date.now() + leaseMs);
      const entry = sent.get(documentId);
      const relayed = new Set(entry?.ids);
      return {
        set: { outboxClaimedUntil: until },
        relayed,
        carried() {
          const now = sent.get(documentId);
          if (!now) return;
          for (const id of relayed) now.ids.delete(id);
          if (now.ids.size === 0) {
            clearTimeout(now.timer);
            sent.delete(documentId);
          }
        },
        written: (outbox, queued) => ({
          source: name,
          documentId,
          // Events this process sent already (their clean-up is pending) are not sent again.
          claimed: {
            until: until.getTime(),
            events: outbox.filter((e) => !sent.get(documentId)?.ids.has(e.event.id)),
            ...(queued ? { writtenHere: queued.map((e) => e.event.id) } : {}),
          },
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
    async markRelayed(documentId, eventIds, batch): Promise<void> {
      if (!batch?.claimedInWrite || clearDelayMs <= 0) return clear(documentId, eventIds);
      const entry = sent.get(documentId) ?? { ids: new Set<string>() };
      sent.delete(documentId); // re-inserted last: the map's order is the order of use
      sent.set(documentId, entry);
      for (const id of eventIds) entry.ids.add(id);
      entry.timer ??= setTimeout(() => void clearDue(documentId), clearDelayMs);
      if (sent.size > MAX_SENT_TRACKED) {
        const [oldest] = sent.keys();
        await clearDue(oldest!);
        sent.delete(oldest!);
      }
    },
    async flush(): Promise<void> {
      await Promise.all([...sent.keys()].map(clearDue));
    },
  };
}
