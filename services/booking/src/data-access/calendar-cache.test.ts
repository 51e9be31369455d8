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

/** Held for answers `maxAgeMs`, for decisions `holdMs`. */
const holding = (maxAgeMs: number, holdMs = maxAgeMs) => ({
  maxAgeMs,
  holdMs,
  maxEntries: 10,
  maxBookings: 1_000,
});

describe('CalendarCache', () => {
  it('when a calendar is held, then loads are answered from memory until it is older than the bound', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(60_000));
    await cache.load('r1');
    await cache.load('r1');
    expect(state.loads).toBe(1);
    const expired = new CalendarCache(store, view(), holding(0));
    await expired.load('r1');
    await expired.load('r1');
    expect(state.loads).toBe(3);
  });

  it('when another writer moved the calendar on, then a write from the held copy is refused and the next load reads the store', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(60_000));
    const held = await cache.load('r1');
    state.stored = calendar(2, ['a', 'other-replica']);
    expect(await cache.commit(held, change([booking('mine')]))).toBeUndefined();
    const reread = await cache.load('r1');
    expect(reread.version).toBe(2);
    expect((await cache.commit(reread, change([booking('mine')])))?.version).toBe(3);
    expect((await cache.load('r1')).bookings.map((b) => b.id)).toEqual(['a', 'other-replica', 'mine']);
    expect(state.loads).toBe(2);
  });

  it('when a held calendar is older than the bound for answers, then a decision still takes it, without a read, until the hold runs out', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(0, 60_000));
    await cache.load('r1');
    expect((await cache.load('r1', { toDecide: true })).version).toBe(1);
    expect(state.loads).toBe(1);
    await cache.load('r1'); // an answer: older than its bound (0), so read again
    expect(state.loads).toBe(2);
    const unheld = new CalendarCache(store, view(), holding(0, 0));
    await unheld.load('r1');
    await unheld.load('r1', { toDecide: true });
    expect(state.loads).toBe(4);
  });

  it('when a calendar held for decisions was overtaken by another replica, then the write from it is refused and the decision is made on the stored one', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(0, 60_000));
    const stale = await cache.load('r1', { toDecide: true });
    state.stored = calendar(2, ['a', 'other-replica']);
    expect(await cache.load('r1', { toDecide: true })).toBe(stale); // not heard of yet: still held
    expect(await cache.commit(stale, change([booking('mine')]))).toBeUndefined();
    const reread = await cache.load('r1', { toDecide: true });
    expect(reread.bookings.map((b) => b.id)).toEqual(['a', 'other-replica']);
    expect(state.loads).toBe(2);
  });

  it("when another replica's booking is heard, then a held copy that lacks that version of it is dropped, and one that has it is kept", async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(60_000));
    const occupant = (id: string, version: number) => ({ ...booking(id), version });
    await cache.load('r1');
    cache.heard('r1', [occupant('a', 1)]); // its own write read back, or an old event: nothing new
    await cache.load('r1', { toDecide: true });
    expect(state.loads).toBe(1);
    cache.heard('r1', [occupant('a', 2)]); // a newer version of a booking it holds
    await cache.load('r1', { toDecide: true });
    expect(state.loads).toBe(2);
    cache.heard('r1', [occupant('new', 1)]); // a booking it does not hold
    await cache.load('r1', { toDecide: true });
    expect(state.loads).toBe(3);
    cache.heard('r2', [occupant('elsewhere', 1)]); // a calendar it does not hold
    await cache.load('r1', { toDecide: true });
    expect(state.loads).toBe(3);
  });

  it('when the held calendars would hold more bookings than the bound, then the least recently used go first', async () => {
    const stored = new Map([
      ['r1', { ...calendar(1, ['a', 'b', 'c']), resourceId: 'r1' }],
      ['r2', { ...calendar(1, ['d', 'e']), resourceId: 'r2' }],
      ['r3', { ...calendar(1, ['f', 'g']), resourceId: 'r3' }],
    ]);
    let loads: string[] = [];
    const store = {
      load: async (id: string) => (loads.push(id), stored.get(id)!),
    } as unknown as CalendarStore;
    const cache = new CalendarCache(store, view(), { ...holding(60_000), maxBookings: 5 });
    for (const id of ['r1', 'r2', 'r3']) await cache.load(id); // 7 bookings: r1 goes, 4 are held
    loads = [];
    for (const id of ['r3', 'r2', 'r1']) await cache.load(id);
    expect(loads).toEqual(['r1']);
    loads = [];
    for (const id of ['r3', 'r1']) await cache.load(id); // r1 (3) pushed out r2, the least recently read
    expect(loads).toEqual([]);
    await cache.load('r2');
    expect(loads).toEqual(['r2']);
  });

  it('when asked for a fresh calendar, then the store is read even while a copy is held', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, view(), holding(60_000));
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
    const cache = new CalendarCache(store, occupancies, holding(60_000));
    expect(await cache.occupancyOf(['r1'])).toEqual([{ resourceId: 'r1', bookings: [] }]);
    await cache.commit(await cache.load('r1'), change([booking('mine')]));
    const [after] = await cache.occupancyOf(['r1']);
    expect(after!.bookings.map((b) => b.id)).toEqual(['mine']);
  });
});
