import mongoose, { type Connection, type Model } from 'mongoose';
import type { Statement } from '@labshare/contracts';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, StatementStore } from '../domain/ports';

interface StatementDocument {
  _id: string;
  statement: Statement;
  outbox: OutboxEntry[];
}

const schema = new mongoose.Schema(
  { _id: String, statement: Object, ...outboxFields },
  { versionKey: false },
);

/**
 * Issued statements, one document per org and period (`_id` = `orgId:period`, so a period is issued
 * once), each with its outbox; never changed after the insert. Numbers come from a counter per period.
 */
export class StatementRepository implements StatementStore {
  private readonly model: Model<StatementDocument>;
  readonly outboxSource;

  constructor(
    private readonly db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<StatementDocument>('Statement', schema, 'statements');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  private get counters() {
    return this.db.collection<{ _id: string; sequence: number }>('statement_numbers');
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async get(orgId: string, period: string): Promise<Statement | undefined> {
    const doc = await this.model.findById(`${orgId}:${period}`, { statement: 1 }).lean<StatementDocument>();
    return doc?.statement;
  }

  async nextSequence(period: string): Promise<number> {
    const counter = await this.counters.findOneAndUpdate(
      { _id: period },
      { $inc: { sequence: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return counter?.sequence ?? 1;
  }

  async issue(statement: Statement, events: PendingEvent[]): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: `${statement.orgId}:${statement.period}`,
        statement,
        outbox: events,
        outboxClaimedUntil: null,
      } as never);
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    // A statement restored from its event keeps its number: later ones of the period come after it.
    const sequence = Number(statement.number?.split('-').at(-1) ?? 0);
    await this.counters.updateOne({ _id: statement.period }, { $max: { sequence } }, { upsert: true });
    if (events.length > 0) this.eventsWritten();
    return true;
  }
}
