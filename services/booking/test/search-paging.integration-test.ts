import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt, waitFor } from '@labshare/testkit';
import { makeOrg, startBookingService, type BookingHarness } from './booking-fixture';

describe('search over more resources than one batch (the flow reads 100 at a time)', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBookingService();
  });
  afterAll(() => h?.stop());

  it('when 230 resources are searched in pages of 150 (each spanning batches), then every free one comes once, in id order, and the full ones never', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const token = consumer.booker();
    const resources = [];
    for (let i = 0; i < 230; i += 23)
      resources.push(
        ...(await Promise.all(
          Array.from({ length: 23 }, () => h.inventory.resource(provider, { kind: 'lab', capacity: 1 })),
        )),
      );
    const ids = resources.map((r) => r.id).sort();
    const window = `from=${dayAt(3, 9)}&to=${dayAt(3, 10)}&durationMinutes=60`;
    // Every 7th resource (in id order) is booked for the whole hour: no slot left there.
    const full = new Set(ids.filter((_, i) => i % 7 === 3));
    for (const resourceId of full) {
      const body = { resourceId, start: dayAt(3, 9), end: dayAt(3, 10) };
      await waitFor(async () => (await h.api('POST', '/v1/bookings', { token, body })).status === 201, {
        what: `a booking on ${resourceId}`,
      });
    }

    const search = async () => {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await h.api(
          'GET',
          `/v1/availability?orgId=${provider.id}&kind=lab&${window}&limit=150${cursor ? `&cursor=${cursor}` : ''}`,
          { token },
        );
        expect(page.status).toBe(200);
        const body = page.body as { items: { resourceId: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(150);
        found.push(...body.items.map((item) => item.resourceId));
        cursor = body.nextCursor;
      } while (cursor);
      return found;
    };
    const free = ids.filter((id) => !full.has(id));
    // Booking learns the resources from the bus: search until it knows them all.
    const found = await waitFor(async () => {
      const result = await search();
      return result.length === free.length && result;
    });
    expect(found).toEqual(free);
  });
});
