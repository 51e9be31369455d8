import type { Booking, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { assertConsumer } from '../rules/booking-access';
import { toBookingDto } from '../rules/booking-dto';
import { bookingEvent } from '../rules/booking-events';
import { occupies } from '../rules/booking-state';
import { revise } from '../rules/booking-transitions';
import { bookedPrice, evaluatePlacement } from '../rules/placement';
import { offerFreedUnits } from '../rules/waitlist';
import { changeCalendar, decisionContext } from '../support/change-calendar';
import { knownResource, placementFor, requesterOf, visibleBooking } from '../support/lookups';

/**
 * Moves a live booking to new times in one calendar write: same id, re-checked against every rule
 * and every other booking (its own old times do not count against it). 409 leaves it unchanged.
 */
export async function rescheduleBooking(
  deps: BookingDeps,
  caller: Principal,
  bookingId: string,
  times: { start: Date; end: Date },
): Promise<Booking> {
  const known = await visibleBooking(deps, caller, bookingId);
  assertConsumer(caller, known);
  const resource = await knownResource(deps, known.resourceId);
  const requester = {
    ...(await requesterOf(deps, { ...caller, org: known.consumerOrgId })),
    userId: known.userId,
  };
  const slot = { start: times.start.getTime(), end: times.end.getTime(), quantity: known.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  return changeCalendar(deps, known.resourceId, (calendar) => {
    const context = { ...decisionContext(deps), now: placement.now };
    const current = calendar.bookings.find((b) => b.id === bookingId);
    if (!current) throw errors.notFound(`Booking ${bookingId}`);
    if (!occupies(current)) {
      throw errors.conflict(`A ${current.status} booking cannot be rescheduled.`, {}, 'invalid_state');
    }
    const verdict = evaluatePlacement(placement, calendar.bookings, slot, bookingId);
    if (verdict.violations.length > 0) throw errors.policyViolation(verdict.violations);
    if (verdict.conflict) throw errors.conflict('The units are already taken for the new time.');
    const moved = revise(current, { ...slot, ...bookedPrice(resource, requester, slot) }, context.now);
    // The old times are free now: someone waiting for them may be offered them.
    const offers = offerFreedUnits({
      bookings: calendar.bookings.map((b) => (b.id === bookingId ? moved : b)),
      waitlist: calendar.waitlist,
      changed: moved,
      freed: true,
      resource,
      ...context,
    });
    return {
      change: {
        put: [moved, ...offers.bookings],
        waitlist: offers.entries,
        events: [
          bookingEvent('rescheduled', moved, context, { start: current.start, end: current.end }),
          ...offers.bookings.map((b) => bookingEvent('created', b, context)),
        ],
      },
      result: toBookingDto(moved),
    };
  });
}
