import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertEachOnce, insertOnce } from './insert-once';
import { outboxFields } from './mongo-outbox-source';
import { testDatabase } from './test-database';

describe('facts recorded once', () => {
  const db = testDatabase('facts');
  let Fact: mongoose.Model<{ _id: string; n: number }>;
  beforeAll(() => {
    const schema = new mongoose.Schema({ _id: String, n: Number, ...outboxFields }, { versionKey: false });
    Fact = db().model<{ _id: string; n: number }>('Fact', schema, 'facts');
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
