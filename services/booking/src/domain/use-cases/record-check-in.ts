import type { BookingDeps } from '../ports';
import { revise } from '../rules/booking-transitions';
import { NO_CHANGE } from '../rules/calendar-changes';
import { changeCalendar } from '../support/change-calendar';

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
    if (!booking || booking.checkedInAt !== undefined) return { change: NO_CHANGE, result: undefined };
    const checkedIn = revise(booking, { checkedInAt: Date.parse(event.startedAt) }, deps.clock().getTime());
    return { change: { put: [checkedIn], waitlist: [], events: [] }, result: undefined };
  });
}
