import mongoose, { type Connection, type Model } from 'mongoose';
import type { Booking, Resource } from '@labshare/contracts';
import { insertEachOnce } from '@labshare/mongo';
import type { OpenUseSources } from '../domain/ports';
import type { OpenUseSession } from '../domain/rules/open-use';

interface SessionDocument extends OpenUseSession {
  _id: string;
  period: string;
}

const schema = new mongoose.Schema(
  {
    _id: String,
    period: String,
    resourceId: String,
    providerOrgId: String,
    consumerOrgId: String,
    minutes: Number,
    quantity: Number,
    end: Number,
  },
  { versionKey: false },
);
schema.index({ period: 1 });

/** Counted booking statuses only; the rule filters again, this keeps the read small. */
const bookedStatuses: Booking['status'][] = ['confirmed', 'no_show'];

/**
 * What the open-use report reads: shared resources and bookings from the read models the snapshot
 * consumers keep (`resources`, `bookings`), and one small record per closed session, keyed by its
 * usage record id so a redelivery counts it once.
 */
export class OpenUseRepository implements OpenUseSources {
  private readonly sessions: Model<SessionDocument>;

  constructor(private readonly db: Connection) {
    this.sessions = db.model<SessionDocument>('OpenUseSession', schema, 'open_use_sessions');
  }

  async ensureIndexes(): Promise<void> {
    await this.sessions.createIndexes();
  }

  async sharedResources(): Promise<Resource[]> {
    const held = await this.db
      .collection<{ _id: string; snapshot: Resource }>('resources')
      .find({ 'snapshot.shared': true })
      .sort({ _id: 1 })
      .toArray();
    return held.map((h) => h.snapshot);
  }

  async bookingsOverlapping(
    resourceIds: string[],
    range: { start: number; end: number },
  ): Promise<Booking[]> {
    if (resourceIds.length === 0) return [];
    const held = await this.db
      .collection<{ _id: string; snapshot: Booking }>('bookings')
      .find({ 'snapshot.resourceId': { $in: resourceIds }, 'snapshot.status': { $in: bookedStatuses } })
      .sort({ _id: 1 })
      .toArray();
    return held
      .map((h) => h.snapshot)
      .filter((b) => Date.parse(b.start) < range.end && Date.parse(b.end) > range.start);
  }

  async recordSessions(sessions: (OpenUseSession & { usageId: string; period: string })[]): Promise<void> {
    // Keyed by the usage record: a session recorded before stays as it was.
    await insertEachOnce(
      this.sessions,
      sessions.map(({ usageId, ...fields }) => ({ _id: usageId, ...fields })),
    );
  }

  async sessionsIn(period: string): Promise<OpenUseSession[]> {
    const docs = await this.sessions.find({ period }).sort({ _id: 1 }).lean<SessionDocument[]>();
    return docs.map(({ resourceId, providerOrgId, consumerOrgId, minutes, quantity, end }) => ({
      resourceId,
      providerOrgId,
      consumerOrgId,
      minutes,
      quantity,
      end,
    }));
  }
}
