import type { Principal } from '@labshare/auth';
import type { Booking, CreateBookingBody } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { toBookingDto } from '../booking-dto';
import { evaluatePlacement, newBooking } from '../placement';
import type { BookingDeps } from './booking-deps';
import { bookingEvent } from './booking-events';
import { changeCalendar } from './change-calendar';
import { placementFor, requesterOf, resourceOrNotFound } from './requester';

/** Books units of a resource: every policy rule checked at once (422), units taken (409), else 201. */
export async function createBooking(
  deps: BookingDeps,
  caller: Principal,
  body: CreateBookingBody,
  authorization?: string,
): Promise<Booking> {
  const resource = await resourceOrNotFound(deps, body.resourceId, authorization);
  const requester = await requesterOf(deps, caller, authorization);
  const slot = { start: body.start.getTime(), end: body.end.getTime(), quantity: body.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  const id = deps.newId();
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
      change: { put: [booking], waitlist: [], events: [bookingEvent('created', booking, placement.now)] },
      result: toBookingDto(booking),
    };
  });
}
