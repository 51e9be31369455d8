import mongoose, { type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, SettledSubsidy, SubsidyPeriod, SubsidyStore } from '../domain/ports';
import type { SubsidyAccrual } from '../domain/rules/subsidy';

interface PeriodDocument {
  _id: string;
  providerOrgId: string;
  period: string;
  version: number;
  accruals: SubsidyAccrual[];
  settled: SettledSubsidy | null;
  outbox: OutboxEntry[];
}

const accrualShape = {
  _id: false,
  usageId: String,
  providerOrgId: String,
  consumerOrgId: String,
  period: String,
  minutes: Number,
  end: Number,
  amount: Number,
  policyVersion: Number,
  withdrawnBy: String,
};

const schema = new mongoose.Schema(
  {
    _id: String,
    providerOrgId: String,
    period: String,
    version: Number,
    accruals: [accrualShape],
    settled: { type: mongoose.Schema.Types.Mixed, default: null },
    ...outboxFields,
  },
  { versionKey: false, minimize: false },
);
schema.index({ period: 1, providerOrgId: 1 });
schema.index({ providerOrgId: 1, period: 1 });
schema.index({ 'accruals.usageId': 1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };
const keyOf = (providerOrgId: string, period: string) => `${providerOrgId}|${period}`;

/**
 * One document per provider and period holding its accruals and, once settled, its frozen figures.
 * Accruing and settling are each one conditional write on that document, so an accrual can never
 * slip into a period after it was settled: it either lands before (and is in the settled figures)
 * or is refused (and goes to the next period).
 */
export class SubsidyRepository implements SubsidyStore {
  private readonly model: Model<PeriodDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<PeriodDocument>('SubsidyPeriod', schema, 'subsidy_periods');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async accrualOf(usageId: string): Promise<SubsidyAccrual | undefined> {
    const doc = await this.model
      .findOne({ 'accruals.usageId': usageId }, withoutOutbox)
      .lean<PeriodDocument>();
    return doc?.accruals.map(fromAccrual).find((a) => a.usageId === usageId);
  }

  async settledPeriods(providerOrgId: string): Promise<Set<string>> {
    const docs = await this.model
      .find({ providerOrgId, settled: { $ne: null } }, { period: 1 })
      .lean<{ period: string }[]>();
    return new Set(docs.map((d) => d.period));
  }

  async settledWith(usageId: string): Promise<string | undefined> {
    const doc = await this.model
      .findOne({ 'settled.usageIds': usageId }, { period: 1 })
      .lean<{ period: string }>();
    return doc?.period;
  }

  async accrue(accrual: SubsidyAccrual): Promise<boolean> {
    const _id = keyOf(accrual.providerOrgId, accrual.period);
    try {
      const result = await this.model.updateOne(
        {
          _id,
          $or: [{ settled: null }, { 'settled.usageIds': accrual.usageId }],
          'accruals.usageId': { $ne: accrual.usageId },
        },
        {
          $setOnInsert: { providerOrgId: accrual.providerOrgId, period: accrual.period, outbox: [] },
          $push: { accruals: accrual },
          $inc: { version: 1 },
        },
        { upsert: true },
      );
      return result.modifiedCount === 1 || result.upsertedCount === 1;
    } catch (error) {
      // The period exists but is settled or holds this accrual already: the upsert's insert collides.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async withdraw(usageId: string, byUsageId: string): Promise<boolean> {
    // The array field first: the local MongoDB-wire server finds the positional match only so.
    const result = await this.model.collection.updateOne(
      { 'accruals.usageId': usageId, settled: null },
      { $set: { 'accruals.$.withdrawnBy': byUsageId }, $inc: { version: 1 } },
    );
    return result.matchedCount === 1;
  }

  async periods(period: string, providerOrgId?: string): Promise<SubsidyPeriod[]> {
    const query: Record<string, unknown> = { period };
    if (providerOrgId) query.providerOrgId = providerOrgId;
    const docs = await this.model.find(query, withoutOutbox).sort({ _id: 1 }).lean<PeriodDocument[]>();
    return docs.map((doc) => ({
      providerOrgId: doc.providerOrgId,
      period: doc.period,
      version: doc.version,
      accruals: doc.accruals.map(fromAccrual),
      ...(doc.settled ? { settled: doc.settled } : {}),
    }));
  }

  async settle(subsidy: SettledSubsidy, expectedVersion: number, events: PendingEvent[]): Promise<boolean> {
    const _id = keyOf(subsidy.providerOrgId, subsidy.period);
    if (expectedVersion === 0) {
      try {
        await this.model.create({
          _id,
          providerOrgId: subsidy.providerOrgId,
          period: subsidy.period,
          version: 1,
          accruals: [],
          settled: subsidy,
          outbox: events,
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    } else {
      const result = await this.model.updateOne(
        { _id, version: expectedVersion, settled: null },
        { $set: { settled: subsidy }, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
      );
      if (result.modifiedCount !== 1) return false;
    }
    if (events.length > 0) this.eventsWritten();
    return true;
  }
}

function fromAccrual(a: SubsidyAccrual): SubsidyAccrual {
  return {
    usageId: a.usageId,
    providerOrgId: a.providerOrgId,
    consumerOrgId: a.consumerOrgId,
    period: a.period,
    minutes: a.minutes,
    end: a.end,
    amount: a.amount,
    policyVersion: a.policyVersion,
    ...(a.withdrawnBy ? { withdrawnBy: a.withdrawnBy } : {}),
  };
}
