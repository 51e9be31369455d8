import { topics } from '@labshare/contracts';
import { correlation } from '@labshare/logging';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadInventoryConfig, type InventoryConfig } from './config';
import { bookingApiClient } from './data-access/booking-api.client';
import { orgRepository } from './data-access/org.repository';
import { resourceRepository } from './data-access/resource.repository';
import type { InventoryDeps } from './domain/ports';
import { buildInventoryRoutes } from './entry-points/http/inventory.routes';

export async function start(config: InventoryConfig = loadInventoryConfig()): Promise<RunningService> {
  return startService({
    name: 'inventory',
    config,
    topics: [topics.orgs, topics.resources],
    build: (deps) => {
      const orgs = orgRepository(deps.db);
      const resources = resourceRepository(deps.db);
      const inventory = inventoryDeps(deps, config, { orgs, resources });
      return {
        routes: buildInventoryRoutes(deps, inventory),
        outboxSources: [orgs.outboxSource, resources.outboxSource],
        consumers: [],
        jobs: [],
        ensureIndexes: async () => {
          await Promise.all([orgs.ensureIndexes(), resources.ensureIndexes()]);
        },
      };
    },
  });
}

function inventoryDeps(
  deps: ServiceDeps,
  config: InventoryConfig,
  stores: Pick<InventoryDeps, 'orgs' | 'resources'>,
): InventoryDeps {
  return {
    ...stores,
    bookings: bookingApiClient({
      baseUrl: config.BOOKING_URL,
      timeoutMs: config.BOOKING_TIMEOUT_MS,
      logger: deps.logger,
    }),
    clock: deps.clock,
    published: deps.nudgeRelay,
    correlationId: () => correlation.currentId(),
  };
}

export { loadInventoryConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
