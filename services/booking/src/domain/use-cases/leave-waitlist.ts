import { isAdmin, type Principal, type WaitlistEntry } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { toWaitlistEntryDto } from '../rules/booking-dto';
import type { WaitEntry } from '../rules/booking-state';
import { cancel } from '../rules/booking-transitions';
import { changeWithOffers, NO_CHANGE } from '../rules/calendar-changes';
import { changeCalendar, decisionContext } from '../support/change-calendar';
import { knownResource } from '../support/lookups';

/** Leaves the waitlist; an open offer (a hold) is cancelled with it, freeing its units for the next. */
export async function leaveWaitlist(
  deps: BookingDeps,
  caller: Principal,
  entryId: string,
): Promise<WaitlistEntry> {
  const resourceId = await deps.calendars.resourceIdOfWaitEntry(entryId);
  if (!resourceId) throw errors.notFound(`Waitlist entry ${entryId}`);
  const resource = await knownResource(deps, resourceId);
  return changeCalendar(deps, resourceId, (calendar) => {
    const context = decisionContext(deps);
    const entry = calendar.waitlist.find((e) => e.id === entryId);
    if (!entry || (!isAdmin(caller) && entry.consumerOrgId !== caller.org))
      throw errors.notFound(`Waitlist entry ${entryId}`);
    if (entry.status !== 'waiting' && entry.status !== 'offered') {
      return { change: NO_CHANGE, result: toWaitlistEntryDto(entry) };
    }
    const left: WaitEntry = { ...entry, status: 'cancelled' };
    const waitlist = calendar.waitlist.map((e) => (e.id === entryId ? left : e));
    const hold = calendar.bookings.find((b) => b.id === entry.bookingId && b.status === 'held');
    const changes = hold
      ? [{ booking: cancel(hold, resource, 'left the waitlist', context.now), event: 'cancelled' as const }]
      : [];
    const change = changeWithOffers(calendar, resource, context, changes, waitlist);
    return {
      change: { ...change, waitlist: [left, ...change.waitlist.filter((e) => e.id !== entryId)] },
      result: toWaitlistEntryDto(left),
    };
  });
}
