import type { Principal } from '@labshare/auth';
import type { Booking } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { toBookingDto } from '../booking-dto';
import { revise } from '../booking-transitions';
import { bookedPrice, evaluatePlacement } from '../placement';
import { offerFreedUnits } from '../waitlist';
import { assertConsumer } from './access-rules';
import type { BookingDeps } from './booking-deps';
import { bookingEvent } from './booking-events';
import { changeCalendar } from './change-calendar';
import { visibleBooking } from './get-booking';
import { placementFor, requesterOf, resourceOrNotFound } from './requester';

/**
 * Moves a live booking to new times in one calendar write: same id, re-checked against every rule
 * and every other booking (its own old times do not count against it). 409 leaves it unchanged.
 */
export async function rescheduleBooking(
  deps: BookingDeps,
  caller: Principal,
  bookingId: string,
  times: { start: Date; end: Date },
  authorization?: string,
): Promise<Booking> {
  const known = await visibleBooking(deps, caller, bookingId);
  assertConsumer(caller, known);
  const resource = await resourceOrNotFound(deps, known.resourceId, authorization);
  const requester = {
    ...(await requesterOf(deps, { ...caller, org: known.consumerOrgId }, authorization)),
    userId: known.userId,
  };
  const slot = { start: times.start.getTime(), end: times.end.getTime(), quantity: known.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  return changeCalendar(deps, known.resourceId, (calendar) => {
    const current = calendar.bookings.find((b) => b.id === bookingId);
    if (!current) throw errors.notFound(`Booking ${bookingId}`);
    if (!['held', 'pending', 'confirmed'].includes(current.status)) {
      throw errors.conflict(`A ${current.status} booking cannot be rescheduled.`, {}, 'invalid_state');
    }
    const verdict = evaluatePlacement(placement, calendar.bookings, slot, bookingId);
    if (verdict.violations.length > 0) throw errors.policyViolation(verdict.violations);
    if (verdict.conflict) throw errors.conflict('The units are already taken for the new time.');
    const moved = revise(current, { ...slot, price: bookedPrice(resource, requester, slot) }, placement.now);
    // The old times are free now: someone waiting for them may be offered them.
    const offers = offerFreedUnits({
      bookings: calendar.bookings.map((b) => (b.id === bookingId ? moved : b)),
      waitlist: calendar.waitlist,
      changed: moved,
      freed: true,
      resource,
      now: placement.now,
      offerMs: deps.offerMs,
      newId: deps.newId,
    });
    return {
      change: {
        put: [moved, ...offers.bookings],
        waitlist: offers.entries,
        events: [
          bookingEvent('rescheduled', moved, placement.now, { start: current.start, end: current.end }),
          ...offers.bookings.map((b) => bookingEvent('created', b, placement.now)),
        ],
      },
      result: toBookingDto(moved),
    };
  });
}
