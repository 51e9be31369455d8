import { describe, expect, it } from 'vitest';
import { parseRecurrence, RecurrenceError } from './recurrence-rule';

describe('parseRecurrence', () => {
  it('when a rule uses the supported parts, then each is read', () => {
    expect(parseRecurrence('RRULE:freq=monthly;interval=2;byday=2TU,-1FR;bymonth=1,7;wkst=SU')).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      count: undefined,
      untilDay: undefined,
      byDay: [
        { weekday: 2, nth: 2 },
        { weekday: 5, nth: -1 },
      ],
      byMonthDay: [],
      byMonth: [1, 7],
      weekStart: 7,
    });
  });

  it.each([
    ['FREQ=HOURLY', /FREQ must be one of/],
    ['BYDAY=MO', /FREQ must be one of/],
    ['FREQ=WEEKLY;BYDAY=XX', /XX is not a weekday/],
    ['FREQ=WEEKLY;INTERVAL=0', /INTERVAL=0 is not a whole number/],
    ['FREQ=WEEKLY;INTERVAL=x', /INTERVAL=X is not a whole number/],
    ['FREQ=DAILY;BYHOUR=8', /BYHOUR is not supported/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ appears twice/],
    ['FREQ=DAILY;UNTIL=2026', /UNTIL=2026 is not YYYYMMDD/],
    ['FREQ=DAILY;UNTIL=20260230', /not a real date/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', /COUNT and UNTIL/],
    ['FREQ=WEEKLY;BYDAY=2TU', /ordinals/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /BYMONTHDAY is not allowed with FREQ=WEEKLY/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY=0/],
    ['garbage', /is not KEY=VALUE/],
  ])('when the rule is %s, then it is refused saying why', (rule, message) => {
    expect(() => parseRecurrence(rule)).toThrow(RecurrenceError);
    expect(() => parseRecurrence(rule)).toThrow(message);
  });
});
