import { describe, expect, it } from 'vitest';
import { aBooking, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import { availabilityOf } from './availability-answer';

const from = new Date(NOW + 24 * HOUR);
const to = new Date(NOW + 27 * HOUR);
const calendar = (bookings = [aBooking({ start: NOW + 25 * HOUR, end: NOW + 26 * HOUR })]) => ({
  resourceId: 'res-1',
  version: 1,
  bookings,
  waitlist: [],
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('availabilityOf', () => {
  it('when a booking holds the middle hour, then the free time is the hours around it, in UTC', () => {
    const answer = availabilityOf(aResource(), calendar(), { from, to, quantity: 1 }, NOW);
    expect(answer).toEqual({
      resourceId: 'res-1',
      timezone: 'Asia/Shanghai',
      free: [
        { start: iso(NOW + 24 * HOUR), end: iso(NOW + 25 * HOUR), available: 1 },
        { start: iso(NOW + 26 * HOUR), end: iso(NOW + 27 * HOUR), available: 1 },
      ],
    });
  });

  it('when a duration is asked, then every grid start that fits is a slot (a slot may run past `to`)', () => {
    const answer = availabilityOf(
      aResource(),
      calendar(),
      { from, to, quantity: 1, durationMinutes: 60 },
      NOW,
    );
    const quarter = 15 * 60_000;
    expect(answer.slots?.map((s) => s.start)).toEqual(
      [24 * HOUR, 26 * HOUR, 26 * HOUR + quarter, 26 * HOUR + 2 * quarter, 26 * HOUR + 3 * quarter].map((t) =>
        iso(NOW + t),
      ),
    );
  });

  it('when the booking no longer holds units, then its time is free', () => {
    const cancelled = calendar([
      aBooking({ status: 'cancelled', start: NOW + 25 * HOUR, end: NOW + 26 * HOUR }),
    ]);
    const answer = availabilityOf(aResource(), cancelled, { from, to, quantity: 1 }, NOW);
    expect(answer.free).toEqual([{ start: iso(NOW + 24 * HOUR), end: iso(NOW + 27 * HOUR), available: 1 }]);
  });

  it('when the resource is retired, then nothing is free and no slot is offered', () => {
    const answer = availabilityOf(
      aResource({ status: 'retired' }),
      calendar([]),
      { from, to, quantity: 1, durationMinutes: 60 },
      NOW,
    );
    expect([answer.free, answer.slots]).toEqual([[], []]);
  });
});
