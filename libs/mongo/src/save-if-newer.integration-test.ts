import { describe, expect, it } from 'vitest';
import { saveEachIfNewer } from './save-if-newer';
import { testDatabase } from './test-database';

describe('documents saved in one round trip, each only if newer', () => {
  const db = testDatabase('newer');
  const read = async () =>
    Object.fromEntries(
      (await db().db!.collection<{ _id: string; version: number; n: number }>('views').find().toArray()).map(
        (d) => [d._id, [d.version, d.n]],
      ),
    );

  it('when a batch holds older, equal, newer and repeated versions, then each document ends at its highest version and nothing throws', async () => {
    await saveEachIfNewer(db().db!, 'views', [
      { id: 'a', version: 2, fields: { n: 20 } },
      { id: 'b', version: 1, fields: { n: 10 } },
    ]);
    await saveEachIfNewer(db().db!, 'views', [
      { id: 'a', version: 1, fields: { n: 11 } }, // older: refused (its insert collides on _id)
      { id: 'b', version: 1, fields: { n: 99 } }, // equal: refused
      { id: 'c', version: 3, fields: { n: 30 } },
      { id: 'c', version: 5, fields: { n: 50 } }, // of one id, the highest is sent
      { id: 'c', version: 4, fields: { n: 40 } },
      { id: 'b', version: 2, fields: { n: 21 } },
    ]);
    expect(await read()).toEqual({ a: [2, 20], b: [2, 21], c: [5, 50] });
  });

  it('when a batch holds first versions only, then those not stored are inserted and a stored copy is left as it is', async () => {
    await saveEachIfNewer(db().db!, 'views', [{ id: 'd', version: 3, fields: { n: 30 } }]);
    await saveEachIfNewer(db().db!, 'views', [
      { id: 'e', version: 1, fields: { n: 10 }, first: true },
      { id: 'd', version: 1, fields: { n: 11 }, first: true }, // a newer copy is stored: refused
      { id: 'f', version: 1, fields: { n: 12 }, first: true },
    ]);
    await saveEachIfNewer(db().db!, 'views', [{ id: 'e', version: 1, fields: { n: 99 }, first: true }]);
    expect(await read()).toMatchObject({ d: [3, 30], e: [1, 10], f: [1, 12] });
    // Stored as the upsert stores a first version: its _id, its fields, its version.
    expect(
      await db()
        .db!.collection('views')
        .findOne({ _id: 'e' as never }),
    ).toEqual({
      _id: 'e',
      n: 10,
      version: 1,
    });
  });
});
