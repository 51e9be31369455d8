// The in-memory server keeps no running data size (MongoLauncher.java): tracking it, every update
// encoded the whole document as BSON twice. The durable (H2) server still keeps it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongo, type LocalServer } from './index';

describe.each([
  { backend: 'in-memory', durable: false, tracked: false },
  { backend: 'durable (H2)', durable: true, tracked: true },
])('the $backend server', ({ durable, tracked }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'data-size-'));
  let mongo: LocalServer | undefined;
  let client: MongoClient | undefined;

  afterAll(async () => {
    await client?.close();
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${tracked ? 'keeps' : 'keeps no'} running data size, and stores and updates documents alike`, async () => {
    mongo = await startMongo({ dataDir, durable });
    client = await MongoClient.connect(mongo.url);
    const db = client.db('test');
    const things = db.collection<{ _id: string; items: number[] }>('things');
    await things.insertOne({ _id: 'a', items: [1, 2] });
    await things.updateOne({ _id: 'a' }, { $push: { items: 3 } });
    expect(await things.findOne({ _id: 'a' })).toEqual({ _id: 'a', items: [1, 2, 3] });
    const stats = await db.command({ collStats: 'things' });
    expect(stats.count).toBe(1);
    expect(stats.size > 0).toBe(tracked);
  }, 300_000);
});
