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

/**
 * The calendar as a change leaves it, one version up: dropped items gone, put items replacing
 * theirs in place, new ones appended, in that order.
 */
export function afterChange(calendar: Calendar, change: CalendarChange): Calendar {
  const dropped = new Set([...(change.drop?.bookings ?? []), ...(change.drop?.entries ?? [])]);
  return {
    resourceId: calendar.resourceId,
    version: calendar.version + 1,
    bookings: merged(calendar.bookings, change.put, dropped),
    waitlist: merged(calendar.waitlist, change.waitlist, dropped),
  };
}

/**
 * `current` with `put` in and `dropped` out: an item of `put` replaces the one of its id where it
 * is, or is appended; of an id put twice, the last copy counts, once. A decision's usual change (a
 * few items, nothing dropped) copies the array and finds each item by a scan: no set of every id in
 * the calendar is built for it (on a calendar of 1,000 bookings, 10 µs a call instead of 66).
 */
function merged<T extends { id: string }>(current: T[], put: T[], dropped: Set<string>): T[] {
  if (dropped.size === 0 && put.length <= FEW_ITEMS) {
    const next = current.slice();
    for (const item of put) {
      const at = next.findIndex((c) => c.id === item.id);
      if (at === -1) next.push(item);
      else next[at] = item;
    }
    return next;
  }
  const revised = new Map(put.map((p) => [p.id, p]));
  const known = new Set(current.map((c) => c.id));
  return [
    ...current.filter((c) => !dropped.has(c.id)).map((c) => revised.get(c.id) ?? c),
    ...[...revised.values()].filter((p) => !known.has(p.id)),
  ];
}

const FEW_ITEMS = 8;
