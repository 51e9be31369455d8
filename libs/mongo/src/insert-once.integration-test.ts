import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testInfra } from '@labshare/testkit';
import { insertEachOnce, insertOnce } from './insert-once';
import { outboxFields } from './mongo-outbox-source';

describe('facts recorded once', () => {
  let db: mongoose.Connection;
  let Fact: mongoose.Model<{ _id: string; n: number }>;
  beforeAll(async () => {
    db = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: `facts_${randomUUID().slice(0, 8)}` })
      .asPromise();
    const schema = new mongoose.Schema({ _id: String, n: Number, ...outboxFields }, { versionKey: false });
    Fact = db.model<{ _id: string; n: number }>('Fact', schema, 'facts');
  });
  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('when one fact of a batch was recorded before, then the others are inserted and it is left as it was', async () => {
    expect(await insertOnce(Fact, { _id: 'b', n: 1 }, [])).toBe(true);
    expect(await insertOnce(Fact, { _id: 'b', n: 99 }, [])).toBe(false);
    const inserted = await insertEachOnce(Fact, [
      { _id: 'a', n: 2 },
      { _id: 'b', n: 3 },
      { _id: 'c', n: 4 },
      { _id: 'a', n: 5 },
    ]);
    expect(inserted).toEqual([true, false, true, false]);
    const stored = await Fact.find({}, { n: 1 }).sort({ _id: 1 }).lean();
    expect(stored).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 1 },
      { _id: 'c', n: 4 },
    ]);
  });
});
