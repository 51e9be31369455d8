import { describe, expect, it } from 'vitest';
import type { CalendarChange, CalendarStore } from '../domain/ports';
import type { BookingState, Calendar, CalendarOccupancy } from '../domain/rules/booking-state';
import { afterChange } from '../domain/rules/calendar-changes';
import { CalendarCache } from './calendar-cache';

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

const occupancy = (c: Calendar): CalendarOccupancy => ({
  resourceId: c.resourceId,
  version: c.version,
  bookings: c.bookings.map(({ status, start, end, quantity }) => ({ status, start, end, quantity })),
});

/** A store holding one calendar, written by "another replica" when the test says so. */
function fakeStore(initial: Calendar) {
  const state = { stored: initial, loads: 0, occupancyReads: [] as string[][] };
  const store = {
    load: async () => {
      state.loads += 1;
      return state.stored;
    },
    occupancyOf: async (ids: string[]) => {
      state.occupancyReads.push(ids);
      return ids.map((id) => ({ ...occupancy(state.stored), resourceId: id }));
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
    const cache = new CalendarCache(store, { maxAgeMs: 60_000, maxEntries: 10 });
    await cache.load('r1');
    await cache.load('r1');
    expect(state.loads).toBe(1);
    const expired = new CalendarCache(store, { maxAgeMs: 0, maxEntries: 10 });
    await expired.load('r1');
    await expired.load('r1');
    expect(state.loads).toBe(3);
  });

  it('when another writer moved the calendar on, then a write from the held copy is refused and the next load reads the store', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, { maxAgeMs: 60_000, maxEntries: 10 });
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
    const cache = new CalendarCache(store, { maxAgeMs: 60_000, maxEntries: 10 });
    await cache.load('r1');
    await cache.load('r1', { fresh: true });
    expect(state.loads).toBe(2);
  });

  it('when a search asks for occupancies, then held calendars answer, the rest are read once, and those are held apart from decisions', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, { maxAgeMs: 60_000, maxEntries: 10 });
    const held = await cache.load('r1');
    const first = await cache.occupancyOf(['r0', 'r1', 'r2']);
    expect(first.map((o) => o.resourceId)).toEqual(['r0', 'r1', 'r2']);
    expect(first[1]).toBe(held);
    expect(state.occupancyReads).toEqual([['r0', 'r2']]);
    await cache.occupancyOf(['r2', 'r0']);
    expect(state.occupancyReads).toHaveLength(1);
    // An occupancy never stands in for a calendar: a decision on r0 reads the store.
    expect(await cache.load('r0')).toBe(state.stored);
    expect(state.loads).toBe(2);
    const expired = new CalendarCache(store, { maxAgeMs: 0, maxEntries: 10 });
    await expired.occupancyOf(['r0']);
    await expired.occupancyOf(['r0']);
    expect(state.occupancyReads).toHaveLength(3);
  });

  it('when a calendar is written after its occupancy was read, then a search sees the newer of the two', async () => {
    const { state, store } = fakeStore(calendar(1, ['a']));
    const cache = new CalendarCache(store, { maxAgeMs: 60_000, maxEntries: 10 });
    const [before] = await cache.occupancyOf(['r1']);
    const written = await cache.commit(calendar(1, ['a']), change([booking('b')]));
    const [after] = await cache.occupancyOf(['r1']);
    expect([before!.version, after!.version]).toEqual([1, 2]);
    expect(after).toBe(written);
    // A refused write drops both copies: the next search reads the store.
    state.stored = calendar(5, ['a', 'b', 'other-replica']);
    expect(await cache.commit(written!, change([booking('c')]))).toBeUndefined();
    const [reread] = await cache.occupancyOf(['r1']);
    expect(reread!.version).toBe(5);
    expect(state.occupancyReads).toHaveLength(2);
  });
});
