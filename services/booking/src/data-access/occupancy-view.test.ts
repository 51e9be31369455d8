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

const warnings: unknown[] = [];
const options = {
  maxAgeMs: 1_000,
  maxEntries: 10,
  rereadMs: 600_000,
  logger: { warn: (...args: unknown[]) => void warnings.push(args) },
};
/** Lets the view's background work run this many turns of the event loop. */
async function turns(count: number) {
  for (let turn = 0; turn < count; turn++) await new Promise((next) => setImmediate(next));
}
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
    vi.setSystemTime(4_999);
    view.caughtUp(4_900);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(1);
    vi.setSystemTime(10_000);
    view.caughtUp(9_900);
    await view.occupancyOf(['r1']);
    expect(store.reads).toHaveLength(2);
  });

  it('when more calendars are read than it may hold, then the least recently used are dropped and read again', async () => {
    const store = fakeStore({});
    const view = new OccupancyView(store.read, { ...options, maxEntries: 2 });
    await view.occupancyOf(['r1', 'r2']);
    await view.occupancyOf(['r1']); // answered from memory: now used more recently than r2
    await view.occupancyOf(['r3']);
    await view.occupancyOf(['r1', 'r3']);
    expect(store.reads).toEqual([['r1', 'r2'], ['r3']]);
    await view.occupancyOf(['r2', 'r1', 'r3']);
    expect(store.reads.at(-1)).toEqual(['r2']);
  });

  it('when 250 resources are read ahead, then they are read in the background in batches of 25, and a search of them reads nothing', async () => {
    const store = fakeStore({ r7: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, { ...options, maxEntries: 1_000 });
    const ids = Array.from({ length: 250 }, (_, i) => `r${i}`);
    view.prefetch(ids);
    view.prefetch(ids.slice(0, 10)); // asked again while under way: read once
    await vi.waitFor(() => expect(store.reads.flat()).toHaveLength(250));
    expect(store.reads.map((read) => read.length)).toEqual(Array(10).fill(25));
    const searched = await view.occupancyOf(ids);
    expect(idsOf(searched[7])).toEqual(['a@1:confirmed']);
    expect(store.reads).toHaveLength(10);
  });

  it('when a search reads while calendars are read in the background, then no further batch is read until the search has its answer', async () => {
    const store = fakeStore({ x: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, { ...options, maxEntries: 1_000 });
    const releaseBackground = store.hold();
    view.prefetch(Array.from({ length: 50 }, (_, i) => `r${i}`));
    await vi.waitFor(() => expect(store.reads).toHaveLength(1));
    const releaseSearch = store.hold();
    const searching = view.occupancyOf(['x']);
    expect(store.reads).toHaveLength(2);
    releaseBackground();
    await turns(10);
    expect(store.reads).toHaveLength(2);
    releaseSearch();
    expect(idsOf((await searching)[0])).toEqual(['a@1:confirmed']);
    await vi.waitFor(() => expect(store.reads).toHaveLength(3));
    expect(store.reads[2]).toHaveLength(25);
  });

  it('when a held calendar is past three quarters of its re-read bound, then a search answers from it and it is read again in the background', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)] });
    const view = new OccupancyView(store.read, { ...options, rereadMs: 10_000 });
    await view.occupancyOf(['r1']);
    vi.setSystemTime(7_500);
    view.caughtUp(7_400);
    await view.occupancyOf(['r1']);
    await vi.waitFor(() => expect(store.reads).toHaveLength(2));
    vi.setSystemTime(12_000); // past the bound since the first read, not since the second
    view.caughtUp(11_900);
    const release = store.hold(); // a read on the search's path would not come back
    expect(idsOf((await view.occupancyOf(['r1']))[0])).toEqual(['a@1:confirmed']);
    release();
  });

  it('when calendars read together are searched again, then they come due between half and three quarters of the re-read bound, spread', async () => {
    const store = fakeStore({});
    const view = new OccupancyView(store.read, { ...options, maxEntries: 1_000, rereadMs: 10_000 });
    const ids = Array.from({ length: 100 }, (_, i) => `resource-${i}`);
    const searchAt = async (now: number) => {
      vi.setSystemTime(now);
      view.caughtUp(now - 100);
      await view.occupancyOf(ids);
    };
    const readAgain = () => new Set(store.reads.slice(1).flat()).size;
    await searchAt(0);
    await searchAt(4_999);
    expect(readAgain()).toBe(0);
    await searchAt(6_250);
    await vi.waitFor(() => expect(readAgain()).toBeGreaterThan(20));
    await turns(20); // the rest of what is due read too (four batches of 25 at most)
    expect(readAgain()).toBeLessThan(80);
    await searchAt(7_500);
    await vi.waitFor(() => expect(readAgain()).toBe(100));
    expect(store.reads[0]).toHaveLength(100); // every search answered from memory: only the first read on its path
  });

  it('when it holds as many calendars as it may, then no more are read ahead', async () => {
    const store = fakeStore({});
    const view = new OccupancyView(store.read, { ...options, maxEntries: 3 });
    await view.occupancyOf(['r1']);
    view.prefetch(['r1', 'r2', 'r3', 'r4', 'r5']);
    await vi.waitFor(() => expect(store.reads).toHaveLength(2));
    expect(store.reads[1]).toEqual(['r2', 'r3']);
  });

  it('when a read ahead fails, then it is logged and the calendar is read when searched', async () => {
    const store = fakeStore({ r1: [occupant('a', 1)] });
    let fail = true;
    const view = new OccupancyView(async (ids) => {
      if (fail) throw new Error('database away');
      return store.read(ids);
    }, options);
    warnings.length = 0;
    view.prefetch(['r1']);
    await vi.waitFor(() => expect(warnings).toHaveLength(1));
    fail = false;
    expect(idsOf((await view.occupancyOf(['r1']))[0])).toEqual(['a@1:confirmed']);
    expect(store.reads).toEqual([['r1']]);
  });
});
