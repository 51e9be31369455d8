import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, HOUR, NOW } from '../../../test/support/booking-states';
import { toBookingDto } from './booking-dto';
import { bookingEvent } from './booking-events';

describe('bookingEvent', () => {
  it.each(Object.keys(bookingEventTypes) as (keyof typeof bookingEventTypes)[])(
    'when a booking is %s, then the event has that type, is keyed by the resource and carries the snapshot',
    (kind) => {
      const booking = aBooking();
      const { topic, event } = bookingEvent(kind, booking, { now: NOW, correlationId: 'corr-1' });
      expect(topic).toBe(topics.bookings);
      expect(event).toEqual(
        expect.objectContaining({
          source: 'labshare/booking',
          type: bookingEventTypes[kind],
          subject: 'res-1',
          time: new Date(NOW).toISOString(),
          correlationid: 'corr-1',
          data: { booking: toBookingDto(booking) },
        }),
      );
      expect(bookingEventData.parse(event.data)).toEqual(event.data);
    },
  );

  it('when a booking is rescheduled, then the event carries its previous times as ISO strings', () => {
    const previous = { start: NOW + HOUR, end: NOW + 2 * HOUR };
    const { event } = bookingEvent('rescheduled', aBooking(), { now: NOW }, previous);
    expect(event.data).toEqual({
      booking: toBookingDto(aBooking()),
      previous: { start: new Date(NOW + HOUR).toISOString(), end: new Date(NOW + 2 * HOUR).toISOString() },
    });
  });

  it('when there is no correlation id, then the event has none', () => {
    expect(Object.keys(bookingEvent('created', aBooking(), { now: NOW }).event)).not.toContain(
      'correlationid',
    );
  });
});
