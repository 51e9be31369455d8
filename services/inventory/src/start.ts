import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadInventoryConfig, type InventoryConfig } from './config';
import { BookingApiClient } from './data-access/booking-api.client';
import { OrgRepository } from './data-access/org.repository';
import { ResourceRepository } from './data-access/resource.repository';
import type { InventoryDeps } from './domain/ports';
import { buildInventoryRoutes } from './entry-points/http/routes';

/** Wires inventory: repositories and booking's API → use cases → HTTP. */
function build(config: InventoryConfig, service: ServiceDeps) {
  const orgs = new OrgRepository(service.db, service.nudgeRelay);
  const resources = new ResourceRepository(service.db, service.nudgeRelay);
  const deps: InventoryDeps = {
    orgs,
    resources,
    bookings: new BookingApiClient({
      baseUrl: config.BOOKING_URL,
      timeoutMs: config.BOOKING_TIMEOUT_MS,
      logger: service.logger,
    }),
    clock: service.clock,
    newId: service.newId,
    correlationId: service.correlationId,
  };
  return {
    routes: buildInventoryRoutes(service, deps),
    repositories: [orgs, resources],
    consumers: [],
    jobs: [],
  };
}

export async function start(
  config: InventoryConfig = loadInventoryConfig(),
  options: { clock?: () => Date } = {},
): Promise<RunningService> {
  return startService({
    name: 'inventory',
    config,
    clock: options.clock,
    topics: [topics.orgs, topics.resources],
    build: (service) => build(config, service),
  });
}

export { loadInventoryConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
