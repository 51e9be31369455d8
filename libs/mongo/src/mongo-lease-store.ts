import type { Connection } from 'mongoose';
import type { LeaseStore } from '@labshare/scheduler';
import { isDuplicateKeyError } from './duplicate-key';

/**
 * Named leases in a `leases` collection: one conditional upsert takes a free or expired lease, or
 * renews one the caller already holds. Another holder's live lease makes the upsert collide on
 * `_id` (E11000), which means "not yours".
 */
export class MongoLeaseStore implements LeaseStore {
  constructor(private readonly connection: Connection) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    try {
      await this.connection
        .collection<{ _id: string; holder: string; until: Date }>('leases')
        .updateOne(
          { _id: name, $or: [{ holder }, { until: { $lt: now } }] },
          { $set: { holder, until: new Date(now.getTime() + ttlMs) } },
          { upsert: true },
        );
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    await this.connection
      .collection<{ _id: string; holder: string }>('leases')
      .deleteOne({ _id: name, holder });
  }
}
