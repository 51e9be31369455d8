import type { Booking, bookingEventTypes, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { toBookingDto } from '../rules/booking-dto';
import type { BookingState } from '../rules/booking-state';
import { changeWithOffers } from '../rules/calendar-changes';
import type { ResourceView } from '../rules/resource-view';
import { changeCalendar, decisionContext } from './change-calendar';
import { knownResource, visibleBooking } from './lookups';

export interface Transition {
  event: keyof typeof bookingEventTypes;
  /** Checks the caller may do it (throws 403/404). */
  authorize: (caller: Principal, booking: BookingState) => void;
  /** The new state of the booking (throws 409 when its status does not allow it). */
  apply: (booking: BookingState, resource: ResourceView, now: number) => BookingState;
}

/**
 * Moves one booking through its life (confirm, approve, reject, cancel) in one calendar write. When
 * the move frees units, the waitlist's oldest fitting request is offered them in that same write.
 */
export async function transitionBooking(
  deps: BookingDeps,
  caller: Principal,
  bookingId: string,
  transition: Transition,
): Promise<Booking> {
  const known = await visibleBooking(deps, caller, bookingId);
  transition.authorize(caller, known);
  const resource = await knownResource(deps, known.resourceId);
  return changeCalendar(deps, known.resourceId, (calendar) => {
    const context = decisionContext(deps);
    const current = calendar.bookings.find((b) => b.id === bookingId);
    if (!current) throw errors.notFound(`Booking ${bookingId}`);
    const next = transition.apply(current, resource, context.now);
    return {
      change: changeWithOffers(calendar, resource, context, [{ booking: next, event: transition.event }]),
      result: toBookingDto(next),
    };
  });
}
