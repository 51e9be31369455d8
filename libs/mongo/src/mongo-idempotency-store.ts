import type { Connection } from 'mongoose';
import type { IdempotencyStore, StoredResponse } from '@labshare/http';
import { isDuplicateKeyError } from './duplicate-key';

interface IdempotencyRecord {
  _id: string;
  fingerprint: string;
  state: 'pending' | 'done';
  startedAt: Date;
  response?: StoredResponse;
}

/**
 * Idempotency keys in an `idempotency_keys` collection, claimed by inserting the key as `_id`.
 * A claim left pending by a crashed request is taken over after `staleMs`.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly connection: Connection,
    private readonly staleMs = 60_000,
  ) {}

  private get records() {
    return this.connection.collection<IdempotencyRecord>('idempotency_keys');
  }

  async begin(id: string, fingerprint: string) {
    const now = new Date();
    try {
      await this.records.insertOne({ _id: id, fingerprint, state: 'pending', startedAt: now });
      return { state: 'new' as const };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.records.findOne({ _id: id });
    if (existing?.state === 'done' && existing.response) {
      return { state: 'done' as const, fingerprint: existing.fingerprint, response: existing.response };
    }
    const takeover = await this.records.updateOne(
      { _id: id, state: 'pending', startedAt: { $lt: new Date(now.getTime() - this.staleMs) } },
      { $set: { startedAt: now, fingerprint } },
    );
    return takeover.modifiedCount === 1 ? { state: 'new' as const } : { state: 'pending' as const };
  }

  async complete(id: string, response: StoredResponse): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'done', response } });
  }

  async abandon(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id, state: 'pending' });
  }
}
