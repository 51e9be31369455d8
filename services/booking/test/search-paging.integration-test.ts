import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dayAt, resourceSnapshot, waitFor } from '@labshare/testkit';
import { loadBookingConfig } from '../src/config';
import { start } from '../src/start';
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

  it('when a replica starts on a database holding a resource it hears no event of, then its first search finds it in memory, with the stored copy gone', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resource = resourceSnapshot(provider, { kind: 'classroom' });
    const client = await MongoClient.connect(h.env.MONGO_URL!);
    const stored = client
      .db(`${h.env.MONGO_DB_PREFIX!}booking`)
      .collection<{ _id: string; version: number; snapshot: unknown }>('resources');
    await stored.insertOne({ _id: resource.id, version: resource.version, snapshot: resource });
    const replica = await start(loadBookingConfig(h.env), { clock: h.clock.now });
    try {
      // Read at start or not at all: the search below can only find it in the replica's memory.
      await stored.deleteOne({ _id: resource.id });
      const window = `from=${dayAt(4, 9)}&to=${dayAt(4, 10)}&durationMinutes=60`;
      const found = await apiClient(replica.url)(
        'GET',
        `/v1/availability?orgId=${provider.id}&kind=classroom&${window}`,
        { token: consumer.booker() },
      );
      expect(found.status).toBe(200);
      expect((found.body as { items: { resourceId: string }[] }).items.map((i) => i.resourceId)).toEqual([
        resource.id,
      ]);
    } finally {
      await replica.stop();
      await client.close();
    }
  });
});
