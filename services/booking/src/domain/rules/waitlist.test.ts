import { describe, expect, it } from 'vitest';
import { aBooking, anEntry, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import type { BookingState } from './booking-state';
import { applyChanges, offerFreedUnits } from './waitlist';

const OFFER_MS = 30 * 60_000;
const resource = aResource();
const ids = () => {
  let n = 0;
  return () => `offer-${++n}`;
};
const base = { resource, now: NOW, offerMs: OFFER_MS };

describe('offerFreedUnits', () => {
  it('when units were freed, then the oldest waiting entry that fits is offered a hold', () => {
    const older = anEntry({ id: 'older', createdAt: NOW - 2 * HOUR });
    const newer = anEntry({ id: 'newer', createdAt: NOW - HOUR });
    const made = offerFreedUnits({
      ...base,
      bookings: [],
      waitlist: [newer, older],
      freed: true,
      newId: ids(),
    });
    expect(made.bookings).toEqual([
      expect.objectContaining({ id: 'offer-1', status: 'held', userId: 'user-2', expiresAt: NOW + OFFER_MS }),
    ]);
    expect(made.entries).toEqual([
      expect.objectContaining({
        id: 'older',
        status: 'offered',
        bookingId: 'offer-1',
        expiresAt: NOW + OFFER_MS,
      }),
    ]);
  });

  it('when nothing was freed, then nobody is offered anything', () => {
    const made = offerFreedUnits({
      ...base,
      bookings: [],
      waitlist: [anEntry()],
      freed: false,
      newId: ids(),
    });
    expect(made).toEqual({ bookings: [], entries: [] });
  });

  it('when the time is still taken, then the entry keeps waiting', () => {
    const taken = aBooking({ id: 'taken' });
    const made = offerFreedUnits({
      ...base,
      bookings: [taken],
      waitlist: [anEntry()],
      freed: true,
      newId: ids(),
    });
    expect(made).toEqual({ bookings: [], entries: [] });
  });

  it('when a waiting entry ended already (or ends now), then it lapses instead of being offered', () => {
    const past = anEntry({ id: 'past', start: NOW - 2 * HOUR, end: NOW });
    const made = offerFreedUnits({ ...base, bookings: [], waitlist: [past], freed: true, newId: ids() });
    expect(made).toEqual({
      bookings: [],
      entries: [expect.objectContaining({ id: 'past', status: 'lapsed' })],
    });
  });

  it('when two entries want the one freed unit, then only the older gets it', () => {
    const a = anEntry({ id: 'a', createdAt: 1 });
    const b = anEntry({ id: 'b', createdAt: 2 });
    const made = offerFreedUnits({ ...base, bookings: [], waitlist: [b, a], freed: true, newId: ids() });
    expect(made.entries.map((e) => [e.id, e.status])).toEqual([['a', 'offered']]);
  });

  it.each([
    ['confirmed', 'accepted'],
    ['pending', 'accepted'],
    ['expired', 'lapsed'],
    ['cancelled', 'cancelled'],
  ] as const)('when an offered hold becomes %s, then its entry is %s', (status, entryStatus) => {
    const offered = anEntry({ status: 'offered', bookingId: 'hold' });
    const changed = aBooking({ id: 'hold', status });
    const made = offerFreedUnits({
      ...base,
      bookings: [changed],
      waitlist: [offered],
      changed,
      freed: false,
      newId: ids(),
    });
    expect(made.entries).toEqual([expect.objectContaining({ id: 'w-1', status: entryStatus })]);
  });

  it('when a booking that was no offer changes, then no entry is settled', () => {
    const changed = aBooking({ id: 'unrelated', status: 'cancelled' });
    const made = offerFreedUnits({
      ...base,
      bookings: [changed],
      waitlist: [anEntry({ status: 'offered', bookingId: 'hold' })],
      changed,
      freed: false,
      newId: ids(),
    });
    expect(made.entries).toEqual([]);
  });
});

describe('applyChanges', () => {
  it('when several bookings are cancelled in one write, then each freed unit goes to the next entry in order', () => {
    const slot = { start: NOW + 24 * HOUR, end: NOW + 25 * HOUR };
    const two = aResource({ capacity: 2 });
    const bookings: BookingState[] = [aBooking({ id: 'x', ...slot }), aBooking({ id: 'y', ...slot })];
    const cancelled = bookings.map((b) => ({ ...b, status: 'cancelled' as const }));
    const waitlist = [
      anEntry({ id: 'e1', createdAt: 1 }),
      anEntry({ id: 'e2', createdAt: 2 }),
      anEntry({ id: 'e3', createdAt: 3 }),
    ];
    const applied = applyChanges({
      ...base,
      resource: two,
      bookings,
      waitlist,
      changes: cancelled,
      newId: ids(),
    });
    expect(applied.offers.map((o) => o.id)).toEqual(['offer-1', 'offer-2']);
    expect(applied.put.map((b) => b.id)).toEqual(['x', 'y', 'offer-1', 'offer-2']);
    expect(applied.entries.map((e) => [e.id, e.status, e.bookingId])).toEqual([
      ['e1', 'offered', 'offer-1'],
      ['e2', 'offered', 'offer-2'],
    ]);
  });

  it('when a change frees nothing (a confirmation), then no offer is made', () => {
    const held = aBooking({ id: 'h', status: 'held' });
    const applied = applyChanges({
      ...base,
      bookings: [held],
      waitlist: [anEntry()],
      changes: [{ ...held, status: 'confirmed' }],
      newId: ids(),
    });
    expect(applied.offers).toEqual([]);
  });
});
