import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig as loadBookingConfig, start as startBooking } from '@labshare/booking';
import { loadConfig as loadInventoryConfig, start as startInventory } from '@labshare/inventory';
import type { RunningService } from '@labshare/runtime';
import { apiClient, freePort, testEnv, tokenFor, waitFor } from '@labshare/testkit';

const admin = tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });

/** Inventory and booking really started, talking over Kafka and, where they must, each other's API. */
describe('inventory → booking', () => {
  let inventory: RunningService;
  let booking: RunningService;
  let inv: ReturnType<typeof apiClient>;
  let bkg: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    const [inventoryPort, bookingPort] = [await freePort(), await freePort()];
    const env = testEnv({
      INVENTORY_PORT: String(inventoryPort),
      BOOKING_PORT: String(bookingPort),
      INVENTORY_URL: `http://127.0.0.1:${inventoryPort}`,
      BOOKING_URL: `http://127.0.0.1:${bookingPort}`,
    });
    inventory = await startInventory(loadInventoryConfig(env));
    booking = await startBooking(loadBookingConfig(env));
    inv = apiClient(inventory.url);
    bkg = apiClient(booking.url);
  });
  afterAll(async () => {
    await booking?.stop();
    await inventory?.stop();
  });

  async function org(kind: string) {
    const created = await inv('POST', '/v1/orgs', {
      token: admin,
      body: { name: `Org ${randomUUID()}`, kind },
    });
    return created.body.id as string;
  }

  it('when a resource was just created (201), then it can be booked at once, and later changes reach booking by events', async () => {
    const provider = await org('university');
    const consumer = await org('enterprise');
    const providerAdmin = tokenFor({ sub: 'lab-manager', org: provider, roles: ['org_admin'] });
    const booker = tokenFor({ sub: 'engineer', org: consumer, roles: ['booker'] });
    const created = await inv('POST', '/v1/resources', {
      token: providerAdmin,
      body: {
        orgId: provider,
        kind: 'equipment',
        name: 'Raman spectrometer',
        policy: { slotMinutes: 30, minMinutes: 30 },
        rates: { currency: 'CNY', perHour: { enterprise: 60000 }, incrementMinutes: 30, minimumMinutes: 0 },
      },
    });
    expect(created.status).toBe(201);
    // A week ahead at 02:00 UTC: inside the default 90-day horizon whenever the test runs.
    const day = new Date(Date.now() + 7 * 86_400_000);
    day.setUTCHours(2, 0, 0, 0);
    const start = day.toISOString();
    const end = new Date(day.getTime() + 3_600_000).toISOString();
    // Straight after the 201: booking reads the resource through inventory if its events lag.
    const booked = await bkg('POST', '/v1/bookings', {
      token: booker,
      body: { resourceId: created.body.id, start, end },
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'confirmed', price: { amount: 60000, currency: 'CNY' } });

    // A blackout over the booking reports it as a conflict, from booking's own API.
    const blackout = await inv('POST', `/v1/resources/${created.body.id}/blackouts`, {
      token: providerAdmin,
      body: { start, end, reason: 'laser service' },
    });
    expect(blackout.status).toBe(201);
    expect(blackout.body.conflicts).toEqual([booked.body.id]);

    // The blackout reaches booking's read model by event: a request for that time now breaks the
    // blackout rule (422) rather than only meeting the existing booking (409).
    const refused = await waitFor(
      async () => {
        const answer = await bkg('POST', '/v1/bookings', {
          token: booker,
          body: { resourceId: created.body.id, start, end },
        });
        return answer.status === 422 && answer;
      },
      { what: 'blackout known to booking' },
    );
    expect(refused.body.violations).toContain('blackout');
  });
});
