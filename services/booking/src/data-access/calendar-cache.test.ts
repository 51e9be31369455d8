import { describe, expect, it } from 'vitest';
import type { CalendarChange, CalendarStore } from '../domain/ports';
import type { BookingState, Calendar } from '../domain/rules/booking-state';
import { afterChange } from '../domain/rules/calendar-changes';
import { CalendarCache } from './calendar-cache';
import { OccupancyView } from './occupancy-view';

const booking = (id: string, status: BookingState['status'] = 'confirmed') =>
  ({ id, status, start: 0, end: 1, quantity: 1, version: 1 }) as BookingState;
const calendar = (version: number, ids: string[]): Calendar => ({
  resourceId: 'r1',
  version,
  bookings: ids.map((id) => booking(id)),
  waitlist: [],
});
const change = (put: BookingState[], drop: string[] = []): CalendarChange => ({
  put,
  waitlist: [],
  events: [],
  ...(drop.length ? { drop: { bookings: drop, entries: [] } } : {}),
});

const view = () =>
  new OccupancyView(async () => [], { maxAgeMs: 60_000, maxEntries: 10, rereadMs: 60_000, logger: console });

/** A store holding one calendar, written by "another replica" when the test says so. */
function fakeStore(initial: Calendar) {
  const state = { stored: initial, loads: 0 };
  const store = {
    load: async () => {
      state.loads += 1;
      return state.stored;
    },
    commit: async (read: Calendar, c: CalendarChange) => {
      if (read.version !== state.stored.version) return undefined;
      state.stored = afterChange(read, c);
      return state.stored;
    },
  } as unknown as CalendarStore;
  return { state, store };
}

describe('afterChange (the calendar as the conditional write leaves it)', () => {
  it.each([
    ['a new booking', calendar(3, ['a', 'b']), change([booking('c')]), ['a', 'b', 'c']],
    ['a revised booking', calendar(3, ['a', 'b']), change([booking('a', 'cancelled')]), ['a', 'b']],
    [
      'revised and new',
      calendar(3, ['a', 'b']),
      change([booking('c'), booking('b', 'held')]),
      ['a', 'b', 'c'],
    ],
    ['a dropped booking', calendar(3, ['a', 'b', 'c']), change([booking('d')], ['b']), ['a', 'c', 'd']],
  ])(
    'when the change puts %s, then the order is the stored one and the version one up',
    (_, before, c, ids) => {
      const after = afterChange(before, c);
      expect(after.bookings.map((b) => b.id)).toEqual(ids);
      expect(after.version).toBe(before.version + 1);
      for (const put of c.put) expect(after.bookings.find((b) => b.id === put.id)).toBe(put);
    },
  );
});

describe('CalendarCache', () => {
  it('when a calendar is held, then loads are answered from memory until it is older than the bound', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), { maxAgeMs: 60_000, maxEntries: 10 });
    await cache.load('r1');
    await cache.load('r1');
    expect(state.loads).toBe(1);
    const expired = new CalendarCache(store, view(), { maxAgeMs: 0, maxEntries: 10 });
    await expired.load('r1');
    await expired.load('r1');
    expect(state.loads).toBe(3);
  });

  it('when another writer moved the calendar on, then a write from the held copy is refused and the next load reads the store', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), { maxAgeMs: 60_000, maxEntries: 10 });
    const held = await cache.load('r1');
    state.stored = calendar(2, ['a', 'other-replica']);
    expect(await cache.commit(held, change([booking('mine')]))).toBeUndefined();
    const reread = await cache.load('r1');
    expect(reread.version).toBe(2);
    expect((await cache.commit(reread, change([booking('mine')])))?.version).toBe(3);
    expect((await cache.load('r1')).bookings.map((b) => b.id)).toEqual(['a', 'other-replica', 'mine']);
    expect(state.loads).toBe(2);
  });

  it('when asked for a fresh calendar, then the store is read even while a copy is held', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), { maxAgeMs: 60_000, maxEntries: 10 });
    await cache.load('r1');
    await cache.load('r1', { fresh: true });
    expect(state.loads).toBe(2);
  });

  it("when this replica's write succeeds, then the bookings it put are told to the occupancy view", async () => {
    const { store } = fakeStore(calendar(1, ['a']));
    const occupancies = new OccupancyView(
      async (ids) => ids.map((resourceId) => ({ resourceId, bookings: [] })),
      {
        maxAgeMs: 60_000,
        maxEntries: 10,
        rereadMs: 60_000,
        logger: console,
      },
    );
    const cache = new CalendarCache(store, occupancies, { maxAgeMs: 60_000, maxEntries: 10 });
    expect(await cache.occupancyOf(['r1'])).toEqual([{ resourceId: 'r1', bookings: [] }]);
    await cache.commit(await cache.load('r1'), change([booking('mine')]));
    const [after] = await cache.occupancyOf(['r1']);
    expect(after!.bookings.map((b) => b.id)).toEqual(['mine']);
  });
});
