import { randomUUID } from 'node:crypto';
import type { Booking, EventEnvelope, Org, Resource, Revocation } from '@labshare/contracts';
import { newPassKeyPem } from '@labshare/auth';
import type { RunningService } from '@labshare/runtime';
import {
  Announcer,
  apiClient,
  bookingSnapshot,
  eventTap,
  orgSnapshot,
  testEnv,
  tokenFor,
  waitFor,
  type EventTap,
} from '@labshare/testkit';
import { loadAccessConfig } from '../src/config';
import { start } from '../src/start';

export const admin = tokenFor({ sub: 'platform-admin', org: 'zone-admin', roles: ['admin'] });

/**
 * The services' clock: real time unless a test sets it, then frozen there (minutes come out exact).
 * Shared by every instance a harness starts.
 */
export function testClock() {
  const clock = {
    fixed: undefined as number | undefined,
    now: () => new Date(clock.fixed ?? Date.now()),
    set: (at: number | string) => void (clock.fixed = typeof at === 'string' ? Date.parse(at) : at),
  };
  return clock;
}

/**
 * The access service really started (real Kafka, real MongoDB-wire server), learning resources and
 * bookings the way it does in production: from inventory's and booking's events, published here.
 */
export async function startAccessService(overrides: Record<string, string> = {}, replicas = 1) {
  const env = testEnv({ ACCESS_SCAN_CRON: '0 0 0 1 1 *', ACCESS_PASS_KEYS: newPassKeyPem(), ...overrides });
  const clock = testClock();
  const services: RunningService[] = [];
  for (let i = 0; i < replicas; i++) services.push(await start(loadAccessConfig(env), { clock: clock.now }));
  const announcer = new Announcer(env, 'access-test');
  return {
    env,
    clock,
    services,
    /** Plays inventory and booking on the bus. */
    announcer,
    api: apiClient(services[0]!.url),
    apis: services.map((s) => apiClient(s.url)),
    /** Another instance on the same database and topics (a replica, or a restart with other keys). */
    async another(more: Record<string, string> = {}) {
      const service = await start(loadAccessConfig({ ...env, ...more }), { clock: clock.now });
      services.push(service);
      return { service, api: apiClient(service.url) };
    },
    async stop() {
      await announcer.stop();
      await Promise.all(services.map((s) => s.stop()));
    },
  };
}

export type AccessHarness = Awaited<ReturnType<typeof startAccessService>>;

/** An org (access needs no org events: bookings carry the kinds), with tokens for its people and a device. */
export function makeOrg(kind: Org['kind'] = 'enterprise') {
  const org = orgSnapshot(kind);
  return {
    ...org,
    orgAdmin: tokenFor({ sub: `admin-${org.id}`, org: org.id, roles: ['org_admin'] }),
    booker: (user = `user-${randomUUID().slice(0, 8)}`) =>
      tokenFor({ sub: user, org: org.id, roles: ['booker'] }),
    device: (name = 'door-1') => tokenFor({ sub: name, org: org.id, roles: ['device'] }),
  };
}

export type TestOrg = ReturnType<typeof makeOrg>;

/** A resource announced as inventory would, awaited until access knows it (a device check-in stops being 404). */
export async function makeResource(h: AccessHarness, owner: TestOrg, overrides: Partial<Resource> = {}) {
  const resource = await h.announcer.resource(owner, overrides);
  await waitFor(
    async () => {
      const answers = await Promise.all(
        h.apis.map((api) =>
          api('POST', '/v1/access/check-in', { token: admin, body: { token: 'x', resourceId: resource.id } }),
        ),
      );
      return answers.every((a) => a.status === 403);
    },
    { what: `resource ${resource.id} known to access` },
  );
  return resource;
}

/** A confirmed booking announced as booking would, and a pass for it (asked now, in real time). */
export async function bookWithPass(
  h: AccessHarness,
  resource: Resource,
  consumer: TestOrg,
  overrides: Partial<Booking> = {},
) {
  h.clock.fixed = undefined;
  const booking = await h.announcer.booking(bookingSnapshot(resource, consumer, overrides));
  const pass = await h.api('POST', '/v1/passes', {
    token: consumer.booker(),
    body: { bookingId: booking.id },
  });
  if (pass.status !== 201) throw new Error(`pass not issued: ${pass.status} ${JSON.stringify(pass.body)}`);
  return {
    booking,
    pass: pass.body as { token: string; jti: string; validFrom: string; validUntil: string; kid: string },
  };
}

/**
 * Awaits `pass` on the revocation list a device of `provider` reads, and returns the entry. Unlike
 * presenting the pass until it is refused, reading the list opens no session while the revocation is
 * still on its way. Reads in real time (the list holds passes not yet expired).
 */
export async function revocationListed(
  h: AccessHarness,
  provider: TestOrg,
  pass: { jti: string },
  resourceId: string,
) {
  h.clock.fixed = undefined;
  return waitFor(
    async () => {
      const list = await h.api('GET', `/v1/access/revocations?resourceId=${resourceId}`, {
        token: provider.device(),
      });
      return (list.body.items as Revocation[]).find((r) => r.jti === pass.jti);
    },
    { what: `pass ${pass.jti} on the revocation list` },
  );
}

/** A harness with a tap on `tapTopics`, a university providing a resource and an enterprise consuming it. */
export async function startScene(tapTopics: string[], overrides: Record<string, string> = {}) {
  const h = await startAccessService(overrides);
  const tap = await eventTap(h.env, tapTopics);
  const provider = makeOrg('university');
  return {
    h,
    tap,
    provider,
    consumer: makeOrg('enterprise'),
    resource: await makeResource(h, provider),
    async stop() {
      h.clock.fixed = undefined;
      await tap.stop();
      await h.stop();
    },
  };
}

export type Scene = Awaited<ReturnType<typeof startScene>>;

/**
 * Awaits one event `matches` on the tap, then proves no second one follows: a sentinel published
 * afterwards with the same key lands on the same partition behind anything sent before it, so once
 * the sentinel is read, every earlier copy has been read too.
 */
export async function exactlyOnce(
  h: { announcer: Announcer },
  tap: EventTap,
  topic: string,
  key: string,
  matches: (event: EventEnvelope) => boolean,
) {
  const first = await waitFor(() => tap.all.find(matches), { what: `an event on ${topic} for ${key}` });
  const [sentinel] = await h.announcer.publish(topic, 'test.sentinel-sent.v1', [{ subject: key, data: {} }]);
  await waitFor(() => tap.all.some((e) => e.id === sentinel!.id), { what: 'the sentinel behind it' });
  return { first, copies: tap.all.filter(matches) };
}
