import { describe, expect, it } from 'vitest';
import { aBooking, anEntry, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import type { BookingState } from './booking-state';
import { applyChanges, offerFreedUnits } from './waitlist';

const OFFER_MS = 30 * 60_000;
const ids = () => {
  let n = 0;
  return () => `offer-${++n}`;
};
const base = { resource: aResource(), now: NOW, offerMs: OFFER_MS };

describe('offerFreedUnits edges', () => {
  it('when a freed unit is too few for a waiting request (over capacity), then it is not offered', () => {
    const big = anEntry({ quantity: 2 });
    expect(offerFreedUnits({ ...base, bookings: [], waitlist: [big], freed: true, newId: ids() })).toEqual({
      bookings: [],
      entries: [],
    });
  });

  it.each([
    ['an accepted entry whose booking is cancelled later', 'accepted', 'cancelled'],
    ['an offered entry whose hold is only revised', 'offered', 'held'],
  ] as const)('when %s, then the entry is left as it is', (_case, entryStatus, bookingStatus) => {
    const entry = anEntry({ status: entryStatus, bookingId: 'hold' });
    const changed = aBooking({ id: 'hold', status: bookingStatus });
    const made = offerFreedUnits({
      ...base,
      bookings: [changed],
      waitlist: [entry],
      changed,
      freed: false,
      newId: ids(),
    });
    expect(made.entries).toEqual([]);
  });
});

describe('applyChanges: what counts as freeing units', () => {
  const slot = { start: NOW + 24 * HOUR, end: NOW + 25 * HOUR };
  const apply = (bookings: BookingState[], changes: BookingState[]) =>
    applyChanges({ ...base, bookings, waitlist: [anEntry({ ...slot })], changes, newId: ids() });

  it.each([
    [
      'a hold elsewhere confirmed in place',
      [aBooking({ status: 'held', start: NOW + 30 * HOUR, end: NOW + 31 * HOUR })],
      [aBooking({ status: 'confirmed', start: NOW + 30 * HOUR, end: NOW + 31 * HOUR, version: 2 })],
    ],
    [
      'a new hold (no booking before it)',
      [],
      [aBooking({ id: 'new', status: 'held', start: NOW + 30 * HOUR, end: NOW + 31 * HOUR })],
    ],
    [
      'an expired hold touched again',
      [aBooking({ ...slot, status: 'expired' })],
      [aBooking({ ...slot, status: 'expired', version: 2 })],
    ],
  ])('when the change is %s, then nothing is freed and no offer is made', (_case, bookings, changes) => {
    expect(apply(bookings, changes).offers).toEqual([]);
  });

  it('when one of two bookings is cancelled, then the other still holds its time and the waiting request is not offered', () => {
    const x = aBooking({ id: 'x', ...slot });
    const y = aBooking({ id: 'y', ...slot });
    const two = aResource({ capacity: 2 });
    const waitlist = [anEntry({ ...slot, quantity: 2 })];
    const applied = applyChanges({
      ...base,
      resource: two,
      bookings: [x, y],
      waitlist,
      changes: [{ ...x, status: 'cancelled' }],
      newId: ids(),
    });
    expect(applied.offers).toEqual([]);
  });
});
