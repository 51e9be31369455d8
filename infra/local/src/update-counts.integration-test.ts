// The local MongoDB-wire server's updates without whole-document copies (LeanUpdates.java), in both
// of its backends: they store and answer as mongo-java-server as shipped does (matched, modified,
// upserted, multi), and an update refused (a unique index, an operator's error) leaves the document
// as it was, however deep the values it had changed before the refusal (the update is computed on a
// copy that owns only what its paths reach: a change below a shared value would survive a refusal).
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { BACKENDS, databaseOnOwnServer } from './own-server-fixture';

interface Thing {
  _id: string;
  version: number;
  items?: { id: string; n: number }[];
  code?: string;
  nested?: { list: number[]; rows: { tags: string[]; at?: { n: number } }[]; note?: string };
}

const NESTED = { list: [1, 2, 3], rows: [{ tags: ['x', 'y'], at: { n: 1 } }, { tags: ['z'] }] };

describe.each(BACKENDS)('the $backend server, answering updates', ({ durable }) => {
  const db = databaseOnOwnServer(durable, async (empty) => {
    const things = empty.collection<Thing>('things');
    await things.createIndex({ code: 1 }, { unique: true, sparse: true });
    await things.insertMany([
      { _id: 'a', version: 1, items: [{ id: 'i1', n: 1 }] },
      { _id: 'b', version: 1 },
      { _id: 'c', version: 1, code: 'taken' },
      { _id: 'n', version: 1, nested: NESTED },
    ]);
  });
  const things = () => db().collection<Thing>('things');

  it('counts a changed document as modified and stores the change', async () => {
    const result = await things().updateOne(
      { _id: 'a', version: 1 },
      { $inc: { version: 1 }, $push: { items: { id: 'i2', n: 2 } } },
    );
    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 1,
      modified: 1,
    });
    expect(await things().findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      version: 2,
      items: [
        { id: 'i1', n: 1 },
        { id: 'i2', n: 2 },
      ],
    });
  });

  it('replaces and pulls array items in place', async () => {
    const result = await things().updateOne(
      { _id: 'a', version: 2 },
      { $inc: { version: 1 }, $set: { 'items.1': { id: 'i2', n: 20 } } },
    );
    expect(result.modifiedCount).toBe(1);
    await things().updateOne({ _id: 'a' }, { $pull: { items: { id: 'i1' } }, $set: { version: 2 } });
    expect(await things().findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      version: 2,
      items: [{ id: 'i2', n: 20 }],
    });
  });

  it('leaves the document as it was when an operator fails', async () => {
    const failing = things().updateOne({ _id: 'a' }, { $inc: { version: 1, 'items.0.id': 1 } });
    await expect(failing).rejects.toBeInstanceOf(MongoServerError);
    expect(await things().findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      version: 2,
      items: [{ id: 'i2', n: 20 }],
    });
  });

  it('counts a matched document the update leaves as it was as not modified', async () => {
    const result = await things().updateOne({ _id: 'b' }, { $set: { version: 1 } });
    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 1,
      modified: 0,
    });
  });

  it('matches nothing on a stale version, and upserts when asked', async () => {
    const stale = await things().updateOne({ _id: 'b', version: 7 }, { $set: { code: 'x' } });
    expect({ matched: stale.matchedCount, modified: stale.modifiedCount }).toEqual({
      matched: 0,
      modified: 0,
    });
    const upsert = await things().updateOne({ _id: 'd' }, { $set: { version: 1 } }, { upsert: true });
    expect({ upserted: upsert.upsertedId, matched: upsert.matchedCount }).toEqual({
      upserted: 'd',
      matched: 0,
    });
    expect(await things().findOne({ _id: 'd' })).toEqual({ _id: 'd', version: 1 });
  });

  it('counts each document of a multi update, and refuses one that breaks a unique index', async () => {
    const multi = await things().updateMany({ _id: { $in: ['a', 'b', 'c'] } }, { $set: { version: 2 } });
    expect({ matched: multi.matchedCount, modified: multi.modifiedCount }).toEqual({
      matched: 3,
      modified: 2, // 'a' was at 2 already
    });
    const refused = things().updateOne({ _id: 'b' }, { $set: { code: 'taken' } });
    await expect(refused).rejects.toBeInstanceOf(MongoServerError);
    await expect(refused).rejects.toMatchObject({ code: 11000 });
    expect(await things().findOne({ _id: 'b' })).toEqual({ _id: 'b', version: 2 });
  });

  it('leaves every nested value as it was when an update that changed it is refused', async () => {
    const deepChanges = {
      $pull: { 'nested.list': 2, 'nested.rows.0.tags': 'x' },
      $push: { 'nested.rows.1.tags': 'w' },
      $set: { 'nested.rows.0.at.n': 5, 'nested.note': 'changed' },
      $unset: { 'nested.rows.1.tags': true, 'nested.rows.0.at': true },
    };
    for (const [update, code] of [
      // a unique index refuses the write after every operator ran
      [{ $pull: deepChanges.$pull, $set: { ...deepChanges.$set, code: 'taken' } }, 11000],
      [
        { $addToSet: { 'nested.list': 9 }, $pop: { 'nested.rows.0.tags': 1 }, $set: { code: 'taken' } },
        11000,
      ],
      [{ $unset: deepChanges.$unset, $set: { code: 'taken' } }, 11000],
      // an operator fails after others ran
      [{ $push: deepChanges.$push, $set: deepChanges.$set, $inc: { 'nested.rows.0.tags': 1 } }, undefined],
      [
        { $rename: { 'nested.note': 'nested.other' }, $pull: { 'nested.list': 3 }, $inc: { _id: 1 } },
        undefined,
      ],
    ] as const) {
      const refused = things().updateOne({ _id: 'n' }, update as never);
      await expect(refused, JSON.stringify(update)).rejects.toBeInstanceOf(MongoServerError);
      if (code) await expect(refused).rejects.toMatchObject({ code });
      expect(await things().findOne({ _id: 'n' }), JSON.stringify(update)).toEqual({
        _id: 'n',
        version: 1,
        nested: NESTED,
      });
    }
  });

  it('changes values deep in arrays and documents, and through a positional path', async () => {
    await things().updateOne(
      { _id: 'n' },
      {
        $pull: { 'nested.list': 2 },
        $push: { 'nested.rows.1.tags': 'w' },
        $set: { 'nested.rows.0.at.n': 5, 'nested.note': 'set' },
      },
    );
    await things().updateOne(
      { _id: 'n', 'nested.rows.tags': 'w' },
      { $set: { 'nested.rows.$.tags.0': 'z2' }, $addToSet: { 'nested.list': 4 } },
    );
    await things().updateOne({ _id: 'n' }, { $rename: { 'nested.note': 'nested.other' } });
    expect(await things().findOne({ _id: 'n' })).toEqual({
      _id: 'n',
      version: 1,
      nested: {
        list: [1, 3, 4],
        rows: [{ tags: ['x', 'y'], at: { n: 5 } }, { tags: ['z2', 'w'] }],
        other: 'set',
      },
    });
  });
});
