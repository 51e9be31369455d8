// The local server keeps no running data size (MongoLauncher.java, DurableH2Backend.java): tracking
// it, every update encoded the whole document as BSON twice. Its documents are stored as before,
// and the durable (H2) server finds them again after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongo, type LocalServer } from './index';

type Thing = { _id: string; items: number[] };

describe.each([
  { backend: 'in-memory', durable: false },
  { backend: 'durable (H2)', durable: true },
])('the $backend server', ({ durable }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'data-size-'));
  let mongo: LocalServer | undefined;
  let client: MongoClient | undefined;

  afterAll(async () => {
    await client?.close();
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const connect = async () => {
    mongo = await startMongo({ dataDir, durable });
    client = await MongoClient.connect(mongo.url);
    return client.db('test');
  };

  it('keeps no running data size, and stores and updates documents as before', async () => {
    const db = await connect();
    const things = db.collection<Thing>('things');
    await things.insertOne({ _id: 'a', items: [1, 2] });
    await things.updateOne({ _id: 'a' }, { $push: { items: 3 } });
    expect(await things.findOne({ _id: 'a' })).toEqual({ _id: 'a', items: [1, 2, 3] });
    const stats = await db.command({ collStats: 'things' });
    expect({ count: stats.count, size: stats.size }).toEqual({ count: 1, size: 0 });
    if (!durable) return;
    await client!.close();
    await mongo!.stop();
    const again = await connect();
    expect(await again.collection<Thing>('things').findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      items: [1, 2, 3],
    });
  }, 300_000);
});
