import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@labshare/contracts';
import { apiClient, dayAt, exited, startChildUntil, startedUrl, waitFor } from '@labshare/testkit';
import type { ChildProcess } from 'node:child_process';
import { makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';
import { storedCalendars } from './support/stored-calendars';

const REQUESTS = 5000;
const RESOURCES = 20;
const IN_FLIGHT = 48;

/** Deterministic pseudo-random numbers, so a failing storm can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('booking storm through separate replica processes', () => {
  let h: BookingHarness;
  const replicas: ChildProcess[] = [];
  const urls: string[] = [];
  beforeAll(async () => {
    // One in-process instance publishes orgs/resources; two more replicas run as their own processes
    // on the same database and topics.
    // A small head, so the calendars are folded into their weeks many times during the storm.
    h = await startBookingService({ CALENDAR_HEAD_BOOKINGS: '8' });
    for (let i = 0; i < 2; i++) {
      const env = { ...h.env, BOOKING_PORT: '0', LOG_LEVEL: 'info' };
      const replica = await startChildUntil('services/booking/src/start.ts', env, startedUrl('booking'));
      replicas.push(replica.child);
      urls.push(replica.found);
    }
  }, 120_000);
  afterAll(async () => {
    for (const r of replicas) r.kill('SIGTERM');
    await Promise.all(replicas.map(exited));
    await h?.stop();
  });

  it(`when ${REQUESTS} random overlapping requests hit ${RESOURCES} resources of mixed capacity, then no unit is ever oversold and every 201 is stored`, async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resources: Resource[] = [];
    for (let i = 0; i < RESOURCES; i++)
      resources.push(await makeResource(h, provider, { capacity: 1 + (i % 4) }));
    // The replicas learn the resources from the bus too: wait until each answers for the last one.
    const apis = urls.map((url) => apiClient(url));
    const last = resources.at(-1)!;
    for (const api of apis) {
      await waitFor(
        async () =>
          (
            await api('GET', `/v1/availability?resourceId=${last.id}&from=${dayAt(1, 0)}&to=${dayAt(1, 1)}`, {
              token: consumer.booker(),
            })
          ).status === 200,
        { what: 'replica knows the resources' },
      );
    }

    const next = random(42);
    const requests = Array.from({ length: REQUESTS }, () => {
      const resource = resources[Math.floor(next() * RESOURCES)]!;
      const startSlot = Math.floor(next() * 48); // 12 hours of 15-minute slots
      const length = 1 + Math.floor(next() * 8);
      return {
        resourceId: resource.id,
        start: dayAt(2, 0, startSlot * 15),
        end: dayAt(2, 0, (startSlot + length) * 15),
        quantity: 1 + Math.floor(next() * Math.min(2, resource.capacity)),
      };
    });
    const created: string[] = [];
    const statuses = new Map<number, number>();
    let cursor = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, worker) => {
        while (cursor < requests.length) {
          const body = requests[cursor++]!;
          const answer = await apis[worker % apis.length]!('POST', '/v1/bookings', {
            token: consumer.booker(),
            body,
            headers: { 'idempotency-key': randomUUID() },
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status === 201) created.push(answer.body.id);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `storm: ${REQUESTS} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect([...statuses.keys()].every((s) => s === 201 || s === 409)).toBe(true);
    expect(created.length).toBeGreaterThan(RESOURCES);

    // The scan: read the calendars straight from the database, the source of truth.
    const { calendars, inWeeks } = await storedCalendars(
      h.env,
      resources.map((r) => r.id),
    );
    const stored = new Map([...calendars.values()].flatMap((bs) => bs.map((b) => [b.id, b] as const)));
    for (const id of created) expect(stored.get(id)?.status).toBe('confirmed');
    for (const [resourceId, bookings] of calendars) {
      const capacity = resources.find((r) => r.id === resourceId)!.capacity;
      const live = bookings.filter((b) => b.status === 'confirmed');
      for (const edge of live.map((b) => b.start.getTime())) {
        const inUse = live
          .filter((b) => b.start.getTime() <= edge && edge < b.end.getTime())
          .reduce((sum, b) => sum + b.quantity, 0);
        expect(inUse, `resource ${resourceId} at ${new Date(edge).toISOString()}`).toBeLessThanOrEqual(
          capacity,
        );
      }
    }
    expect(stored.size).toBe(created.length);
    expect(inWeeks, 'bookings folded into week documents').toBeGreaterThan(created.length / 2);
  }, 300_000);
});
