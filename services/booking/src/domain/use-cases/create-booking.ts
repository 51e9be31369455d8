import type { Booking, CreateBookingBody, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { toBookingDto } from '../rules/booking-dto';
import { bookingEvent } from '../rules/booking-events';
import { evaluatePlacement, newBooking } from '../rules/placement';
import { changeCalendar } from '../support/change-calendar';
import { placementFor, requesterOf, resourceForRequest } from '../support/lookups';

/** Books units of a resource: every policy rule checked at once (422), units taken (409), else 201. */
export async function createBooking(
  deps: BookingDeps,
  caller: Principal,
  body: CreateBookingBody,
): Promise<Booking> {
  const resource = await resourceForRequest(deps, body.resourceId);
  const requester = await requesterOf(deps, caller);
  const slot = { start: body.start.getTime(), end: body.end.getTime(), quantity: body.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  const id = deps.newId();
  const context = { now: placement.now, correlationId: deps.correlationId() };
  return changeCalendar(deps, resource.id, (calendar) => {
    const verdict = evaluatePlacement(placement, calendar.bookings, slot);
    if (verdict.violations.length > 0) throw errors.policyViolation(verdict.violations);
    if (verdict.conflict) throw errors.conflict('The units are already taken for that time.');
    const booking = newBooking(placement, slot, {
      id,
      hold: body.hold,
      holdMs: deps.holdMs,
      purpose: body.purpose,
    });
    return {
      change: { put: [booking], waitlist: [], events: [bookingEvent('created', booking, context)] },
      result: toBookingDto(booking),
    };
  });
}
