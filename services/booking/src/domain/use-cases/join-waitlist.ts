import type { JoinWaitlistBody, Principal, WaitlistEntry } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { toWaitlistEntryDto } from '../rules/booking-dto';
import { bookingEvent } from '../rules/booking-events';
import type { WaitEntry } from '../rules/booking-state';
import { evaluatePlacement } from '../rules/placement';
import { offerFreedUnits } from '../rules/waitlist';
import { changeCalendar, decisionContext } from '../support/change-calendar';
import { placementFor, requesterOf, resourceForRequest } from '../support/lookups';

/**
 * Joins the waitlist for a time that is taken now. The request must be bookable apart from the
 * units (422 otherwise); if units happen to be free already, it is offered a hold at once.
 */
export async function joinWaitlist(
  deps: BookingDeps,
  caller: Principal,
  request: JoinWaitlistBody,
): Promise<WaitlistEntry> {
  const resource = await resourceForRequest(deps, request.resourceId);
  const requester = await requesterOf(deps, caller);
  const slot = { start: request.start.getTime(), end: request.end.getTime(), quantity: request.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  const id = deps.newId();
  return changeCalendar(deps, resource.id, (calendar) => {
    const context = { ...decisionContext(deps), now: placement.now };
    const verdict = evaluatePlacement(placement, calendar.bookings, slot);
    if (verdict.violations.length > 0) throw errors.policyViolation(verdict.violations);
    const entry: WaitEntry = {
      id,
      resourceId: resource.id,
      consumerOrgId: requester.orgId,
      consumerOrgKind: requester.orgKind,
      userId: requester.userId,
      ...slot,
      status: 'waiting',
      createdAt: placement.now,
    };
    const waitlist = [...calendar.waitlist, entry];
    // Free already? Then the entry gets its offer in this same write.
    const offers = verdict.conflict
      ? { bookings: [], entries: [] }
      : offerFreedUnits({ bookings: calendar.bookings, waitlist, freed: true, resource, ...context });
    const final = offers.entries.find((e) => e.id === id) ?? entry;
    return {
      change: {
        put: offers.bookings,
        waitlist: [final, ...offers.entries.filter((e) => e.id !== id)],
        events: offers.bookings.map((b) => bookingEvent('created', b, context)),
      },
      result: toWaitlistEntryDto(final),
    };
  });
}
