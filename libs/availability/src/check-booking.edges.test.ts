import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { slots } from './slots';
import { HOUR, MIN, SUNDAY_NOON, lab, shanghai } from './test-fixtures';
import type { CheckBookingInput, SlotsInput } from './types';

/** Monday 2026-03-02, Shanghai local time; the lab opens 08:00–18:00 and books 30–240 minutes. */
const request = (startHour: number, startMinute: number, minutes: number, quantity = 1) => {
  const start = shanghai(3, 2, startHour, startMinute);
  return { start, end: start + minutes * MIN, quantity };
};
const base: CheckBookingInput = {
  spec: lab(),
  blackouts: [],
  occupancy: [],
  request: request(10, 0, 60),
  now: SUNDAY_NOON,
};
const violations = (overrides: Partial<CheckBookingInput>) =>
  checkBooking({ ...base, ...overrides }).violations;

describe('checkBooking at exact boundaries', () => {
  it.each([
    ['the request starts exactly now', { now: shanghai(3, 2, 10) }, []],
    ['the request starts a millisecond before now', { now: shanghai(3, 2, 10) + 1 }, ['in_past']],
    [
      'the request starts exactly at now + lead',
      { now: shanghai(3, 2, 9), spec: lab(1, { leadMinutes: 60 }) },
      [],
    ],
    [
      'the request starts a millisecond before now + lead',
      { now: shanghai(3, 2, 9) + 1, spec: lab(1, { leadMinutes: 60 }) },
      ['lead_time'],
    ],
    [
      'a negative lead (never lets a booking start in the past)',
      { now: shanghai(3, 2, 10) + 1, spec: lab(1, { leadMinutes: -60 }) },
      ['in_past'],
    ],
    // now is Sunday 12:00; the request ends Monday 11:00, 23 hours later.
    ['the request ends exactly at the horizon', { spec: lab(1, { horizonDays: 23 / 24 }) }, []],
    [
      'the request ends a minute after the horizon',
      { spec: lab(1, { horizonDays: (23 * 60 - 1) / (24 * 60) }) },
      ['horizon'],
    ],
    ['the duration is exactly maxMinutes', { request: request(10, 0, 240) }, []],
    ['the duration is one slot more than maxMinutes', { request: request(10, 0, 270) }, ['too_long']],
    ['the duration is exactly minMinutes', { spec: lab(1, { minMinutes: 60 }) }, []],
    ['the duration is one slot less than minMinutes', { spec: lab(1, { minMinutes: 90 }) }, ['too_short']],
    ['the end equals the start', { request: request(10, 0, 0) }, ['too_short']],
    ['the request starts exactly at opening', { request: request(8, 0, 60) }, []],
    ['the request ends exactly at closing', { request: request(17, 0, 60) }, []],
    ['the request ends a slot after closing', { request: request(17, 30, 60) }, ['outside_opening_hours']],
    ['the quantity is exactly the capacity', { spec: lab(2), request: request(10, 0, 60, 2) }, []],
    [
      'the quantity is one more than the capacity',
      { spec: lab(2), request: request(10, 0, 60, 3) },
      ['over_capacity'],
    ],
  ] as [string, Partial<CheckBookingInput>, string[]][])(
    'when %s, then the violations are %j',
    (_case, overrides, expected) => {
      expect(violations(overrides)).toEqual(expected);
    },
  );

  it('when a request is longer than maxMinutes and reaches into closed time, then it is only too_long', () => {
    expect(violations({ request: request(10, 0, 24 * 60) })).toEqual(['too_long']);
  });

  it('when another booking ends exactly as the request starts, then there is no conflict (half-open)', () => {
    const occupancy = [{ start: shanghai(3, 2, 9), end: shanghai(3, 2, 10), quantity: 1 }];
    expect(checkBooking({ ...base, occupancy })).toEqual({ violations: [], conflict: false });
  });

  it('when the others hold exactly the units left over, then there is no conflict, and one more is one', () => {
    const occupancy = [{ start: shanghai(3, 2, 9), end: shanghai(3, 2, 12), quantity: 2 }];
    expect(checkBooking({ ...base, spec: lab(3), occupancy }).conflict).toBe(false);
    expect(checkBooking({ ...base, spec: lab(3), occupancy, request: request(10, 0, 60, 2) }).conflict).toBe(
      true,
    );
  });
});

const slotsBase: SlotsInput = {
  spec: lab(),
  blackouts: [],
  occupancy: [],
  range: { start: shanghai(3, 2, 0), end: shanghai(3, 3, 0) },
  quantity: 1,
  now: SUNDAY_NOON,
  durationMinutes: 60,
};

