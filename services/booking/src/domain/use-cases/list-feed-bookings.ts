import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps, BookingKey } from '../ports';
import { bookingPageFor } from '../support/booking-pages';
import { visibleResource } from '../support/lookups';

/** A feed has no cursor of its own: it carries up to this many bookings. */
const FEED_LIMIT = 5000;

/**
 * The bookings of an iCalendar feed (a resource's or an org's), as far as the caller may see them;
 * a resource the caller may not see is "not found", like its availability.
 */
export async function listFeedBookings(
  deps: BookingDeps,
  caller: Principal,
  filter: { resourceId?: string; orgId?: string },
): Promise<Booking[]> {
  if (filter.resourceId) await visibleResource(deps, caller, filter.resourceId);
  const all: Booking[] = [];
  let after: BookingKey | undefined;
  do {
    const page = await bookingPageFor(deps, caller, filter, { limit: 500, after });
    all.push(...page.items);
    after = page.next;
  } while (after && all.length < FEED_LIMIT);
  return all;
}
