import { bookingEventTypes, topics, type BookingEventData, type EventEnvelope } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { fromBookingDto } from '../rules/booking-dto';

const bookingEvents = new Set<string>(Object.values(bookingEventTypes));

/**
 * Booking's own events, about to leave a calendar's outbox: the projection holds each booking they
 * carry, at least at their version, before they do. The projection is written right after each
 * calendar write; this repairs it when a crash fell in between (whichever relay sends the events,
 * here or on another replica, writes it first), and costs no write for a version this replica has
 * stored or is storing. Older versions are ignored, so it never rolls a booking back.
 */
export async function repairProjection(
  deps: Pick<BookingDeps, 'projection'>,
  events: { topic: string; event: EventEnvelope }[],
): Promise<void> {
  const newest = new Map<string, BookingEventData['booking']>();
  for (const { topic, event } of events) {
    if (topic !== topics.bookings || !bookingEvents.has(event.type)) continue;
    const { booking } = event.data as BookingEventData;
    if ((newest.get(booking.id)?.version ?? -Infinity) < booking.version) newest.set(booking.id, booking);
  }
  await Promise.all([...newest.values()].map((booking) => deps.projection.save(fromBookingDto(booking))));
}
