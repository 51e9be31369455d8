import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarOccupancy, Occupant } from '../domain/rules/booking-state';
import { OccupancyView } from './occupancy-view';

const HOUR = 3_600_000;
const occupant = (id: string, version: number, status: Occupant['status'] = 'confirmed'): Occupant => ({
  id,
  version,
  status,
  start: 10 * HOUR,
  end: 11 * HOUR,
  quantity: 1,
});

/** Stored calendars read by the view, and the reads it made. */
function fakeStore(stored: Record<string, Occupant[]>) {
  const reads: string[][] = [];
  let gate: Promise<void> | undefined;
  const read = async (ids: string[]): Promise<CalendarOccupancy[]> => {
    reads.push(ids);
    const answer = ids.map((resourceId) => ({ resourceId, bookings: [...(stored[resourceId] ?? [])] }));
    await gate;
    return answer;
  };
  return {
    reads,
    read,
    /** Holds the next reads' answers (as read) until `release` is called. */
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const options = { maxAgeMs: 1_000, maxEntries: 10, rereadMs: 60_000 };
const idsOf = (occupancy: CalendarOccupancy | undefined) =>
  occupancy!.bookings.map((b) => `${b.id}@${b.version}:${b.status}`).sort();

describe('OccupancyView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('when no event is known applied, then a held calendar answers only while younger than the bound', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, options);
    expect(idsOf((await view.occupancyOf(['r1']))[0])).toEqual(['a@1:confirmed']);
    vi.setSystemTime(999);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(1);
    vi.setSystemTime(1_000);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(2);
  });

  it('when the events are caught up, then a held calendar answers past the bound, each booking at its newest version heard', async () => {
    const store = fakeStore({ r1: [occupant('a', 2)] });
    const view = new OccupancyView(store.read, options);
    await view.occupancyOf(['r1']);
    view.heard('r1', [occupant('a', 1, 'held'), occupant('b', 1)]); // a's older version, late
    view.heard('r1', [occupant('b', 2, 'cancelled'), occupant('b', 1)]);
    view.heard('r2', [occupant('c', 1)]); // not held: nothing to keep
    vi.setSystemTime(30_000);
    view.caughtUp(29_500);
    const [r1] = await view.occupancyOf(['r1']);
    expect(idsOf(r1)).toEqual(['a@2:confirmed', 'b@2:cancelled']);
    expect(store.reads).toEqual([['r1']]);
  });

  it('when the events stop being caught up, then held calendars are read again once the last instant is older than the bound', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, options);
    await view.occupancyOf(['r1']);
    view.caughtUp(5_000);
    vi.setSystemTime(5_999);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(1);
    vi.setSystemTime(6_000);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(2);
  });

  it('when an event is heard while the read of its calendar is under way, then it is applied to what the read returns', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)], r2: [] });
    const view = new OccupancyView(store.read, options);
    const release = store.hold();
    const reading = view.occupancyOf(['r1', 'r2']);
    await vi.waitFor(() => expect(store.reads).toHaveLength(1));
    view.heard('r1', [occupant('a', 2, 'cancelled'), occupant('b', 1)]);
    view.heard('r3', [occupant('c', 1)]);
    release();
    const [r1, r2] = await reading;
    expect(idsOf(r1)).toEqual(['a@2:cancelled', 'b@1:confirmed']);
    expect(idsOf(r2)).toEqual([]);
    // Held with the event applied: answered from memory afterwards too.
    expect(idsOf((await view.occupancyOf(['r1']))[0])).toEqual(['a@2:cancelled', 'b@1:confirmed']);
    expect(store.reads).toHaveLength(1);
  });

  it('when a calendar was read longer ago than the re-read bound, then it is read again though the events are caught up', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, { ...options, rereadMs: 10_000 });
    await view.occupancyOf(['r1']);
    vi.setSystemTime(9_999);
    view.caughtUp(9_900);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(1);
    vi.setSystemTime(10_000);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(2);
  });

  it('when more calendars are read than it may hold, then the least recently read are dropped and read again', async () => {
    const store = fakeStore({});
    const view = new OccupancyView(store.read, { ...options, maxEntries: 2 });
    await view.occupancyOf(['r1', 'r2']);
    await view.occupancyOf(['r3']);
    await view.occupancyOf(['r2', 'r3']);
    expect(store.reads).toEqual([['r1', 'r2'], ['r3']]);
    await view.occupancyOf(['r1', 'r2', 'r3']);
    expect(store.reads.at(-1)).toEqual(['r1']);
  });
});
