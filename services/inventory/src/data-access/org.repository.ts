import mongoose, { type Connection, type Model } from 'mongoose';
import type { Org } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { CreationKey, OrgStore, PendingEvent } from '../domain/ports';
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

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

/** Organisations, each with its own outbox; writes that queue events nudge the relay. */
export class OrgRepository implements OrgStore {
  private readonly orgs: Model<OrgDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.orgs = db.model<OrgDocument>('Org', orgSchema, 'orgs');
    this.outboxSource = mongoOutboxSource(this.orgs);
  }

  async ensureIndexes(): Promise<void> {
    await this.orgs.createIndexes();
  }

  async insert(org: Org, events: PendingEvent[]) {
    try {
      await this.orgs.create({ ...toDocument(org), outbox: events });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'name_taken';
      throw error;
    }
    this.eventsWritten();
    return 'inserted';
  }

  async findById(id: string) {
    const doc = await this.orgs.findById(id, withoutOutbox).lean<OrgDocument>();
    return doc ? fromDocument(doc) : undefined;
  }

  async list(page: PageRequest<CreationKey>) {
    const docs = await this.orgs
      .find(page.after ? afterKey(page.after) : {}, withoutOutbox)
      .sort({ createdAt: 1, _id: 1 })
      .limit(page.limit)
      .lean<OrgDocument[]>();
    return docs.map(fromDocument);
  }

  async replace(next: Org, expectedVersion: number, events: PendingEvent[]) {
    const { _id, version: _version, createdAt: _createdAt, ...fields } = toDocument(next);
    try {
      const result = await this.orgs.updateOne(
        { _id, version: expectedVersion },
        { $set: fields, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
      );
      if (result.matchedCount !== 1) return 'stale';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'name_taken';
      throw error;
    }
    this.eventsWritten();
    return 'replaced';
  }
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
