import { errors } from '@labshare/errors';
import { describe, expect, it } from 'vitest';
import { aBooking } from '../../../test/support/booking-states';
import { KeyedQueue } from '@labshare/domain-kit';
import type { BookingDeps, CalendarChange, CalendarStore } from '../ports';
import type { Calendar } from '../rules/booking-state';
import { afterChange } from '../rules/calendar-changes';
import { changeCalendar } from './change-calendar';

/** One stored calendar behind a round trip per read and per write, counting refused writes. */
function storeOfOne() {
  const state = {
    stored: { resourceId: 'res-1', version: 0, bookings: [], waitlist: [] } as Calendar,
    refused: 0,
  };
  const roundTrip = () => new Promise((resolve) => setImmediate(resolve));
  const store = {
    load: async () => {
      const read = state.stored;
      await roundTrip();
      return read;
    },
    commit: async (read: Calendar, change: CalendarChange) => {
      await roundTrip();
      if (read.version !== state.stored.version) {
        state.refused += 1;
        return undefined;
      }
      state.stored = afterChange(read, change);
      return state.stored;
    },
  } as unknown as CalendarStore;
  const deps = {
    calendars: store,
    calendarTurns: new KeyedQueue(),
    projection: { save: async () => undefined },
  } as unknown as BookingDeps;
  return { state, deps };
}

/** A decision that books `id` if the calendar has room for `capacity` bookings. */
const book =
  (id: string, capacity = Infinity) =>
  (calendar: Calendar) => {
    if (calendar.bookings.length >= capacity) throw errors.conflict('full');
    return { change: { put: [aBooking({ id })], waitlist: [], events: [] }, result: id };
  };

describe('changeCalendar', () => {
  it('when requests for one calendar arrive together in one replica, then each is decided on the one before it and none is refused', async () => {
    const { state, deps } = storeOfOne();
    const ids = Array.from({ length: 10 }, (_, i) => `b-${i}`);

    const results = await Promise.all(ids.map((id) => changeCalendar(deps, 'res-1', book(id))));

    expect(results).toEqual(ids);
    expect(state.stored.bookings.map((b) => b.id)).toEqual(ids);
    expect(state.stored.version).toBe(10);
    expect(state.refused).toBe(0);
  });

  it('when another replica writes between the read and the write, then the write is refused and decided again on what it wrote', async () => {
    const { state, deps } = storeOfOne();
    let overtaken = false;
    const decide = (calendar: Calendar) => {
      if (!overtaken) {
        overtaken = true;
        state.stored = afterChange(state.stored, {
          put: [aBooking({ id: 'theirs' })],
          waitlist: [],
          events: [],
        });
      }
      return book('ours', 2)(calendar);
    };

    await changeCalendar(deps, 'res-1', decide);

    expect(state.refused).toBe(1);
    expect(state.stored.bookings.map((b) => b.id)).toEqual(['theirs', 'ours']);
  });

  it('when a decision is refused, then the calendar turns to the next one', async () => {
    const { state, deps } = storeOfOne();

    const outcomes = await Promise.allSettled([
      changeCalendar(deps, 'res-1', book('first', 1)),
      changeCalendar(deps, 'res-1', book('second', 1)),
      changeCalendar(deps, 'res-1', book('third', 2)),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(state.stored.bookings.map((b) => b.id)).toEqual(['first', 'third']);
  });
});
