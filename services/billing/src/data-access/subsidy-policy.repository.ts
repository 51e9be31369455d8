import mongoose, { type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { PendingEvent, StoredSubsidyPolicy, SubsidyPolicyStore } from '../domain/ports';
import { policyInForce } from '../domain/rules/subsidy';

interface PolicyDocument extends Omit<StoredSubsidyPolicy, 'version' | 'createdAt'> {
  _id: number;
  createdAt: Date;
  outbox: OutboxEntry[];
}

const schema = new mongoose.Schema(
  {
    _id: Number,
    period: String,
    currency: String,
    perHour: { lab: Number, equipment: Number, classroom: Number },
    consumerMultiplier: {
      university: Number,
      enterprise: Number,
      training_body: Number,
      government: Number,
      other: Number,
    },
    capPerProvider: Number,
    createdAt: Date,
    ...outboxFields,
  },
  { versionKey: false },
);
schema.index({ period: -1, _id: -1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

/** Subsidy policy versions, never changed: the version is the key, so two PUTs cannot take one number. */
export class SubsidyPolicyRepository implements SubsidyPolicyStore {
  private readonly model: Model<PolicyDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<PolicyDocument>('SubsidyPolicy', schema, 'subsidy_policies');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async latestVersion(): Promise<number> {
    const [doc] = await this.model.find({}, { _id: 1 }).sort({ _id: -1 }).limit(1).lean<{ _id: number }[]>();
    return doc?._id ?? 0;
  }

  async insert(policy: StoredSubsidyPolicy, events: PendingEvent[]): Promise<boolean> {
    const { version, createdAt, ...fields } = policy;
    try {
      await this.model.create({ _id: version, ...fields, createdAt: new Date(createdAt), outbox: events });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    if (events.length > 0) this.eventsWritten();
    return true;
  }

  async forPeriod(period: string, asOf: number): Promise<StoredSubsidyPolicy | undefined> {
    return policyInForce(await this.versionsUpTo(period), period, asOf);
  }

  async versionsUpTo(period: string): Promise<StoredSubsidyPolicy[]> {
    const docs = await this.model.find({ period: { $lte: period } }, withoutOutbox).lean<PolicyDocument[]>();
    return docs.map((doc) => ({
      version: doc._id,
      period: doc.period,
      currency: doc.currency,
      perHour: { lab: doc.perHour.lab, equipment: doc.perHour.equipment, classroom: doc.perHour.classroom },
      consumerMultiplier: {
        university: doc.consumerMultiplier.university,
        enterprise: doc.consumerMultiplier.enterprise,
        training_body: doc.consumerMultiplier.training_body,
        government: doc.consumerMultiplier.government,
        other: doc.consumerMultiplier.other,
      },
      capPerProvider: doc.capPerProvider,
      createdAt: doc.createdAt.getTime(),
    }));
  }
}
