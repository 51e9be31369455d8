import mongoose, { type Connection, type Model } from 'mongoose';
import { insertOnce, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, SessionStore } from '../domain/ports';
import type { ClosedSession, SessionState } from '../domain/rules/sessions';

type SessionDocument = Omit<SessionState, 'id' | 'startedAt' | 'autoCloseAt' | 'endedAt'> & {
  _id: string;
  startedAt: Date;
  autoCloseAt: Date;
  endedAt?: Date;
  outbox: OutboxEntry[];
};

const schema = new mongoose.Schema(
  {
    _id: String,
    bookingId: String,
    resourceId: String,
    providerOrgId: String,
    consumerOrgId: String,
    userId: String,
    passJti: String,
    checkedInBy: String,
    startedAt: Date,
    autoCloseAt: Date,
    booking: Object,
    status: String,
    endedAt: Date,
    minutes: Number,
    closedBy: String,
    ...outboxFields,
  },
  { versionKey: false },
);
schema.index({ status: 1, autoCloseAt: 1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

/**
 * Sessions, `_id` derived from the booking: the unique `_id` makes "one check-in per booking" hold
 * for any number of replicas (the loser's insert fails with E11000). Sharded by `_id`, both inserts
 * go to the same shard and meet the same unique index, so it holds on a sharded cluster too. The
 * close and its usage record event are one conditional update (`status: open`), with the event in
 * the document's outbox.
 */
export class SessionRepository implements SessionStore {
  private readonly model: Model<SessionDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<SessionDocument>('Session', schema, 'sessions');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async open(session: SessionState, events: PendingEvent[]): Promise<boolean> {
    if (!(await insertOnce(this.model, toDocument(session), events))) return false;
    this.eventsWritten();
    return true;
  }

  async get(id: string): Promise<SessionState | undefined> {
    const doc = await this.model.findById(id, withoutOutbox).lean<SessionDocument>();
    return doc ? fromDocument(doc) : undefined;
  }

  async close(session: ClosedSession, events: PendingEvent[]): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: session.id, status: 'open' },
      {
        $set: {
          status: 'closed',
          endedAt: new Date(session.endedAt),
          minutes: session.minutes,
          closedBy: session.closedBy,
        },
        $push: { outbox: { $each: events } },
      },
    );
    if (result.modifiedCount !== 1) return false;
    this.eventsWritten();
    return true;
  }

  async overdue(now: number): Promise<string[]> {
    const docs = await this.model
      .find({ status: 'open', autoCloseAt: { $lte: new Date(now) } }, { _id: 1 })
      .limit(1000)
      .lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }
}

function toDocument(session: SessionState): Omit<SessionDocument, 'outbox'> {
  const { id, startedAt, autoCloseAt, endedAt, ...rest } = session;
  return {
    _id: id,
    ...rest,
    startedAt: new Date(startedAt),
    autoCloseAt: new Date(autoCloseAt),
    ...(endedAt !== undefined ? { endedAt: new Date(endedAt) } : {}),
  };
}

function fromDocument(doc: SessionDocument): SessionState {
  return {
    id: doc._id,
    bookingId: doc.bookingId,
    resourceId: doc.resourceId,
    providerOrgId: doc.providerOrgId,
    consumerOrgId: doc.consumerOrgId,
    userId: doc.userId,
    passJti: doc.passJti,
    checkedInBy: doc.checkedInBy,
    startedAt: doc.startedAt.getTime(),
    autoCloseAt: doc.autoCloseAt.getTime(),
    booking: doc.booking,
    status: doc.status,
    ...(doc.endedAt ? { endedAt: doc.endedAt.getTime() } : {}),
    ...(doc.minutes !== undefined && doc.minutes !== null ? { minutes: doc.minutes } : {}),
    ...(doc.closedBy ? { closedBy: doc.closedBy } : {}),
  };
}
