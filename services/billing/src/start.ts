import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService } from '@labshare/runtime';
import { loadBillingConfig, type BillingConfig } from './config';
import { buildBillingRoutes } from './entry-points/http/billing.routes';

export async function start(config: BillingConfig = loadBillingConfig()): Promise<RunningService> {
  return startService({
    name: 'billing',
    config,
    topics: [topics.orgs, topics.resources, topics.usage, topics.billing],
    build: (deps) => ({
      routes: buildBillingRoutes(deps),
      outboxSources: [],
      consumers: [],
      jobs: [],
      ensureIndexes: async () => undefined,
    }),
  });
}

export { loadBillingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
