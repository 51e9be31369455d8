import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import {
  newEvent,
  orgEventTypes,
  policyDefaults,
  resourceEventTypes,
  topics,
  type Org,
  type Resource,
} from '@labshare/contracts';
import { createLogger } from '@labshare/logging';
import { MessageBus } from '@labshare/messaging';
import type { RunningService } from '@labshare/runtime';
import { apiClient, freePort, testEnv, tokenFor, waitFor } from '@labshare/testkit';
import { loadBookingConfig } from '../src/config';
import { start } from '../src/start';

export const admin = tokenFor({ sub: 'platform-admin', org: 'zone-admin', roles: ['admin'] });

/**
 * The booking service really started (real Kafka, real MongoDB-wire server), learning about orgs and
 * resources the way it does in production: from inventory's events on the bus, published here.
 */
export async function startBookingService(overrides: Record<string, string> = {}, replicas = 1) {
  const inventoryStub = await startInventoryStub();
  const env = testEnv({
    INVENTORY_URL: inventoryStub.url,
    BOOKING_SCAN_CRON: '0 0 0 1 1 *',
    ...overrides,
  });
  // The services' clock, which a test may move forward to make holds expire or bookings start.
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const services: RunningService[] = [];
  for (let i = 0; i < replicas; i++) services.push(await start(loadBookingConfig(env), { clock: clock.now }));
  const bus = new MessageBus({
    brokers: env.KAFKA_BROKERS!.split(','),
    clientId: 'booking-test',
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    logger: createLogger({ service: 'booking-test', level: 'silent' }),
  });
  const api = apiClient(services[0]!.url);
  return {
    env,
    clock,
    services,
    bus,
    api,
    apis: services.map((s) => apiClient(s.url)),
    inventoryStub,
    async stop() {
      await bus.disconnect();
      await Promise.all(services.map((s) => s.stop()));
      await new Promise((resolve) => inventoryStub.server.close(resolve));
    },
  };
}

/**
 * Plays inventory's API for booking's read-through (`GET /v1/orgs/:id`, `GET /v1/resources/:id`):
 * an HTTP stub of another service; Kafka and MongoDB stay real.
 */
async function startInventoryStub() {
  const records = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const record = records.get(req.url ?? '');
    res
      .writeHead(record ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(record ?? {}));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server, records };
}

export type BookingHarness = Awaited<ReturnType<typeof startBookingService>>;

/** An org, announced on the bus as inventory would, with tokens for its people. */
export async function makeOrg(h: BookingHarness, kind: Org['kind'] = 'enterprise') {
  const now = new Date().toISOString();
  const org: Org = {
    id: `org-${randomUUID()}`,
    name: `Org ${kind}`,
    kind,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  h.inventoryStub.records.set(`/v1/orgs/${org.id}`, org);
  await h.bus.publish(topics.orgs, [
    newEvent({
      source: 'test/inventory',
      type: orgEventTypes.created,
      subject: org.id,
      data: { org },
      time: new Date(),
    }),
  ]);
  return {
    id: org.id,
    orgAdmin: tokenFor({ sub: `admin-${org.id}`, org: org.id, roles: ['org_admin'] }),
    booker: (user = `user-${randomUUID().slice(0, 8)}`) =>
      tokenFor({ sub: user, org: org.id, roles: ['booker'] }),
  };
}

export type TestOrg = Awaited<ReturnType<typeof makeOrg>>;

/** A full resource snapshot (always open, 15-minute grid, no lead time) with `overrides` applied. */
export function resourceSnapshot(owner: { id: string }, overrides: Partial<Resource> = {}): Resource {
  const now = new Date().toISOString();
  return {
    id: `res-${randomUUID()}`,
    orgId: owner.id,
    kind: 'equipment',
    name: 'Test instrument',
    description: '',
    capacity: 1,
    timezone: 'Asia/Shanghai',
    shared: true,
    openingHours: [],
    // The contract's defaults, on a finer grid, with a year of horizon.
    policy: { ...policyDefaults, slotMinutes: 15, minMinutes: 15, horizonDays: 365 },
    rates: {
      currency: 'CNY',
      perHour: {
        internal: 0,
        university: 30000,
        enterprise: 80000,
        training_body: 25000,
        government: 30000,
        other: 80000,
      },
      incrementMinutes: 15,
      minimumMinutes: 0,
    },
    requiredQualifications: [],
    quota: {},
    blackouts: [],
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** Publishes a resource as inventory would and waits until booking can answer for it. */
export async function makeResource(h: BookingHarness, owner: TestOrg, overrides: Partial<Resource> = {}) {
  const resource = resourceSnapshot(owner, overrides);
  await publishResource(h, resource, resourceEventTypes.created);
  return resource;
}

export async function publishResource(
  h: BookingHarness,
  resource: Resource,
  type: string = resourceEventTypes.updated,
) {
  await h.bus.publish(topics.resources, [
    newEvent({ source: 'test/inventory', type, subject: resource.id, data: { resource }, time: new Date() }),
  ]);
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

/** A whole-hour instant `days` from today (UTC midnight based), always on a 15-minute grid. */
export function at(days: number, hour: number, minute = 0): string {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + days * 86_400_000 + hour * 3_600_000 + minute * 60_000).toISOString();
}
