import { bookingEventTypes, newEvent, topics, type EventEnvelope } from '@labshare/contracts';
import { correlation } from '@labshare/logging';
import type { BookingState } from '../booking-state';
import { toBookingDto } from '../booking-dto';

/** An event about a booking, keyed by its resource so one resource's events stay in order. */
export function bookingEvent(
  kind: keyof typeof bookingEventTypes,
  booking: BookingState,
  now: number,
  previous?: { start: number; end: number },
): { topic: string; event: EventEnvelope } {
  return {
    topic: topics.bookings,
    event: newEvent({
      source: 'labshare/booking',
      type: bookingEventTypes[kind],
      subject: booking.resourceId,
      time: new Date(now),
      correlationId: correlation.currentId(),
      data: {
        booking: toBookingDto(booking),
        ...(previous
          ? {
              previous: {
                start: new Date(previous.start).toISOString(),
                end: new Date(previous.end).toISOString(),
              },
            }
          : {}),
      },
    }),
  };
}
