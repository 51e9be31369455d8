import { bookingEventTypes } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, anEntry, aResource, NOW } from '../../../test/support/booking-states';
import type { Calendar } from './booking-state';
import { changeWithOffers, NO_CHANGE } from './calendar-changes';

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