describe('caller bugs are thrown, not answered', () => {
  it.each([
    ['zero', 0],
    ['negative', -30],
    ['fractional, rounding to no milliseconds', 1e-6],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('when slotMinutes is %s, then slots and checkBooking throw a RangeError', (_case, slotMinutes) => {
    const spec = lab(1, { slotMinutes });
    expect(() => slots({ ...slotsBase, spec })).toThrow(RangeError);
    expect(() => checkBooking({ ...base, spec })).toThrow(/slotMinutes must be a positive duration/);
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['not a number', Number.NaN],
    ['beyond safe integers', 2 ** 53],
  ])('when the quantity is %s, then slots and checkBooking throw a RangeError', (_case, quantity) => {
    expect(() => slots({ ...slotsBase, quantity })).toThrow(RangeError);
    expect(() => checkBooking({ ...base, request: { ...base.request, quantity } })).toThrow(
      /quantity must be a whole number of units >= 1/,
    );
  });

  it('when slotMinutes is a fraction of a minute that is a whole number of milliseconds, then it is a usable grid', () => {
    const spec = lab(1, { slotMinutes: 0.5, minMinutes: 1, maxMinutes: 1 });
    const range = { start: shanghai(3, 2, 8), end: shanghai(3, 2, 8, 2) };
    expect(
      slots({ ...slotsBase, spec, range, durationMinutes: 1 }).map((s) => s.start - range.start),
    ).toEqual([0, MIN / 2, MIN, (3 * MIN) / 2]);
  });
});

describe('slots at exact boundaries', () => {
  const starts = (input: Partial<SlotsInput>) => slots({ ...slotsBase, ...input }).map((s) => s.start);

  it.each([
    ['exactly maxMinutes', 240, shanghai(3, 2, 14)],
    ['exactly minMinutes', 30, shanghai(3, 2, 17, 30)],
  ])(
    'when the duration is %s, then slots are offered up to the last that ends at closing',
    (_case, minutes, last) => {
      expect(starts({ durationMinutes: minutes }).at(-1)).toBe(last);
    },
  );

  it.each([
    ['one slot over maxMinutes', 270],
    ['one slot under minMinutes', 0],
    ['not a whole number of slots', 45],
    ['negative', -60],
  ])('when the duration is %s, then nothing is offered', (_case, minutes) => {
    expect(slots({ ...slotsBase, durationMinutes: minutes })).toEqual([]);
  });

  it('when the range ends exactly on a grid point, then that point is not a start (half-open)', () => {
    expect(starts({ range: { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9) } })).toEqual([
      shanghai(3, 2, 8),
      shanghai(3, 2, 8, 30),
    ]);
  });

  it('when now is exactly a grid point, then a slot may start at now', () => {
    expect(starts({ now: shanghai(3, 2, 10) })[0]).toBe(shanghai(3, 2, 10));
    expect(starts({ now: shanghai(3, 2, 10) + 1 })[0]).toBe(shanghai(3, 2, 10, 30));
  });

  it('when free time is exactly one slot long, then exactly that slot is offered', () => {
    const occupancy = [
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 10), quantity: 1 },
      { start: shanghai(3, 2, 11), end: shanghai(3, 2, 18), quantity: 1 },
    ];
    expect(slots({ ...slotsBase, occupancy })).toEqual([
      { start: shanghai(3, 2, 10), end: shanghai(3, 2, 11) },
    ]);
  });

  it('when free time is a millisecond short of a slot, then nothing is offered', () => {
    const occupancy = [
      { start: shanghai(3, 2, 8), end: shanghai(3, 2, 10), quantity: 1 },
      { start: shanghai(3, 2, 11) - 1, end: shanghai(3, 2, 18), quantity: 1 },
    ];
    expect(slots({ ...slotsBase, occupancy })).toEqual([]);
  });

  it('when a range starts mid-slot, then the first start is the next grid point', () => {
    expect(starts({ range: { start: shanghai(3, 2, 8, 10), end: shanghai(3, 2, 9) } })).toEqual([
      shanghai(3, 2, 8, 30),
    ]);
  });

  it('when the range is one hour long, then slots starting in it may run past it', () => {
    expect(
      slots({ ...slotsBase, range: { start: shanghai(3, 2, 16), end: shanghai(3, 2, 16) + HOUR } }),
    ).toHaveLength(2);
  });
});
