import fc from 'fast-check';
import rrulePackage from 'rrule';
import { describe, expect, it } from 'vitest';
import { epochDay, epochDayOf } from './civil-date';
import { parseRecurrence } from './recurrence-rule';
import { ANCHOR_DAY, selectedDays } from './recurrence-days';

const { rrulestr } = rrulePackage;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Rules of the supported subset that match at least now and then: rrule walks a rule that never
 * matches to the year 9999, so month days stop at 28 and BYDAY and BYMONTHDAY are not combined here.
 */
const ruleText = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 5 }),
    byDay: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    nth: fc.constantFrom(undefined, 1, 2, -1),
    byMonthDay: fc.uniqueArray(fc.constantFrom(1, 3, 13, 28, -1), { maxLength: 2 }),
    byMonth: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }),
    end: fc.oneof(fc.constant(''), fc.constant(';COUNT=5000'), fc.constant(';UNTIL=20270315')),
  })
  .map(({ freq, interval, byDay, nth, byMonthDay, byMonth, end }) => {
    const ordinalsAllowed = freq === 'MONTHLY' || (freq === 'YEARLY' && byMonth.length > 0);
    const days = byDay.map((d) => `${ordinalsAllowed && nth ? nth : ''}${WEEKDAYS[d]}`);
    const parts = [`FREQ=${freq}`, `INTERVAL=${interval}`];
    if (days.length > 0) parts.push(`BYDAY=${days.join(',')}`);
    if (byMonthDay.length > 0 && days.length === 0 && freq !== 'WEEKLY') {
      parts.push(`BYMONTHDAY=${byMonthDay.join(',')}`);
    }
    if (byMonth.length > 0) parts.push(`BYMONTH=${byMonth.join(',')}`);
    return parts.join(';') + end;
  });

describe('selectedDays against the rrule package', () => {
  it('when any supported rule is expanded over a year, then both select the same local dates', () => {
    const from = epochDay({ year: 2026, month: 9, day: 1 });
    const to = from + 366;
    fc.assert(
      fc.property(ruleText, (text) => {
        const oracle = rrulestr(text, { dtstart: new Date(ANCHOR_DAY * DAY_MS) })
          .between(new Date(from * DAY_MS), new Date(to * DAY_MS), true)
          .map(epochDayOf)
          .filter((day) => day < to);
        expect(selectedDays(parseRecurrence(text), from, to)).toEqual(oracle);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
