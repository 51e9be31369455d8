import { randomUUID } from 'node:crypto';
import { resourceEventTypes, type Org, type Resource } from '@labshare/contracts';
import type { RunningService } from '@labshare/runtime';
import { Announcer, apiClient, testEnv, tokenFor, waitFor } from '@labshare/testkit';
import { loadBookingConfig } from '../src/config';
import { start } from '../src/start';

export const admin = tokenFor({ sub: 'platform-admin', org: 'zone-admin', roles: ['admin'] });

/**
 * The booking service really started (real Kafka, real MongoDB-wire server), learning about orgs and
 * resources the way it does in production: from inventory's events on the bus, published here.
 */
export async function startBookingService(overrides: Record<string, string> = {}, replicas = 1) {
  const env = testEnv({ BOOKING_SCAN_CRON: '0 0 0 1 1 *', ...overrides });
  // The services' clock, which a test may move forward to make holds expire or bookings start.
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const services: RunningService[] = [];
  for (let i = 0; i < replicas; i++) services.push(await start(loadBookingConfig(env), { clock: clock.now }));
  const inventory = new Announcer(env, 'booking-test');
  return {
    env,
    clock,
    services,
    /** Plays inventory (and access) on the bus. */
    inventory,
    bus: inventory.bus,
    api: apiClient(services[0]!.url),
    apis: services.map((s) => apiClient(s.url)),
    async stop() {
      await inventory.stop();
      await Promise.all(services.map((s) => s.stop()));
    },
  };
}

export type BookingHarness = Awaited<ReturnType<typeof startBookingService>>;

/** An org, announced on the bus as inventory would, with tokens for its people. */
export async function makeOrg(h: BookingHarness, kind: Org['kind'] = 'enterprise') {
  const org = await h.inventory.org(kind);
  return {
    id: org.id,
    orgAdmin: tokenFor({ sub: `admin-${org.id}`, org: org.id, roles: ['org_admin'] }),
    booker: (user = `user-${randomUUID().slice(0, 8)}`) =>
      tokenFor({ sub: user, org: org.id, roles: ['booker'] }),
  };
}

export type TestOrg = Awaited<ReturnType<typeof makeOrg>>;

/** Publishes a resource as inventory would and waits until booking can answer for it. */
export async function makeResource(h: BookingHarness, owner: TestOrg, overrides: Partial<Resource> = {}) {
  const resource = await h.inventory.resource(owner, overrides);
  await knownToBooking(h, resource);
  return resource;
}

export async function publishResource(
  h: BookingHarness,
  resource: Resource,
  type: string = resourceEventTypes.updated,
) {
  await h.inventory.resourceState(resource, type);
  await knownToBooking(h, resource);
}

async function knownToBooking(h: BookingHarness, resource: Resource) {
  const from = new Date(Date.now() + 86_400_000).toISOString();
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString();
  await waitFor(
    async () => {
      const answers = await Promise.all(
        h.apis.map((api) =>
          api('GET', `/v1/availability?resourceId=${resource.id}&from=${from}&to=${to}`, { token: admin }),
        ),
      );
      return answers.every((a) => a.status === 200);
    },
    { what: `resource ${resource.id} known to booking` },
  );
}
