// For the tests of the local MongoDB-wire server itself: each backend in turn, and a database on a
// server of its own, started before a suite's tests and stopped (its data folder removed) after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { startMongo, type LocalServer } from './index';

export const BACKENDS = [
  { backend: 'in-memory', durable: false },
  { backend: 'durable (H2)', durable: true },
];

/** Registers the suite's server; the returned function gives its `test` database, seeded. */
export function databaseOnOwnServer(durable: boolean, seed: (db: Db) => Promise<unknown>): () => Db {
  const dataDir = mkdtempSync(join(tmpdir(), 'own-server-'));
  let mongo: LocalServer | undefined;
  let client: MongoClient | undefined;

  beforeAll(async () => {
    mongo = await startMongo({ dataDir, durable });
    client = await MongoClient.connect(mongo.url);
    await seed(client.db('test'));
  }, 300_000);

  afterAll(async () => {
    await client?.close();
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return () => client!.db('test');
}
