import mongoose from 'mongoose';
import { testEnv } from '@labshare/testkit';
import { loadInventoryConfig } from '../../src/config';
import { start } from '../../src/start';
import { topics } from '@labshare/contracts';
import { eventTap } from '@labshare/testkit';
import { httpClient } from './http-client';

/**
 * The inventory service in-process on port 0, with a topic prefix and a database of its own (so
 * test files running in parallel never relay each other's outboxes), and a tap on its topics.
 */
export async function startInventory(overrides: Record<string, string> = {}) {
  const env = testEnv(overrides);
  const dbName = `${env.MONGO_DB_PREFIX}inventory`;
  const service = await start(loadInventoryConfig(env));
  const events = await eventTap(env, [topics.orgs, topics.resources]);
  return {
    service,
    env,
    events,
    http: httpClient(service.url),
    async stop() {
      await events.stop();
      await service.stop();
      await dropDatabase(env.MONGO_URL ?? '', dbName);
    },
  };
}

export type Inventory = Awaited<ReturnType<typeof startInventory>>;

async function dropDatabase(url: string, dbName: string): Promise<void> {
  const db = await mongoose.createConnection(url, { dbName }).asPromise();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
}
