import { describe, expect, it } from 'vitest';
import { updateEachIfMatched } from './update-each-if-matched';
import { testDatabase } from './test-database';

type Counter = { _id: string; version: number; n: number; log?: string[] };

describe('compare-and-sets of several documents in one round trip', () => {
  const db = testDatabase('cas');
  const counters = () => db().db!.collection<Counter>('counters');

  it('when a batch holds a current, a stale and a failing update, then each is told its own outcome, only the current one is applied, and no document is inserted', async () => {
    await counters().insertMany([
      { _id: 'a', version: 3, n: 1 },
      { _id: 'b', version: 5, n: 1 },
      { _id: 'c', version: 1, n: 'text' as never },
      { _id: 'd', version: 2, n: 1, log: [] },
    ]);
    const outcomes = await updateEachIfMatched(counters(), [
      { filter: { _id: 'a', version: 3 }, update: { $inc: { version: 1 }, $set: { n: 2 } } },
      { filter: { _id: 'b', version: 4 }, update: { $inc: { version: 1 }, $set: { n: 2 } } }, // stale
      { filter: { _id: 'c', version: 1 }, update: { $inc: { version: 1, n: 1 } } }, // $inc of a string
      { filter: { _id: 'd', version: 2 }, update: { $inc: { version: 1 }, $push: { log: 'x' } } },
    ]);
    expect(outcomes.slice(0, 2)).toEqual([true, false]);
    expect(outcomes[2]).toBeInstanceOf(Error);
    expect(outcomes[3]).toBe(true);
    const stored = await counters().find().sort({ _id: 1 }).toArray();
    expect(stored).toEqual([
      { _id: 'a', version: 4, n: 2 },
      { _id: 'b', version: 5, n: 1 },
      { _id: 'c', version: 1, n: 'text' as never },
      { _id: 'd', version: 3, n: 1, log: ['x'] },
    ]);
  });

  it('when no update in the batch is refused, then all are applied', async () => {
    await counters().insertMany([
      { _id: 'e', version: 1, n: 0 },
      { _id: 'f', version: 1, n: 0 },
    ]);
    const outcomes = await updateEachIfMatched(
      counters(),
      ['e', 'f'].map((_id) => ({ filter: { _id, version: 1 }, update: { $inc: { version: 1, n: 1 } } })),
    );
    expect(outcomes).toEqual([true, true]);
    expect(await counters().countDocuments({ _id: { $in: ['e', 'f'] }, version: 2, n: 1 })).toBe(2);
  });

  it('when a batch holds one update, then it is told applied or refused just the same', async () => {
    await counters().insertOne({ _id: 'g', version: 1, n: 0 });
    const once = (version: number) =>
      updateEachIfMatched(counters(), [
        { filter: { _id: 'g', version }, update: { $inc: { version: 1, n: 1 } } },
      ]);
    expect(await once(1)).toEqual([true]);
    expect(await once(1)).toEqual([false]); // stale now
    expect(await counters().findOne({ _id: 'g' })).toEqual({ _id: 'g', version: 2, n: 1 });
    expect(await counters().countDocuments()).toBe(7); // nothing inserted by a refusal
  });
});
