import { bookingOccupancyEventData } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, HOUR, NOW } from '../../../test/support/booking-states';
import type { BookingDeps } from '../ports';
import { bookingEvent } from '../rules/booking-events';
import { occupantOf, type Occupant } from '../rules/booking-state';
import { hearBooking } from './hear-booking';

/** Only the port hearBooking uses: what it was told, in order. */
function listening(): { deps: BookingDeps; heard: [string, Occupant[]][] } {
  const heard: [string, Occupant[]][] = [];
  const calendarNews = {
    heard: (resourceId: string, bookings: Occupant[]) => heard.push([resourceId, bookings]),
  };
  return { deps: { calendarNews } as unknown as BookingDeps, heard };
}

describe('hearBooking', () => {
  it('when a booking event is heard, then its calendar hears the booking as an occupant, from its seven fields alone', async () => {
    const booking = aBooking({ id: 'b-7', version: 3, status: 'held', quantity: 2, start: NOW + HOUR });
    const { event } = bookingEvent('rescheduled', booking, { now: NOW }, { start: NOW, end: NOW + HOUR });
    const { deps, heard } = listening();

    await hearBooking(deps, bookingOccupancyEventData.parse(event.data));

    expect(heard).toEqual([['res-1', [occupantOf(booking)]]]);
  });

  it('when an event says nothing of the booking beyond those fields, then it is still heard', () => {
    const { event } = bookingEvent('created', aBooking(), { now: NOW });
    const { booking } = event.data as { booking: Record<string, unknown> };
    const { id, resourceId, version, status, start, end, quantity } = booking;
    const occupancy = { id, resourceId, version, status, start, end, quantity };

    expect(bookingOccupancyEventData.parse({ booking: occupancy })).toEqual({ booking: occupancy });
  });

  it('when one of the fields is not what a booking holds, then the event is refused (poison)', () => {
    const { event } = bookingEvent('created', aBooking(), { now: NOW });
    const { booking } = event.data as { booking: Record<string, unknown> };

    for (const bad of [{ start: 'tomorrow' }, { quantity: 0 }, { status: 'maybe' }, { version: undefined }])
      expect(bookingOccupancyEventData.safeParse({ booking: { ...booking, ...bad } }).success).toBe(false);
  });
});
