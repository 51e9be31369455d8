import type { bookingEventTypes } from '@labshare/contracts';
import type { CalendarChange } from '../ports';
import type { BookingState, Calendar, WaitEntry } from './booking-state';
import { bookingEvent, type EventContext } from './booking-events';
import type { ResourceView } from './resource-view';
import { applyChanges } from './waitlist';

/** How offers are made: how long they last and where their ids come from. */
export interface OfferTerms {
  offerMs: number;
  newId: () => string;
}

/**
 * The calendar change for bookings moved through their life (each with the event it raises), plus
 * the waitlist offers what they free and the `created` events of those offers: one write.
 */
export function changeWithOffers(
  calendar: Calendar,
  resource: ResourceView,
  context: EventContext & OfferTerms,
  changes: { booking: BookingState; event: keyof typeof bookingEventTypes }[],
  waitlist: WaitEntry[] = calendar.waitlist,
): CalendarChange {
  const applied = applyChanges({
    bookings: calendar.bookings,
    waitlist,
    changes: changes.map((c) => c.booking),
    resource,
    now: context.now,
    offerMs: context.offerMs,
    newId: context.newId,
  });
  return {
    put: applied.put,
    waitlist: applied.entries,
    events: [
      ...changes.map((c) => bookingEvent(c.event, c.booking, context)),
      ...applied.offers.map((b) => bookingEvent('created', b, context)),
    ],
  };
}

/** A change that writes nothing: the decision found nothing to do. */
export const NO_CHANGE: CalendarChange = { put: [], waitlist: [], events: [] };
