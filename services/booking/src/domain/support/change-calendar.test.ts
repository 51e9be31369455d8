import { errors } from '@labshare/errors';
import { describe, expect, it } from 'vitest';
import { aBooking } from '../../../test/support/booking-states';
import type { BookingDeps, CalendarChange, CalendarStore } from '../ports';
import type { Calendar } from '../rules/booking-state';
import { afterChange } from '../rules/calendar-changes';
import { calendarTurns, changeCalendar } from './change-calendar';

/** One stored calendar behind a round trip per read and per write, counting writes and refused writes. */
function storeOfOne() {
  const state = {
    stored: { resourceId: 'res-1', version: 0, bookings: [], waitlist: [] } as Calendar,
    refused: 0,
    writes: 0,
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
      state.writes += 1;
      return state.stored;
    },
  } as unknown as CalendarStore;
  const deps = {
    calendars: store,
    calendarTurns: calendarTurns(store),
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
  it('when requests for one calendar arrive together in one replica, then those waiting are decided one on another and written together, and none is refused', async () => {
    const { state, deps } = storeOfOne();
    const ids = Array.from({ length: 10 }, (_, i) => `b-${i}`);

    const results = await Promise.all(ids.map((id) => changeCalendar(deps, 'res-1', book(id))));

    expect(results).toEqual(ids);
    expect(state.stored.bookings.map((b) => b.id)).toEqual(ids);
    expect(state.writes).toBe(2); // the first alone, the nine that waited for it together
    expect(state.refused).toBe(0);
  });

  it('when more ask together than the calendar has room for, then those decided after it is full are refused, in the order they came', async () => {
    const { state, deps } = storeOfOne();
    const ids = Array.from({ length: 8 }, (_, i) => `b-${i}`);

    const outcomes = await Promise.allSettled(ids.map((id) => changeCalendar(deps, 'res-1', book(id, 3))));

    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array<string>(3).fill('fulfilled'),
      ...Array<string>(5).fill('rejected'),
    ]);
    expect(state.stored.bookings.map((b) => b.id)).toEqual(['b-0', 'b-1', 'b-2']);
  });

  it('when another replica writes between the read and the write, then the write is refused and its decisions are made again on what it wrote', async () => {
    const { state, deps } = storeOfOne();
    let overtaken = false;
    const decide = (id: string) => (calendar: Calendar) => {
      if (!overtaken && state.writes === 1) {
        overtaken = true;
        state.stored = afterChange(state.stored, {
          put: [aBooking({ id: 'theirs' })],
          waitlist: [],
          events: [],
        });
      }
      return book(id, 5)(calendar);
    };

    await Promise.all(['first', 'a', 'b', 'c'].map((id) => changeCalendar(deps, 'res-1', decide(id))));

    expect(state.refused).toBe(1);
    expect(state.stored.bookings.map((b) => b.id).sort()).toEqual(['a', 'b', 'c', 'first', 'theirs'].sort());
  });

  it('when one write carries a booking made and then revised, then the newest version is written once, and both events', async () => {
    const { state, deps } = storeOfOne();
    const event = (id: string) =>
      ({ topic: 't', event: { id } }) as unknown as CalendarChange['events'][number];
    const revise = (calendar: Calendar) => {
      const made = calendar.bookings.find((b) => b.id === 'x')!;
      const revised = { ...made, status: 'cancelled' as const, version: made.version + 1 };
      return { change: { put: [revised], waitlist: [], events: [event('x-cancelled')] }, result: 'revised' };
    };
    const make = (calendar: Calendar) => ({
      ...book('x')(calendar),
      change: { put: [aBooking({ id: 'x' })], waitlist: [], events: [event('x-created')] },
    });
    const written: CalendarChange[] = [];
    const commit = deps.calendars.commit.bind(deps.calendars);
    deps.calendars.commit = (calendar, change) => (written.push(change), commit(calendar, change));

    await Promise.all([
      changeCalendar(deps, 'res-1', book('first')),
      changeCalendar(deps, 'res-1', make),
      changeCalendar(deps, 'res-1', revise),
    ]);

    expect(state.stored.bookings.map((b) => [b.id, b.version, b.status])).toEqual([
      ['first', 1, 'confirmed'],
      ['x', 2, 'cancelled'],
    ]);
    expect(written.at(-1)!.put.map((b) => b.id)).toEqual(['x']);
    expect(written.at(-1)!.events.map((e) => e.event.id)).toEqual(['x-created', 'x-cancelled']);
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
