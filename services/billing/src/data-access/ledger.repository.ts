import mongoose, { type Connection, type Model } from 'mongoose';
import type { LedgerSide } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import {
  insertEachOnce,
  mongoOutboxSource,
  outboxFields,
  withOutbox,
  type OutboxEntry,
} from '@labshare/mongo';
import type { WrittenOutbox } from '@labshare/messaging';
import type { LedgerStore, PendingEvent } from '../domain/ports';
import type { LedgerLine } from '../domain/rules/ledger-lines';

type LineDocument = Omit<LedgerLine, 'id' | 'createdAt'> & {
  _id: string;
  createdAt: Date;
  outbox: OutboxEntry[];
};

const schema = new mongoose.Schema(
  {
    _id: String,
    kind: String,
    origin: String,
    consumerOrgId: String,
    providerOrgId: String,
    amount: Number,
    currency: String,
    bookingId: String,
    resourceId: String,
    period: String,
    servicePeriod: String,
    createdAt: Date,
    sourceEventId: String,
    rateCardVersion: Number,
    category: String,
    minutes: Number,
    corrects: String,
    ...outboxFields,
  },
  { versionKey: false },
);
schema.index({ consumerOrgId: 1, period: 1, _id: 1 });
schema.index({ providerOrgId: 1, period: 1, _id: 1 });
schema.index({ period: 1, consumerOrgId: 1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };
const orgField = (side: LedgerSide) => (side === 'consumer' ? 'consumerOrgId' : 'providerOrgId');

/**
 * The ledger, one document per line with both sides. The line's `_id` is derived from the fact it
 * charges, so the unique `_id` is what makes a fact count once, whatever the deliveries, replicas or
 * crashes: the second insert fails with E11000. Lines are inserted, never updated (the outbox field
 * aside, which only the relay clears).
 */
export class LedgerRepository implements LedgerStore {
  private readonly model: Model<LineDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: (written: WrittenOutbox) => void,
  ) {
    this.model = db.model<LineDocument>('LedgerLine', schema, 'ledger');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async record(line: LedgerLine, events: PendingEvent[]): Promise<boolean> {
    const [inserted] = await this.recordMany([{ line, events }]);
    return inserted!;
  }

  /**
   * Every line is written on a record's path: each insert claims its own outbox for this process's
   * relay, which is handed the events at once (no claim round trip, no search).
   */
  async recordMany(entries: { line: LedgerLine; events: PendingEvent[] }[]): Promise<boolean[]> {
    const claims = entries.map(({ line, events }) =>
      events.length > 0 ? this.outboxSource.claimInWrite(line.id) : undefined,
    );
    const inserted = await insertEachOnce(
      this.model,
      entries.map(({ line, events }, i) => withOutbox(toDocument(line), events, claims[i])),
    );
    entries.forEach(({ events }, i) => {
      const claim = claims[i];
      if (inserted[i] && claim) this.eventsWritten(claim.written(events));
    });
    return inserted;
  }

  async get(id: string): Promise<LedgerLine | undefined> {
    const doc = await this.model.findById(id, withoutOutbox).lean<LineDocument>();
    return doc ? fromDocument(doc) : undefined;
  }

  async byIds(ids: string[]): Promise<LedgerLine[]> {
    const docs = await this.model
      .find({ _id: { $in: ids } }, withoutOutbox)
      .sort({ _id: 1 })
      .lean<LineDocument[]>();
    return docs.map(fromDocument);
  }

  async list(
    orgId: string,
    side: LedgerSide,
    period: string,
    page: PageRequest<string>,
  ): Promise<LedgerLine[]> {
    const filter: Record<string, unknown> = { [orgField(side)]: orgId, period };
    if (page.after !== undefined) filter._id = { $gt: page.after };
    const docs = await this.model
      .find(filter, withoutOutbox)
      .sort({ _id: 1 })
      .limit(page.limit)
      .lean<LineDocument[]>();
    return docs.map(fromDocument);
  }

  async total(orgId: string, side: LedgerSide, period: string): Promise<number> {
    const [sum] = await this.model.aggregate<{ total: number }>([
      { $match: { [orgField(side)]: orgId, period } },
      { $group: { _id: null, total: { $sum: '$amount' } } },
    ]);
    return sum?.total ?? 0;
  }

  async consumersIn(period: string): Promise<string[]> {
    const orgs = await this.model.distinct('consumerOrgId', { period });
    return orgs.map(String).sort();
  }
}

function toDocument(line: LedgerLine): Omit<LineDocument, 'outbox'> {
  const { id, createdAt, ...rest } = line;
  return { _id: id, ...rest, createdAt: new Date(createdAt) };
}

function fromDocument(doc: LineDocument): LedgerLine {
  const { _id, createdAt, outbox: _outbox, ...rest } = doc as LineDocument & { outboxClaimedUntil?: unknown };
  const line: LedgerLine = { id: _id, ...rest, createdAt: createdAt.getTime() };
  // Absent optional fields stay absent (a lean read may give nulls for them).
  for (const key of Object.keys(line) as (keyof LedgerLine)[]) if (line[key] === null) delete line[key];
  return line;
}
