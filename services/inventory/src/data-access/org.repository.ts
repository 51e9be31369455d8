import mongoose, { type Connection } from 'mongoose';
import type { Org } from '@labshare/contracts';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { OutboxSource } from '@labshare/messaging';
import type { OrgStore, PageRequest, PendingEvent } from '../domain/ports';
import { afterKey } from './query-helpers';

interface OrgDocument extends Omit<Org, 'id' | 'createdAt' | 'updatedAt'> {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

const orgSchema = new mongoose.Schema(
  {
    _id: String,
    name: String,
    kind: String,
    version: Number,
    createdAt: Date,
    updatedAt: Date,
    ...outboxFields,
  },
  { versionKey: false },
);
// One organisation per name: a retried create without an Idempotency-Key cannot register it twice.
orgSchema.index({ name: 1 }, { unique: true });
orgSchema.index({ createdAt: 1, _id: 1 });

export interface OrgRepository extends OrgStore {
  outboxSource: OutboxSource;
  ensureIndexes(): Promise<void>;
}

export function orgRepository(db: Connection): OrgRepository {
  const Orgs = db.model<OrgDocument>('Org', orgSchema, 'orgs');
  const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };
  return {
    outboxSource: mongoOutboxSource(Orgs),
    ensureIndexes: async () => {
      await Orgs.createIndexes();
    },

    async insert(org: Org, events: PendingEvent[]) {
      try {
        await Orgs.create({ ...toDocument(org), outbox: events });
        return 'inserted';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'name_taken';
        throw error;
      }
    },

    async findById(id: string) {
      const doc = await Orgs.findById(id, withoutOutbox).lean<OrgDocument>();
      return doc ? fromDocument(doc) : undefined;
    },

    async list(page: PageRequest) {
      const docs = await Orgs.find(page.after ? afterKey(page.after) : {}, withoutOutbox)
        .sort({ createdAt: 1, _id: 1 })
        .limit(page.limit)
        .lean<OrgDocument[]>();
      return docs.map(fromDocument);
    },

    async replace(next: Org, expectedVersion: number, events: PendingEvent[]) {
      const { _id, version: _version, createdAt: _createdAt, ...fields } = toDocument(next);
      try {
        const result = await Orgs.updateOne(
          { _id, version: expectedVersion },
          { $set: fields, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
        );
        return result.matchedCount === 1 ? 'replaced' : 'stale';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'name_taken';
        throw error;
      }
    },
  };
}

function toDocument(org: Org): Omit<OrgDocument, 'outbox'> {
  const { id, createdAt, updatedAt, ...rest } = org;
  return { _id: id, ...rest, createdAt: new Date(createdAt), updatedAt: new Date(updatedAt) };
}

function fromDocument(doc: OrgDocument): Org {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
