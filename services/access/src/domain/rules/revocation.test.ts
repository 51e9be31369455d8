import { describe, expect, it } from 'vitest';
import { bookingStatuses, type Booking } from '@labshare/contracts';
import { aBooking, aPassRecord, END, MINUTE, START } from '../../../test/support/access-states';
import { honours, passesToRevoke, syncedTo } from './revocation';

const moved = (start: number, end: number) =>
  aBooking({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });

describe('passesToRevoke', () => {
  it.each(bookingStatuses.map((status) => [status, status === 'confirmed' ? [] : ['p1']] as const))(
    'when the booking is %s, then the passes revoked are %j',
    (status, revoked) => {
      expect(passesToRevoke(aBooking({ status }), [aPassRecord()])).toEqual(revoked);
    },
  );

  it.each<[string, Booking, string[]]>([
    ['the booking is unchanged', aBooking(), []],
    ['the booking moved to a later day', moved(START + 86_400_000, END + 86_400_000), ['p1']],
    ['only its end moved', moved(START, END + 15 * MINUTE), ['p1']],
    ['only its start moved', moved(START - 15 * MINUTE, END), ['p1']],
  ])('when %s, then the passes revoked are %j', (_name, booking, revoked) => {
    expect(passesToRevoke(booking, [aPassRecord()])).toEqual(revoked);
  });

  it('when a booking was rescheduled and a pass issued for the new times, then only the old pass is revoked', () => {
    const booking = moved(START + 86_400_000, END + 86_400_000);
    const fresh = aPassRecord({ jti: 'p2', bookingStart: START + 86_400_000, bookingEnd: END + 86_400_000 });
    expect(passesToRevoke(booking, [aPassRecord(), fresh])).toEqual(['p1']);
    expect(honours(booking, fresh)).toBe(true);
  });

  it('when a pass is revoked already, then it is not revoked again (its first revocation time stands)', () => {
    expect(passesToRevoke(aBooking({ status: 'cancelled' }), [aPassRecord({ revokedAt: START })])).toEqual(
      [],
    );
  });
});

describe('syncedTo', () => {
  it.each([
    ['no overlap', 0, START],
    ['a minute of overlap', MINUTE, START - MINUTE],
  ])(
    'when the list is read with %s, then the next sync starts at that much before the read',
    (_name, overlap, at) => {
      expect(syncedTo(START, overlap)).toBe(at);
    },
  );
});
