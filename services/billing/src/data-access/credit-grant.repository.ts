import mongoose, { type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError, mongoOutboxSource, outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { CreditApplication, CreditGrantStore, PendingEvent, StoredCreditGrant } from '../domain/ports';

interface ApplicationDocument extends Omit<CreditApplication, 'appliedAt' | 'returnedAt'> {
  appliedAt: Date;
}

/** A draw given back: kept beside the draws (a conditional `$push`, no positional update). */
interface ReturnDocument {
  chargeId: string;
  at: Date;
}

interface GrantDocument extends Omit<
  StoredCreditGrant,
  'id' | 'expiresAt' | 'createdAt' | 'expiredAt' | 'applications'
> {
  _id: string;
  expiresAt: Date;
  createdAt: Date;
  expiredAt: Date | null;
  applications: ApplicationDocument[];
  returns: ReturnDocument[];
  outbox: OutboxEntry[];
}

const schema = new mongoose.Schema(
  {
    _id: String,
    orgId: String,
    fundingSource: String,
    amount: Number,
    currency: String,
    balance: Number,
    expiresAt: Date,
    coversPercent: Number,
    resourceKinds: [String],
    createdAt: Date,
    expiredAt: { type: Date, default: null },
    applications: [
      {
        _id: false,
        chargeId: String,
        amount: Number,
        providerOrgId: String,
        consumerOrgId: String,
        period: String,
        appliedAt: Date,
      },
    ],
    returns: [{ _id: false, chargeId: String, at: Date }],
    ...outboxFields,
  },
  { versionKey: false },
);
schema.index({ orgId: 1, expiresAt: 1 });
schema.index({ 'applications.period': 1 });

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

/**
 * Usage-credit grants, one document each with its draws. A draw is one conditional write on the
 * grant (`balance ≥ amount` and no draw of that charge yet, then `$inc` and `$push` together), so two
 * charges racing for one grant can never overdraw it and a redelivered charge never draws twice.
 */
export class CreditGrantRepository implements CreditGrantStore {
  private readonly model: Model<GrantDocument>;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.model = db.model<GrantDocument>('CreditGrant', schema, 'credit_grants');
    this.outboxSource = mongoOutboxSource(this.model);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(grant: StoredCreditGrant, events: PendingEvent[]): Promise<boolean> {
    try {
      await this.model.create({ ...toDocument(grant), outbox: events });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    this.eventsWritten();
    return true;
  }

  async ofOrg(orgId: string): Promise<StoredCreditGrant[]> {
    const docs = await this.model
      .find({ orgId }, withoutOutbox)
      .sort({ expiresAt: 1, _id: 1 })
      .lean<GrantDocument[]>();
    return docs.map(fromDocument);
  }

  async orgsWithGrants(orgIds: string[]): Promise<Set<string>> {
    if (orgIds.length === 0) return new Set();
    const docs = await this.model
      .find({ orgId: { $in: [...new Set(orgIds)] } }, { orgId: 1 })
      .lean<Pick<GrantDocument, 'orgId'>[]>();
    return new Set(docs.map((doc) => doc.orgId));
  }

  async draw(grantId: string, application: CreditApplication): Promise<boolean> {
    const result = await this.model.updateOne(
      {
        _id: grantId,
        balance: { $gte: application.amount },
        'applications.chargeId': { $ne: application.chargeId },
      },
      {
        $inc: { balance: -application.amount },
        $push: { applications: { ...application, appliedAt: new Date(application.appliedAt) } },
      },
    );
    return result.modifiedCount === 1;
  }

  async giveBack(grantId: string, chargeId: string, amount: number, at: number): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: grantId, 'applications.chargeId': chargeId, 'returns.chargeId': { $ne: chargeId } },
      { $inc: { balance: amount }, $push: { returns: { chargeId, at: new Date(at) } } },
    );
    return result.modifiedCount === 1;
  }

  async redeemedIn(period: string, fundingSource?: string): Promise<StoredCreditGrant[]> {
    const query: Record<string, unknown> = { 'applications.period': period };
    if (fundingSource) query.fundingSource = fundingSource;
    const docs = await this.model.find(query, withoutOutbox).sort({ _id: 1 }).lean<GrantDocument[]>();
    return docs.map(fromDocument);
  }

  async dueForExpiry(now: number): Promise<StoredCreditGrant[]> {
    const docs = await this.model
      .find({ expiredAt: null, expiresAt: { $lt: new Date(now) } }, withoutOutbox)
      .sort({ _id: 1 })
      .limit(1000)
      .lean<GrantDocument[]>();
    return docs.map(fromDocument);
  }

  async markExpired(id: string, at: number, events: PendingEvent[]): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, expiredAt: null },
      { $set: { expiredAt: new Date(at) }, $push: { outbox: { $each: events } } },
    );
    if (result.modifiedCount !== 1) return false;
    if (events.length > 0) this.eventsWritten();
    return true;
  }
}

function toDocument(grant: StoredCreditGrant): Omit<GrantDocument, 'outbox'> {
  const { id, expiresAt, createdAt, expiredAt, applications, ...fields } = grant;
  return {
    ...fields,
    _id: id,
    resourceKinds: [...(grant.resourceKinds ?? [])],
    expiresAt: new Date(expiresAt),
    createdAt: new Date(createdAt),
    expiredAt: expiredAt === undefined ? null : new Date(expiredAt),
    applications: applications.map(({ returnedAt: _returnedAt, ...a }) => ({
      ...a,
      appliedAt: new Date(a.appliedAt),
    })),
    returns: applications.flatMap((a) =>
      a.returnedAt === undefined ? [] : [{ chargeId: a.chargeId, at: new Date(a.returnedAt) }],
    ),
  };
}

function fromDocument(doc: GrantDocument): StoredCreditGrant {
  return {
    id: doc._id,
    orgId: doc.orgId,
    fundingSource: doc.fundingSource,
    amount: doc.amount,
    currency: doc.currency,
    balance: doc.balance,
    expiresAt: doc.expiresAt.getTime(),
    coversPercent: doc.coversPercent,
    resourceKinds: doc.resourceKinds ?? [],
    createdAt: doc.createdAt.getTime(),
    ...(doc.expiredAt ? { expiredAt: doc.expiredAt.getTime() } : {}),
    applications: (doc.applications ?? []).map((a) => {
      const returned = doc.returns?.find((r) => r.chargeId === a.chargeId);
      return {
        chargeId: a.chargeId,
        amount: a.amount,
        providerOrgId: a.providerOrgId,
        consumerOrgId: a.consumerOrgId,
        period: a.period,
        appliedAt: new Date(a.appliedAt).getTime(),
        ...(returned ? { returnedAt: new Date(returned.at).getTime() } : {}),
      };
    }),
  };
}
