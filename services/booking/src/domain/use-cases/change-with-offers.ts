import type { bookingEventTypes } from '@labshare/contracts';
import type { BookingState, Calendar, WaitEntry } from '../booking-state';
import type { CalendarChange } from '../ports';
import type { ResourceView } from '../resource-view';
import { applyChanges } from '../waitlist';
import type { BookingDeps } from './booking-deps';
import { bookingEvent } from './booking-events';

/**
 * The calendar change for bookings moved through their life (each with the event it raises), plus
 * the waitlist offers what they free and the `created` events of those offers: one write.
 */
export function changeWithOffers(
  deps: BookingDeps,
  calendar: Calendar,
  resource: ResourceView,
  now: number,
  changes: { booking: BookingState; event: keyof typeof bookingEventTypes }[],
  waitlist: WaitEntry[] = calendar.waitlist,
): CalendarChange {
  const applied = applyChanges({
    bookings: calendar.bookings,
    waitlist,
    changes: changes.map((c) => c.booking),
    resource,
    now,
    offerMs: deps.offerMs,
    newId: deps.newId,
  });
  return {
    put: applied.put,
    waitlist: applied.entries,
    events: [
      ...changes.map((c) => bookingEvent(c.event, c.booking, now)),
      ...applied.offers.map((b) => bookingEvent('created', b, now)),
    ],
  };
}
