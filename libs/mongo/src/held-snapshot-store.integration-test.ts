import { describe, expect, it } from 'vitest';
import { HeldSnapshotStore } from './held-snapshot-store';
import { testDatabase } from './test-database';

interface Item {
  id: string;
  version: number;
  name: string;
}

describe('snapshots held in memory, read from the database once', () => {
  const db = testDatabase('held');

  it('when a store is loaded on a database holding snapshots, then all() answers every one in id order without reading it again, newer events winning', async () => {
    const before = new HeldSnapshotStore<Item>(db(), 'items', { awaitMs: 0 });
    for (const id of ['c', 'a', 'b']) await before.save({ id, version: 1, name: `${id}1` });

    const store = new HeldSnapshotStore<Item>(db(), 'items', { awaitMs: 0 });
    store.remember({ id: 'b', version: 2, name: 'b2' }); // heard while loading
    await store.load();
    await db().dropCollection('items'); // what all() answers now can only come from memory
    store.remember({ id: 'd', version: 1, name: 'd1' });
    expect((await store.all()).map((s) => s.name)).toEqual(['a1', 'b2', 'c1', 'd1']);
  });
});
