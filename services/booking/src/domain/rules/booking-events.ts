import { bookingEventTypes, newEvent, topics, type EventEnvelope } from '@labshare/contracts';
import type { BookingState } from './booking-state';
import { toBookingDto } from './booking-dto';

/** When and on whose behalf events are raised: the decision's clock and the request's correlation id. */
export interface EventContext {
  now: number;
  correlationId?: string;
}

/** An event about a booking with its full snapshot, keyed by its resource so one resource's events stay in order. */
export function bookingEvent(
  kind: keyof typeof bookingEventTypes,
  booking: BookingState,
  context: EventContext,
  previous?: { start: number; end: number },
): { topic: string; event: EventEnvelope } {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    topic: topics.bookings,
    event: newEvent({
      source: 'labshare/booking',
      type: bookingEventTypes[kind],
      subject: booking.resourceId,
      time: new Date(context.now),
      correlationId: context.correlationId,
      data: {
        booking: toBookingDto(booking),
        ...(previous ? { previous: { start: iso(previous.start), end: iso(previous.end) } } : {}),
      },
    }),
  };
}
