import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService } from '@labshare/runtime';
import { loadInventoryConfig, type InventoryConfig } from './config';
import { buildInventoryRoutes } from './entry-points/http/inventory.routes';

export async function start(config: InventoryConfig = loadInventoryConfig()): Promise<RunningService> {
  return startService({
    name: 'inventory',
    config,
    topics: [topics.orgs, topics.resources],
    build: (deps) => ({
      routes: buildInventoryRoutes(deps),
      outboxSources: [],
      consumers: [],
      jobs: [],
      ensureIndexes: async () => undefined,
    }),
  });
}

export { loadInventoryConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
