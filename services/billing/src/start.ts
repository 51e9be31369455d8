import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService } from '@labshare/runtime';
import { loadBillingConfig, type BillingConfig } from './config';
import { buildBillingRoutes } from './entry-points/http/routes';

export async function start(config: BillingConfig = loadBillingConfig()): Promise<RunningService> {
  return startService({
    name: 'billing',
    config,
    topics: [topics.orgs, topics.resources, topics.usage, topics.billing],
    build: (deps) => ({
      routes: buildBillingRoutes(deps),
      repositories: [],
      consumers: [],
      jobs: [],
    }),
  });
}

export { loadBillingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
