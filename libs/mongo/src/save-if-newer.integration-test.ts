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
});
