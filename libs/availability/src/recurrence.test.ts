import { describe, expect, it } from 'vitest';
import { daysBetween } from './recurrence-days';
import { RecurrenceRuleError, assertRecurrenceRule, parseRecurrence } from './recurrence-rule';

const DAY_MS = 86_400_000;
/** Local dates as epoch day numbers. */
const day = (year: number, month: number, d: number) => Date.UTC(year, month - 1, d) / DAY_MS;
const iso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The first `take` dates on or after `from` (within three years) of `rule` anchored at `anchor`. */
function dates(rule: string, anchor: number, take: number, from = anchor): string[] {
  return daysBetween(parseRecurrence(rule), anchor, from, from + 3 * 366)
    .slice(0, take)
    .map(iso);
}

describe('recurrence rules', () => {
  it('when FREQ=WEEKLY has BYDAY, then those weekdays repeat from the anchor week', () => {
    expect(dates('FREQ=WEEKLY;BYDAY=MO,WE', day(2026, 3, 4), 4)).toEqual([
      '2026-03-04',
      '2026-03-09',
      '2026-03-11',
      '2026-03-16',
    ]);
  });

  it('when INTERVAL=2, then every other week counted from the anchor week is selected', () => {
    // The week of 2026-02-23 is 1364 weeks after the week of 2000-01-03, so it is an "on" week.
    expect(dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', day(2000, 1, 3), 3, day(2026, 2, 23))).toEqual([
      '2026-02-28',
      '2026-03-14',
      '2026-03-28',
    ]);
  });

  it('when MONTHLY uses ordinals or month days, then months without a match are skipped', () => {
    expect(dates('FREQ=MONTHLY;BYDAY=-1FR', day(2026, 1, 1), 3)).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ]);
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=31', day(2026, 1, 1), 3)).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
    expect(dates('FREQ=MONTHLY', day(2026, 1, 31), 2)).toEqual(['2026-01-31', '2026-03-31']);
  });

  it('when YEARLY has BYMONTH and BYDAY ordinals, then they pick a weekday of each listed month', () => {
    expect(dates('FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO', day(2026, 1, 1), 3)).toEqual([
      '2026-03-02',
      '2026-09-07',
      '2027-03-01',
    ]);
  });

  it('when COUNT is given, then it counts from the anchor and stops after COUNT dates', () => {
    const anchor = day(2026, 1, 1);
    expect(dates('FREQ=DAILY;COUNT=2', anchor, 10)).toEqual(['2026-01-01', '2026-01-02']);
    expect(dates('FREQ=DAILY;COUNT=2', anchor, 10, day(2026, 1, 2))).toEqual(['2026-01-02']);
    expect(dates('FREQ=DAILY;COUNT=2', anchor, 10, day(2026, 6, 1))).toEqual([]);
  });

  it('when a range spans several cached chunks, then every date is returned once, in order', () => {
    const rule = parseRecurrence('FREQ=DAILY;INTERVAL=3');
    const anchor = day(2025, 1, 1);
    const from = anchor + 3 * 100;
    const expected = Array.from({ length: 200 }, (_, k) => from + 3 * k); // 2025-10-28 into 2027
    expect(daysBetween(rule, anchor, from - 2, from + 3 * 199 + 2)).toEqual(expected);
    // A later, narrower query is served from the cache with the same answer.
    expect(daysBetween(rule, anchor, from + 1, from + 9)).toEqual([from + 3, from + 6, from + 9]);
  });

  it('when a rule ends with UNTIL, then later ranges have no dates', () => {
    const rule = parseRecurrence('FREQ=WEEKLY;UNTIL=20260310');
    expect(daysBetween(rule, day(2026, 3, 2), day(2026, 3, 1), day(2026, 3, 31)).map(iso)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(daysBetween(rule, day(2026, 3, 2), day(2027, 1, 1), day(2029, 1, 1))).toEqual([]);
  });

  it('when a rule can never match, then the walk ends instead of looping', () => {
    expect(dates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', day(2026, 1, 1), 1)).toEqual([]);
    expect(dates('FREQ=DAILY;BYMONTH=4,6;BYMONTHDAY=31,-31', day(2026, 1, 1), 1)).toEqual([]);
    // Not recognisable from the parts alone (a first Monday is never the 15th): rrule gives up in 9999.
    expect(dates('FREQ=YEARLY;BYMONTH=2;BYDAY=1MO;BYMONTHDAY=15', day(2026, 1, 1), 1)).toEqual([]);
  });

  it('when BYDAY mixes weekdays and ordinals, then it selects the union (RFC 5545)', () => {
    // rrule alone intersects the two kinds and finds nothing (rrule issue #71).
    expect(dates('FREQ=MONTHLY;BYDAY=MO,-1WE', day(2026, 3, 1), 6)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-25',
      '2026-03-30',
    ]);
    expect(dates('FREQ=MONTHLY;BYDAY=FR,1MO;COUNT=3', day(2026, 3, 1), 10)).toEqual([
      '2026-03-02',
      '2026-03-06',
      '2026-03-13',
    ]);
  });

  it('when UNTIL is written as a date, a local date-time or a UTC date-time, then each is kept apart', () => {
    expect(parseRecurrence('FREQ=DAILY;UNTIL=20260301').until).toEqual({
      kind: 'date',
      day: day(2026, 3, 1),
    });
    expect(parseRecurrence('FREQ=DAILY;UNTIL=20260301T090000').until).toEqual({
      kind: 'local',
      wall: Date.UTC(2026, 2, 1, 9),
    });
    expect(parseRecurrence('RRULE:FREQ=DAILY;UNTIL=20260301T090000Z').until).toEqual({
      kind: 'utc',
      instant: Date.UTC(2026, 2, 1, 9),
    });
  });

  it.each([
    ['', 'FREQ'],
    ['FREQ=HOURLY', 'FREQ'],
    ['FREQ=DAILY;BYSETPOS=1', 'BYSETPOS'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20260101', 'UNTIL'],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL'],
    ['FREQ=DAILY;FREQ=DAILY', 'FREQ'],
    ['FREQ=DAILY;BYDAY=XX', 'BYDAY'],
  ])('when the rule is "%s", then it is refused naming %s', (rule, part) => {
    expect(() => parseRecurrence(rule)).toThrow(RecurrenceRuleError);
    expect(() => parseRecurrence(rule)).toThrow(expect.objectContaining({ part }));
    expect(() => assertRecurrenceRule(rule)).toThrow(expect.objectContaining({ part }));
  });

  it('when a rule is in the subset, then assertRecurrenceRule accepts it', () => {
    expect(() => assertRecurrenceRule('RRULE:freq=monthly;interval=2;byday=2TU,-1FR;wkst=SU')).not.toThrow();
  });
});
