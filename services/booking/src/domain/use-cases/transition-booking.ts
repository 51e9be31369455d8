import type { Principal } from '@labshare/auth';
import type { Booking, bookingEventTypes } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingState } from '../booking-state';
import { toBookingDto } from '../booking-dto';
import type { ResourceView } from '../resource-view';
import type { BookingDeps } from './booking-deps';
import { changeCalendar } from './change-calendar';
import { changeWithOffers } from './change-with-offers';
import { visibleBooking } from './get-booking';
import { resourceOrNotFound } from './requester';

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
  const resource = await resourceOrNotFound(deps, known.resourceId);
  return changeCalendar(deps, known.resourceId, (calendar) => {
    const now = deps.clock().getTime();
    const current = calendar.bookings.find((b) => b.id === bookingId);
    if (!current) throw errors.notFound(`Booking ${bookingId}`);
    const next = transition.apply(current, resource, now);
    return {
      change: changeWithOffers(deps, calendar, resource, now, [{ booking: next, event: transition.event }]),
      result: toBookingDto(next),
    };
  });
}
