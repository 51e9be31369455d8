import { dayAt } from '@labshare/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';

describe('no double booking under concurrency', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    // Two replicas of the service on one database: the guarantee must not rest on one process.
    h = await startBookingService({}, 2);
  });
  afterAll(() => h?.stop());

  it('when 200 requests race for one slot of a single-unit resource, then exactly 1 succeeds and 199 get 409', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resource = await makeResource(h, provider);
    const body = { resourceId: resource.id, start: dayAt(3, 2), end: dayAt(3, 3) };
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.apis[i % 2]!('POST', '/v1/bookings', { token: consumer.booker(`u${i}`), body }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('conflict');

    const stored = await h.api('GET', `/v1/bookings?resourceId=${resource.id}`, { token: admin });
    expect(stored.body.items).toHaveLength(1);
  });

  it('when requests race for a capacity-3 resource with mixed quantities, then the units are never oversold', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'training_body');
    const resource = await makeResource(h, provider, { capacity: 3 });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        h.apis[i % 2]!('POST', '/v1/bookings', {
          token: consumer.booker(),
          body: {
            resourceId: resource.id,
            start: dayAt(4, 1, (i % 4) * 15),
            end: dayAt(4, 2, (i % 3) * 15),
            quantity: 1 + (i % 2),
          },
        }),
      ),
    );
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const booked = answers.filter((a) => a.status === 201).map((a) => a.body);
    expect(booked.length).toBeGreaterThan(0);
    // Sweep over every booked edge: units in use never exceed capacity.
    const edges = booked.flatMap((b) => [Date.parse(b.start), Date.parse(b.end)]);
    for (const t of edges) {
      const inUse = booked
        .filter((b) => Date.parse(b.start) <= t && t < Date.parse(b.end))
        .reduce((sum, b) => sum + b.quantity, 0);
      expect(inUse).toBeLessThanOrEqual(3);
    }
  });
});
