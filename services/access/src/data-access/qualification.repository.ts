import mongoose, { type Connection, type Model } from 'mongoose';
import type { Qualification } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import { mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, QualificationFilter, QualificationStore } from '../domain/ports';

interface QualificationDocument extends Omit<Qualification, 'id'> {
  _id: string;
  outbox: OutboxEntry[];
}

const schema = new mongoose.Schema(
  {
    _id: String,
    orgId: String,
    userId: String,
    name: String,
    expiresAt: { type: String, default: null },
    revokedAt: { type: String, default: null },
    version: Number,
    ...outboxFields,
  },
  { versionKey: false },
);
schema.index({ orgId: 1, userId: 1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

/** Qualifications access grants, each with its outbox (its snapshot events); writes nudge the relay. */
export class QualificationRepository implements QualificationStore {
  private readonly model: Model<QualificationDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<QualificationDocument>('Qualification', schema, 'qualifications');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(qualification: Qualification, events: PendingEvent[]): Promise<void> {
    const { id, ...fields } = qualification;
    await this.model.create({ _id: id, ...fields, outbox: events });
    this.eventsWritten();
  }

  async get(id: string): Promise<Qualification | undefined> {
    const doc = await this.model.findById(id, withoutOutbox).lean<QualificationDocument>();
    return doc ? fromDocument(doc) : undefined;
  }

  async replace(next: Qualification, expectedVersion: number, events: PendingEvent[]): Promise<boolean> {
    const { id, ...fields } = next;
    const result = await this.model.updateOne(
      { _id: id, version: expectedVersion },
      { $set: fields, $push: { outbox: { $each: events } } },
    );
    if (result.matchedCount !== 1) return false;
    this.eventsWritten();
    return true;
  }

  async list(filter: QualificationFilter, page: PageRequest<string>): Promise<Qualification[]> {
    const query: Record<string, unknown> = {};
    if (filter.orgId) query.orgId = filter.orgId;
    if (filter.userId) query.userId = filter.userId;
    if (page.after) query._id = { $gt: page.after };
    const docs = await this.model
      .find(query, withoutOutbox)
      .sort({ _id: 1 })
      .limit(page.limit)
      .lean<QualificationDocument[]>();
    return docs.map(fromDocument);
  }

  async held(orgId: string, userId: string): Promise<Qualification[]> {
    const docs = await this.model
      .find({ orgId, userId, revokedAt: null }, withoutOutbox)
      .limit(1000)
      .lean<QualificationDocument[]>();
    return docs.map(fromDocument);
  }
}

function fromDocument(doc: QualificationDocument): Qualification {
  return {
    id: doc._id,
    orgId: doc.orgId,
    userId: doc.userId,
    name: doc.name,
    expiresAt: doc.expiresAt ?? null,
    revokedAt: doc.revokedAt ?? null,
    version: doc.version,
  };
}
