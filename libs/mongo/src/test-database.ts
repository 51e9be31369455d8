import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { testInfra } from '@labshare/testkit';

/**
 * For integration tests: a database of the test file's own on the test server, connected before its
 * tests and dropped after them. Returns the connection's getter (set once `beforeAll` has run).
 */
export function testDatabase(prefix: string): () => mongoose.Connection {
  let db: mongoose.Connection | undefined;
  beforeAll(async () => {
    db = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: `${prefix}_${randomUUID().slice(0, 8)}` })
      .asPromise();
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });
  return () => db!;
}
