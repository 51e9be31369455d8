import mongoose, { type Connection, type Model } from 'mongoose';
import type { PageRequest } from '@labshare/domain-kit';
import type { PassStore, RevocationFilter, RevocationKey } from '../domain/ports';
import type { PassRecord } from '../domain/rules/revocation';

interface PassDocument {
  _id: string;
  kid: string;
  bookingId: string;
  resourceId: string;
  userId: string;
  bookingStart: Date;
  bookingEnd: Date;
  validFrom: Date;
  validUntil: Date;
  issuedAt: Date;
  revokedAt: Date | null;
}

const schema = new mongoose.Schema(
  {
    _id: String,
    kid: String,
    bookingId: String,
    resourceId: String,
    userId: String,
    bookingStart: Date,
    bookingEnd: Date,
    validFrom: Date,
    validUntil: Date,
    issuedAt: Date,
    revokedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
schema.index({ bookingId: 1 });
schema.index({ revokedAt: 1, _id: 1 });

/** Issued passes (by jti) and their revocations: the list devices sync. */
export class PassRepository implements PassStore {
  private readonly model: Model<PassDocument>;

  constructor(db: Connection) {
    this.model = db.model<PassDocument>('Pass', schema, 'passes');
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(pass: PassRecord): Promise<void> {
    const date = (ms: number) => new Date(ms);
    await this.model.create({
      _id: pass.jti,
      kid: pass.kid,
      bookingId: pass.bookingId,
      resourceId: pass.resourceId,
      userId: pass.userId,
      bookingStart: date(pass.bookingStart),
      bookingEnd: date(pass.bookingEnd),
      validFrom: date(pass.validFrom),
      validUntil: date(pass.validUntil),
      issuedAt: date(pass.issuedAt),
      revokedAt: pass.revokedAt === undefined ? null : date(pass.revokedAt),
    });
  }

  async get(jti: string): Promise<PassRecord | undefined> {
    const doc = await this.model.findById(jti).lean<PassDocument>();
    return doc ? fromDocument(doc) : undefined;
  }

  async ofBooking(bookingId: string): Promise<PassRecord[]> {
    return (await this.model.find({ bookingId }).lean<PassDocument[]>()).map(fromDocument);
  }

  async revoke(jtis: string[], at: number): Promise<void> {
    await this.model.updateMany(
      { _id: { $in: jtis }, revokedAt: null },
      { $set: { revokedAt: new Date(at) } },
    );
  }

  async revocations(filter: RevocationFilter, page: PageRequest<RevocationKey>): Promise<PassRecord[]> {
    const query: Record<string, unknown> = {
      revokedAt: { $ne: null, ...(filter.since !== undefined ? { $gte: new Date(filter.since) } : {}) },
      validUntil: { $gt: new Date(filter.validAfter) },
    };
    if (filter.resourceId) query.resourceId = filter.resourceId;
    if (page.after) {
      const [at, jti] = page.after;
      query.$or = [{ revokedAt: { $gt: new Date(at) } }, { revokedAt: new Date(at), _id: { $gt: jti } }];
    }
    const docs = await this.model
      .find(query)
      .sort({ revokedAt: 1, _id: 1 })
      .limit(page.limit)
      .lean<PassDocument[]>();
    return docs.map(fromDocument);
  }
}

function fromDocument(doc: PassDocument): PassRecord {
  return {
    jti: doc._id,
    kid: doc.kid,
    bookingId: doc.bookingId,
    resourceId: doc.resourceId,
    userId: doc.userId,
    bookingStart: doc.bookingStart.getTime(),
    bookingEnd: doc.bookingEnd.getTime(),
    validFrom: doc.validFrom.getTime(),
    validUntil: doc.validUntil.getTime(),
    issuedAt: doc.issuedAt.getTime(),
    ...(doc.revokedAt ? { revokedAt: doc.revokedAt.getTime() } : {}),
  };
}
