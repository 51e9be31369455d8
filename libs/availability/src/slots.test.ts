import { describe, expect, it } from 'vitest';
import { slots } from './slots';
import { SUNDAY_NOON, lab, shanghai } from './test-fixtures';
import type { SlotsInput } from './types';

const monday = { start: shanghai(3, 2, 0), end: shanghai(3, 3, 0) };
const base: SlotsInput = {
  spec: lab(),
  blackouts: [],
  occupancy: [],
  range: monday,
  quantity: 1,
  now: SUNDAY_NOON,
  durationMinutes: 60,
};
const starts = (input: SlotsInput) => slots(input).map((slot) => slot.start);
const halfHours = (fromHour: number, toHour: number) =>
  Array.from({ length: (toHour - fromHour) * 2 + 1 }, (_, k) => shanghai(3, 2, fromHour, k * 30));

describe('slots', () => {
  it('when the day is free, then every local half hour whose hour-long slot fits is offered', () => {
    expect(starts(base)).toEqual(halfHours(8, 17));
    expect(slots(base)[0]).toEqual({ start: shanghai(3, 2, 8), end: shanghai(3, 2, 9) });
  });

  it('when a booking with a 15-minute buffer sits at 12:00–13:00, then slots keep clear of the buffer', () => {
    const occupancy = [{ start: shanghai(3, 2, 12), end: shanghai(3, 2, 13), quantity: 1 }];
    const offered = starts({ ...base, spec: lab(1, { bufferMinutes: 15 }), occupancy });
    expect(offered).toContain(shanghai(3, 2, 10, 30));
    expect(offered).not.toContain(shanghai(3, 2, 11));
    expect(offered).not.toContain(shanghai(3, 2, 13));
    expect(offered).toContain(shanghai(3, 2, 13, 30));
  });

  it('when a slot spans pieces with different free counts, then it is offered if each has enough', () => {
    const occupancy = [{ start: shanghai(3, 2, 9), end: shanghai(3, 2, 10), quantity: 1 }];
    const offered = starts({ ...base, spec: lab(3), occupancy, quantity: 2, durationMinutes: 120 });
    expect(offered).toContain(shanghai(3, 2, 8, 30));
    expect(starts({ ...base, spec: lab(3), occupancy, quantity: 3, durationMinutes: 120 })).not.toContain(
      shanghai(3, 2, 8, 30),
    );
  });

  it('when a slot would cross the closed night, then it is not offered', () => {
    const twoDays = { start: shanghai(3, 2, 0), end: shanghai(3, 4, 0) };
    const offered = starts({ ...base, range: twoDays, durationMinutes: 120 });
    expect(offered).toContain(shanghai(3, 2, 16));
    expect(offered).not.toContain(shanghai(3, 2, 16, 30));
    expect(offered.filter((s) => s < shanghai(3, 3, 0)).at(-1)).toBe(shanghai(3, 2, 16));
  });

  it('when a slot starts inside the range, then it may end after the range', () => {
    const range = { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9) };
    expect(slots({ ...base, range })).toEqual([
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9) },
      { start: shanghai(3, 2, 8, 30), end: shanghai(3, 2, 9, 30) },
    ]);
  });

  it('when the duration is off the grid or outside min/max, then nothing is offered', () => {
    expect(slots({ ...base, durationMinutes: 45 })).toEqual([]);
    expect(slots({ ...base, spec: lab(1, { minMinutes: 90 }) })).toEqual([]);
    expect(slots({ ...base, durationMinutes: 270 })).toEqual([]);
    expect(slots({ ...base, durationMinutes: 0 })).toEqual([]);
  });

  it('when lead time applies, then slots start no earlier than now + lead', () => {
    const now = shanghai(3, 2, 9, 10);
    expect(starts({ ...base, now, spec: lab(1, { leadMinutes: 60 }) })[0]).toBe(shanghai(3, 2, 10, 30));
  });

  it('when a 60-minute grid is used in a UTC+5:45 zone, then slots sit on local hours', () => {
    const spec = { ...lab(), timezone: 'Asia/Kathmandu', policy: { ...lab().policy, slotMinutes: 60 } };
    const local9 = Date.UTC(2026, 2, 2, 9) - (5 * 60 + 45) * 60_000;
    expect(starts({ ...base, spec, range: { start: local9 - 3_600_000, end: local9 + 1 } })).toContain(
      local9,
    );
  });
});
