import mongoose, { type Connection, type Model } from 'mongoose';
import type { Statement } from '@labshare/contracts';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, StatementStore } from '../domain/ports';

interface StatementDocument {
  _id: string;
  orgId: string;
  period: string;
  status: 'open' | 'closing' | 'issued';
  /** The lines the period admitted (while open). */
  lineIds: string[];
  statement?: Statement;
  outbox: OutboxEntry[];
}

const schema = new mongoose.Schema(
  {
    _id: String,
    orgId: String,
    period: String,
    status: String,
    lineIds: [String],
    statement: Object,
    ...outboxFields,
  },
  { versionKey: false },
);

/**
 * One document per org and period (`_id` = `orgId:period`). A line is admitted by a conditional
 * update on `status: open`, and the close flips the status in one write: whichever comes first
 * decides, so a line admitted is in the issued statement and a line refused counts later. The
 * issued statement is set once, with its event in the same write, and never changed.
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
    const doc = await this.model
      .findOne({ _id: key(orgId, period), status: 'issued' }, { statement: 1 })
      .lean<StatementDocument>();
    return doc?.statement;
  }

  async admit(orgId: string, period: string, lineId: string): Promise<boolean> {
    const _id = key(orgId, period);
    for (;;) {
      try {
        // The common case in one write: the period is open (or not yet started) and takes the line.
        await this.model.updateOne(
          { _id, status: 'open' },
          { $addToSet: { lineIds: lineId }, $setOnInsert: { orgId, period } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Not open (or two first lines raced to create it: look again): it counts the line only if it admitted it before.
      const doc = await this.model.findById(_id, { status: 1 }).lean<StatementDocument>();
      if (doc && doc.status !== 'open') return (await this.model.exists({ _id, lineIds: lineId })) !== null;
    }
  }

  async admitAll(orgId: string, period: string, lineIds: string[]): Promise<boolean> {
    try {
      await this.model.updateOne(
        { _id: key(orgId, period), status: 'open' },
        { $addToSet: { lineIds: { $each: lineIds } }, $setOnInsert: { orgId, period } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // Not open (or two first writes raced to create it): `admit`, line by line, sorts it out.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async close(orgId: string, period: string): Promise<string[]> {
    const _id = key(orgId, period);
    try {
      await this.model.updateOne(
        { _id },
        { $setOnInsert: { orgId, period, status: 'closing', lineIds: [] } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.model.updateOne({ _id, status: 'open' }, { $set: { status: 'closing' } });
    const doc = await this.model.findById(_id, { lineIds: 1 }).lean<StatementDocument>();
    return doc?.lineIds ?? [];
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
    const _id = key(statement.orgId, statement.period);
    try {
      const result = await this.model.updateOne(
        { _id, status: { $ne: 'issued' } },
        {
          $set: {
            orgId: statement.orgId,
            period: statement.period,
            status: 'issued',
            lineIds: statement.lines.map((l) => l.entryId),
            statement,
          },
          $push: { outbox: { $each: events } },
        },
        { upsert: true },
      );
      if (result.modifiedCount + result.upsertedCount === 0) return false;
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

function key(orgId: string, period: string): string {
  return `${orgId}:${period}`;
}
