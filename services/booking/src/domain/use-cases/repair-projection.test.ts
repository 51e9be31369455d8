import { topics } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, NOW } from '../../../test/support/booking-states';
import type { BookingDeps } from '../ports';
import { bookingEvent } from '../rules/booking-events';
import type { BookingState } from '../rules/booking-state';
import { repairProjection } from './repair-projection';

/** Only the port repairProjection uses: the bookings it was asked to save, in order. */
function projecting(): { deps: Pick<BookingDeps, 'projection'>; saved: BookingState[] } {
  const saved: BookingState[] = [];
  const projection = { save: async (booking: BookingState) => void saved.push(booking) };
  return { deps: { projection } as unknown as Pick<BookingDeps, 'projection'>, saved };
}

describe('repairProjection', () => {
  it('when events about to be relayed carry bookings, then each booking is saved once, at the newest version they carry', async () => {
    const first = aBooking({ id: 'b-1', version: 1, status: 'held' });
    const confirmed = { ...first, version: 2, status: 'confirmed' as const };
    const other = aBooking({ id: 'b-2', version: 5 });
    const { deps, saved } = projecting();

    await repairProjection(deps, [
      bookingEvent('created', first, { now: NOW }),
      bookingEvent('confirmed', confirmed, { now: NOW }),
      bookingEvent('created', other, { now: NOW }),
      bookingEvent('created', first, { now: NOW }), // an older version after the newer one
    ]);

    expect(saved.map((b) => [b.id, b.version, b.status])).toEqual([
      ['b-1', 2, 'confirmed'],
      ['b-2', 5, other.status],
    ]);
    expect(saved[0]).toEqual(confirmed);
  });

  it('when an event is not a booking event of booking’s topic, then it is left alone', async () => {
    const { deps, saved } = projecting();
    const { event } = bookingEvent('created', aBooking(), { now: NOW });

    await repairProjection(deps, [
      { topic: topics.resources, event },
      { topic: topics.bookings, event: { ...event, type: 'booking.something-else.v1' } },
    ]);

    expect(saved).toEqual([]);
  });
});
