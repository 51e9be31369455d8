import type { BookingDeps } from './booking-deps';
import { changeCalendar } from './change-calendar';
import { revise } from '../booking-transitions';

/**
 * A device checked the booker in (access's event): the booking is no longer a possible no-show.
 * Idempotent: a booking already marked checked in is left as is.
 */
export async function recordCheckIn(
  deps: BookingDeps,
  event: { bookingId: string; resourceId: string; startedAt: string },
): Promise<void> {
  await changeCalendar(deps, event.resourceId, (calendar) => {
    const booking = calendar.bookings.find((b) => b.id === event.bookingId);
    if (!booking || booking.checkedInAt !== undefined)
      return { change: { put: [], waitlist: [], events: [] }, result: undefined };
    const checkedIn = revise(booking, { checkedInAt: Date.parse(event.startedAt) }, deps.clock().getTime());
    return { change: { put: [checkedIn], waitlist: [], events: [] }, result: undefined };
  });
}
