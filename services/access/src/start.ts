import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService } from '@labshare/runtime';
import { loadAccessConfig, type AccessConfig } from './config';
import { buildAccessRoutes } from './entry-points/http/routes';

export async function start(config: AccessConfig = loadAccessConfig()): Promise<RunningService> {
  return startService({
    name: 'access',
    config,
    topics: [topics.bookings, topics.qualifications, topics.usage],
    build: (deps) => ({
      routes: buildAccessRoutes(deps),
      repositories: [],
      consumers: [],
      jobs: [],
    }),
  });
}

export { loadAccessConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
