import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearAnchor } from './recurrence-days';
import { parseRecurrence } from './recurrence-rule';
import { RRule } from './rrule-options';
import { DAY_MS } from './units';

const ANCHOR = Date.UTC(2000, 0, 3) / DAY_MS;

/** The dates (epoch days) in [from, from + span) a rule selects when anchored at `anchor`. */
function datesFrom(rrule: string, anchor: number, from: number, span = 120): number[] {
  const options = parseRecurrence(rrule).options!;
  return new RRule({ ...options, dtstart: new Date(anchor * DAY_MS) })
    .between(new Date(from * DAY_MS), new Date((from + span) * DAY_MS), true)
    .map((d) => Math.floor(d.getTime() / DAY_MS));
}

const rules = [
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=WEEKLY;BYDAY=MO,WE',
  'FREQ=WEEKLY;INTERVAL=2',
  'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU',
  'FREQ=MONTHLY',
  'FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU,-1FR',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,31',
  'FREQ=YEARLY;INTERVAL=2',
  'FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO',
];

describe('nearAnchor', () => {
  // The reference walk from 2000 is the slow path being avoided, so the dates stay within 60 years.
  it('when a rule is anchored near a far date instead of in 2000, then it selects the same dates there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 0, max: 60 * 366 }), (rrule, offset) => {
        const before = ANCHOR + offset;
        const near = nearAnchor(parseRecurrence(rrule).options!, ANCHOR, before);
        expect(near).toBeLessThanOrEqual(before);
        expect(datesFrom(rrule, near, before)).toEqual(datesFrom(rrule, ANCHOR, before));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it.each([
    ['a COUNT rule (counted from its anchor)', 'FREQ=DAILY;COUNT=5', ANCHOR + 9000],
    ['a date before the anchor', 'FREQ=DAILY', ANCHOR - 10],
  ])('when it is %s, then the anchor stays', (_name, rrule, before) => {
    expect(nearAnchor(parseRecurrence(rrule).options!, ANCHOR, before)).toBe(ANCHOR);
  });

  it('when a monthly anchor is past the 28th, then it stays (a shorter month would overflow)', () => {
    const the31st = Date.UTC(2026, 0, 31) / DAY_MS;
    expect(nearAnchor(parseRecurrence('FREQ=MONTHLY').options!, the31st, the31st + 400)).toBe(the31st);
  });

  it.each([
    ['daily every 3 days', 'FREQ=DAILY;INTERVAL=3', 10, ANCHOR + 9],
    ['weekly every 2 weeks', 'FREQ=WEEKLY;INTERVAL=2', 30, ANCHOR + 28],
    ['monthly', 'FREQ=MONTHLY', 40, Date.UTC(2000, 1, 3) / DAY_MS],
    ['yearly every 2 years', 'FREQ=YEARLY;INTERVAL=2', 1000, Date.UTC(2002, 0, 3) / DAY_MS],
  ])(
    'when the rule is %s, then the anchor moves by whole periods to just before the date',
    (_n, rrule, days, moved) => {
      expect(nearAnchor(parseRecurrence(rrule).options!, ANCHOR, ANCHOR + days)).toBe(moved);
    },
  );
});
