import { bookingEventTypes, bookingOccupancyEventData, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { hearBooking } from '../../domain/use-cases/hear-booking';

/**
 * How long the broker gathers events for a fetch: how often the consumer reports that it is caught
 * up (and how late, at most, other replicas' bookings are heard while it keeps up). Well under
 * CALENDAR_CACHE_MS's default (1 s), so held calendars keep answering; and one fetch per quarter
 * second whatever the load, not one per booking.
 */
const FETCH_EVERY_MS = 250;

/**
 * Booking's own events into this replica's memory: a consumer group of its own (`replica` is new
 * at each start, so it reads the retained topic from the start), so every replica hears every
 * booking, and the calendars its searches hold stay current past CALENDAR_CACHE_MS while it keeps
 * up (see OccupancyView). Its offsets are never committed. It skips this replica's own bookings,
 * relayed from the write that made them: that write updated the calendars it holds already (see
 * CalendarCache.commit). A booking another replica made, or a sweep relayed, is heard as any other.
 */
export function calendarNewsConsumer(deps: BookingDeps, replica: string): ConsumerDefinition {
  return {
    groupId: `booking.calendar-news.${replica}`,
    topics: [topics.bookings],
    gather: { bytes: 256 * 1024, waitMs: FETCH_EVERY_MS },
    ephemeral: true,
    skipWrittenHere: true,
    caughtUp: (at) => deps.calendarNews.caughtUp(at),
    handlers: handlersFor(bookingEventTypes, bookingOccupancyEventData, (data) => hearBooking(deps, data)),
  };
}
