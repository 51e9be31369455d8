import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingSnapshot, waitFor } from '@labshare/testkit';
import { admin, makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';

describe('booking projection repaired from our own events', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBookingService();
  });
  afterAll(() => h?.stop());

  it('when an event of ours names a booking this replica never stored (a crash fell between the calendar write and the projection write), then the projection gets it, and an older version never rolls it back', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resource = await makeResource(h, provider);
    const booking = bookingSnapshot(
      { ...resource },
      { id: consumer.id, kind: 'enterprise' },
      { version: 3, status: 'cancelled' },
    );
    await h.inventory.booking(booking);
    const found = await waitFor(
      async () => {
        const answer = await h.api('GET', `/v1/bookings/${booking.id}`, { token: admin });
        return answer.status === 200 && (answer.body as { status: string; version: number });
      },
      { what: 'the booking in the projection' },
    );
    expect(found).toMatchObject({ status: 'cancelled', version: 3 });

    // An older version arriving late (at least once, reordered) and a newer one after it.
    await h.inventory.booking({ ...booking, version: 2, status: 'confirmed' });
    await h.inventory.booking({ ...booking, version: 4, status: 'cancelled', reason: 'newest' });
    const newest = await waitFor(
      async () => {
        const answer = await h.api('GET', `/v1/bookings/${booking.id}`, { token: admin });
        const body = answer.body as { version: number; status: string };
        return body.version === 4 && body;
      },
      { what: 'the newest version' },
    );
    expect(newest.status).toBe('cancelled');
  });
});
