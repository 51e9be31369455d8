import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@labshare/contracts';

export interface CounterDoc {
  _id: string;
  count: number;
  sum: number;
  applied: string[];
  /** Which process applied how many: shows that replicas shared the work. */
  byWorker: Record<string, number>;
}

/**
 * The effect under test, made idempotent the way the house style asks: one conditional update that
 * refuses an event id already applied, so a redelivered event changes nothing.
 */
export async function applyIncrement(db: Connection, event: EventEnvelope, worker: number): Promise<void> {
  const data = event.data as { counterId: string; n: number };
  await db
    .collection<CounterDoc>('counters')
    .updateOne(
      { _id: data.counterId, applied: { $ne: event.id } },
      { $inc: { count: 1, sum: data.n, [`byWorker.${worker}`]: 1 }, $push: { applied: event.id } },
    );
}

export async function createCounter(db: Connection, counterId: string): Promise<void> {
  await db
    .collection<CounterDoc>('counters')
    .insertOne({ _id: counterId, count: 0, sum: 0, applied: [], byWorker: {} });
}

export async function readCounter(db: Connection, counterId: string): Promise<CounterDoc> {
  const doc = await db.collection<CounterDoc>('counters').findOne({ _id: counterId });
  if (!doc) throw new Error(`counter ${counterId} missing`);
  return doc;
}
