import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { SUNDAY_NOON, lab, shanghai } from './test-fixtures';
import type { CheckBookingInput, Violation } from './types';

const request = { start: shanghai(3, 2, 10), end: shanghai(3, 2, 11), quantity: 1 };
const base: CheckBookingInput = { spec: lab(), blackouts: [], occupancy: [], request, now: SUNDAY_NOON };
const check = (overrides: Partial<CheckBookingInput>) => checkBooking({ ...base, ...overrides });
const at = (startHour: number, startMinute: number, endHour: number, endMinute: number, quantity = 1) => ({
  start: shanghai(3, 2, startHour, startMinute),
  end: shanghai(3, 2, endHour, endMinute),
  quantity,
});

describe('checkBooking', () => {
  it('when the request fits every rule, then there are no violations and no conflict', () => {
    expect(check({})).toEqual({ violations: [], conflict: false });
  });

  it('when a request breaks several rules, then all of them are listed at once', () => {
    const bad = { start: shanghai(3, 1, 11, 50), end: shanghai(3, 1, 12, 5), quantity: 2 };
    expect(
      check({ request: bad, blackouts: [{ start: shanghai(3, 1, 0), end: shanghai(3, 1, 23) }] }).violations,
    ).toEqual(['in_past', 'too_short', 'misaligned', 'outside_opening_hours', 'blackout', 'over_capacity']);
  });

  const singleViolations: [Violation, Partial<CheckBookingInput>][] = [
    ['lead_time', { spec: lab(1, { leadMinutes: 24 * 60 }) }],
    ['horizon', { spec: lab(1, { horizonDays: 1 }), request: at(12, 0, 13, 0) }],
    ['too_short', { spec: lab(1, { minMinutes: 90 }) }],
    ['too_long', { request: at(10, 0, 15, 0) }],
    ['misaligned', { request: at(10, 15, 11, 15) }],
    ['misaligned', { request: at(10, 0, 11, 15) }],
    ['outside_opening_hours', { request: at(17, 30, 18, 30) }],
    ['blackout', { blackouts: [{ start: shanghai(3, 2, 10, 59), end: shanghai(3, 2, 12) }] }],
    ['over_capacity', { request: at(10, 0, 11, 0, 2) }],
  ];

  it.each(singleViolations)(
    'when only %s is broken, then exactly that violation is reported',
    (violation, overrides) => {
      expect(check(overrides)).toEqual({ violations: [violation], conflict: false });
    },
  );

  it('when the request starts before now, then it is in_past and not also lead_time', () => {
    expect(check({ now: shanghai(3, 2, 10, 30), spec: lab(1, { leadMinutes: 60 }) }).violations).toEqual([
      'in_past',
    ]);
  });

  it('when a blackout only touches the request, then it is not a violation (half-open)', () => {
    expect(check({ blackouts: [{ start: shanghai(3, 2, 11), end: shanghai(3, 2, 12) }] }).violations).toEqual(
      [],
    );
  });

  it('when another booking holds the unit within the buffer, then it is a conflict, not a violation', () => {
    const occupancy = [{ start: shanghai(3, 2, 11, 10), end: shanghai(3, 2, 12), quantity: 1 }];
    expect(check({ occupancy, spec: lab(1, { bufferMinutes: 15 }) })).toEqual({
      violations: [],
      conflict: true,
    });
    expect(check({ occupancy, spec: lab(1, { bufferMinutes: 10 }) })).toEqual({
      violations: [],
      conflict: false,
    });
  });

  it('when a capacity-3 resource has two units held, then one more fits and two more conflict', () => {
    const occupancy = [{ start: shanghai(3, 2, 9), end: shanghai(3, 2, 12), quantity: 2 }];
    expect(check({ occupancy, spec: lab(3) }).conflict).toBe(false);
    expect(check({ occupancy, spec: lab(3), request: at(10, 0, 11, 0, 2) }).conflict).toBe(true);
  });

  it('when the request alone exceeds capacity, then it is over_capacity and a conflict only if others hold units', () => {
    const big = at(10, 0, 11, 0, 4);
    expect(check({ spec: lab(3), request: big })).toEqual({ violations: ['over_capacity'], conflict: false });
    const occupancy = [{ start: shanghai(3, 2, 10), end: shanghai(3, 2, 11), quantity: 1 }];
    expect(check({ spec: lab(3), request: big, occupancy })).toEqual({
      violations: ['over_capacity'],
      conflict: true,
    });
  });

  it('when the request is empty or reversed, then it is too_short', () => {
    expect(check({ request: at(10, 0, 10, 0) }).violations).toEqual(['too_short']);
    expect(check({ request: at(11, 0, 10, 0) }).violations).toContain('too_short');
  });
});
