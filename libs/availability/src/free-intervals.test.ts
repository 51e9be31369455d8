import { describe, expect, it } from 'vitest';
import { freeIntervals } from './free-intervals';
import { HOUR, SUNDAY_NOON, lab, shanghai } from './test-fixtures';
import type { AvailabilityInput } from './types';

const monday = { start: shanghai(3, 2, 0), end: shanghai(3, 3, 0) };
const base: AvailabilityInput = {
  spec: lab(),
  blackouts: [],
  occupancy: [],
  range: monday,
  quantity: 1,
  now: SUNDAY_NOON,
};

describe('freeIntervals', () => {
  it('when nothing is booked, then the opening window is free with full capacity', () => {
    expect(freeIntervals({ ...base, spec: lab(3) })).toEqual([
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 18), available: 3 },
    ]);
  });

  it('when a capacity-1 lab has a booking with a 15-minute buffer, then the buffer is not free', () => {
    const occupancy = [{ start: shanghai(3, 2, 10), end: shanghai(3, 2, 11), quantity: 1 }];
    expect(freeIntervals({ ...base, spec: lab(1, { bufferMinutes: 15 }), occupancy })).toEqual([
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9, 45), available: 1 },
      { start: shanghai(3, 2, 11, 15), end: shanghai(3, 2, 18), available: 1 },
    ]);
  });

  it('when a capacity-3 lab is partly booked, then pieces split where the free count changes', () => {
    const occupancy = [
      { start: shanghai(3, 2, 9), end: shanghai(3, 2, 12), quantity: 1 },
      { start: shanghai(3, 2, 10), end: shanghai(3, 2, 11), quantity: 2 },
    ];
    expect(freeIntervals({ ...base, spec: lab(3), occupancy })).toEqual([
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9), available: 3 },
      { start: shanghai(3, 2, 9), end: shanghai(3, 2, 10), available: 2 },
      { start: shanghai(3, 2, 11), end: shanghai(3, 2, 12), available: 2 },
      { start: shanghai(3, 2, 12), end: shanghai(3, 2, 18), available: 3 },
    ]);
    expect(freeIntervals({ ...base, spec: lab(3), occupancy, quantity: 3 })).toEqual([
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9), available: 3 },
      { start: shanghai(3, 2, 12), end: shanghai(3, 2, 18), available: 3 },
    ]);
  });

  it('when a blackout covers part of the day, then that part is not free', () => {
    const blackouts = [{ start: shanghai(3, 2, 12), end: shanghai(3, 2, 14) }];
    expect(freeIntervals({ ...base, blackouts }).map(({ start, end }) => [start, end])).toEqual([
      [shanghai(3, 2, 8), shanghai(3, 2, 12)],
      [shanghai(3, 2, 14), shanghai(3, 2, 18)],
    ]);
  });

  it('when lead time and horizon apply, then only [now + lead, now + horizon) is free', () => {
    const now = shanghai(3, 2, 9);
    const spec = {
      ...lab(1, { leadMinutes: 120 }),
      policy: { ...lab().policy, leadMinutes: 120, horizonDays: 0.25 },
    };
    expect(freeIntervals({ ...base, spec, now })).toEqual([
      { start: now + 2 * HOUR, end: now + 6 * HOUR, available: 1 },
    ]);
  });

  it('when more units are asked than the capacity, then nothing is free', () => {
    expect(freeIntervals({ ...base, spec: lab(2), quantity: 3 })).toEqual([]);
  });

  it('when the quantity is not a whole positive number, then it throws', () => {
    expect(() => freeIntervals({ ...base, quantity: 0 })).toThrow(RangeError);
    expect(() => freeIntervals({ ...base, quantity: 1.5 })).toThrow(RangeError);
  });
});
