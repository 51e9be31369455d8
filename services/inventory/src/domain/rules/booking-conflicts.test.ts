import { describe, expect, it } from 'vitest';
import { conflictingBookingIds } from './booking-conflicts';

const window = { start: new Date('2026-05-01T02:00:00Z'), end: new Date('2026-05-01T06:00:00Z') };
const booking = (id: string, status: string, start: string, end: string) => ({
  id,
  status,
  start: `2026-05-01T${start}:00Z`,
  end: `2026-05-01T${end}:00Z`,
});

describe('conflictingBookingIds', () => {
  it('when bookings hold the resource inside the window, then their ids are listed once', () => {
    const ids = conflictingBookingIds(
      [
        booking('held', 'held', '01:00', '03:00'),
        booking('pending', 'pending', '05:00', '07:00'),
        booking('confirmed', 'confirmed', '03:00', '04:00'),
        booking('confirmed', 'confirmed', '03:00', '04:00'),
      ],
      window,
    );
    expect(ids).toEqual(['held', 'pending', 'confirmed']);
  });

  it('when bookings only touch the window or no longer hold the resource, then they are not conflicts', () => {
    const ids = conflictingBookingIds(
      [
        booking('before', 'confirmed', '00:00', '02:00'),
        booking('after', 'confirmed', '06:00', '08:00'),
        booking('cancelled', 'cancelled', '03:00', '04:00'),
        booking('done', 'completed', '03:00', '04:00'),
      ],
      window,
    );
    expect(ids).toEqual([]);
  });
});
