import { bookingEventTypes } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, anEntry, aResource, NOW } from '../../../test/support/booking-states';
import type { BookingState, Calendar } from './booking-state';
import { afterChange, changeWithOffers, NO_CHANGE } from './calendar-changes';

const OFFER_MS = 30 * 60_000;
const context = { now: NOW, correlationId: 'corr-1', offerMs: OFFER_MS, newId: () => 'offer-1' };
const calendar = (overrides: Partial<Calendar> = {}): Calendar => ({
  resourceId: 'res-1',
  version: 3,
  bookings: [aBooking()],
  waitlist: [anEntry()],
  ...overrides,
});

describe('changeWithOffers', () => {
  it('when a cancel frees the units a waiting request needs, then one write puts both bookings, the offered entry and both events', () => {
    const cancelled = aBooking({ status: 'cancelled', version: 2 });
    const change = changeWithOffers(calendar(), aResource(), context, [
      { booking: cancelled, event: 'cancelled' },
    ]);
    expect(change.put).toEqual([cancelled, expect.objectContaining({ id: 'offer-1', status: 'held' })]);
    expect(change.waitlist).toEqual([
      expect.objectContaining({ id: 'w-1', status: 'offered', bookingId: 'offer-1' }),
    ]);
    expect(
      change.events.map((e) => [e.event.type, (e.event.data as { booking: { id: string } }).booking.id]),
    ).toEqual([
      [bookingEventTypes.cancelled, 'b-1'],
      [bookingEventTypes.created, 'offer-1'],
    ]);
    expect(change.events.every((e) => e.event.correlationid === 'corr-1')).toBe(true);
  });

  it('when the waitlist passed in is empty, then it is used instead of the calendar one and nothing is offered', () => {
    const cancelled = aBooking({ status: 'cancelled', version: 2 });
    const change = changeWithOffers(
      calendar(),
      aResource(),
      context,
      [{ booking: cancelled, event: 'cancelled' }],
      [],
    );
    expect(change).toEqual({
      put: [cancelled],
      waitlist: [],
      events: [expect.objectContaining({ topic: expect.any(String) })],
    });
  });

  it('when a change frees nothing, then only its own booking and event are written', () => {
    const confirmed = aBooking({ version: 2 });
    const change = changeWithOffers(calendar(), aResource(), context, [
      { booking: confirmed, event: 'confirmed' },
    ]);
    expect(change.put).toEqual([confirmed]);
    expect(change.waitlist).toEqual([]);
    expect(change.events.map((e) => e.event.type)).toEqual([bookingEventTypes.confirmed]);
  });

  it('when there is nothing to do, then NO_CHANGE writes nothing', () => {
    expect(NO_CHANGE).toEqual({ put: [], waitlist: [], events: [] });
  });
});

describe('afterChange', () => {
  const ids = (c: Calendar) => c.bookings.map((b) => `${b.id}@${b.version}`);
  const held = (n: number) => Array.from({ length: n }, (_, i) => aBooking({ id: `b-${i}`, version: 1 }));

  it('when a change revises some bookings and adds others, then revised ones keep their place and new ones follow, one version up', () => {
    const after = afterChange(calendar({ bookings: held(4) }), {
      put: [
        aBooking({ id: 'b-2', version: 2 }),
        aBooking({ id: 'n-1', version: 1 }),
        aBooking({ id: 'b-0', version: 2 }),
      ],
      waitlist: [],
      events: [],
    });
    expect(ids(after)).toEqual(['b-0@2', 'b-1@1', 'b-2@2', 'b-3@1', 'n-1@1']);
    expect(after.version).toBe(4);
  });

  it('when a change drops bookings and entries, then they are gone and the rest keep their order', () => {
    const after = afterChange(calendar({ bookings: held(4) }), {
      put: [aBooking({ id: 'b-3', version: 2 })],
      waitlist: [],
      events: [],
      drop: { bookings: ['b-1'], entries: ['w-1'] },
    });
    expect(ids(after)).toEqual(['b-0@1', 'b-2@1', 'b-3@2']);
    expect(after.waitlist).toEqual([]);
  });

  it('when a change puts many bookings, or one id twice, then it reads the same as a few: the last copy of an id counts, once', () => {
    const many = Array.from({ length: 12 }, (_, i) => aBooking({ id: `b-${i * 2}`, version: 3 }));
    const after = afterChange(calendar({ bookings: held(6) }), { put: many, waitlist: [], events: [] });
    expect(ids(after)).toEqual([
      'b-0@3',
      'b-1@1',
      'b-2@3',
      'b-3@1',
      'b-4@3',
      'b-5@1',
      ...[6, 8, 10, 12, 14, 16, 18, 20, 22].map((i) => `b-${i}@3`),
    ]);
    const twice = (put: BookingState[]) =>
      ids(afterChange(calendar({ bookings: held(2) }), { put, waitlist: [], events: [] }));
    const copies = (id: string) => [aBooking({ id, version: 2 }), aBooking({ id, version: 3 })];
    expect(twice(copies('b-1'))).toEqual(['b-0@1', 'b-1@3']);
    expect(twice(copies('n-1'))).toEqual(['b-0@1', 'b-1@1', 'n-1@3']);
    const manyOnce = twice([...many, ...copies('n-1')]);
    expect(manyOnce.filter((id) => id.startsWith('n-1@'))).toEqual(['n-1@3']);
    expect(manyOnce.at(-1)).toBe('n-1@3');
  });

  it('when a change is applied, then the calendar it was applied to is left as it was', () => {
    const before = calendar({ bookings: held(3) });
    afterChange(before, {
      put: [aBooking({ id: 'b-1', version: 2 }), aBooking({ id: 'x', version: 1 })],
      waitlist: [],
      events: [],
    });
    expect(ids(before)).toEqual(['b-0@1', 'b-1@1', 'b-2@1']);
  });
});
