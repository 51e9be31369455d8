import { describe, expect, it } from 'vitest';
import { openingDates } from './opening-windows';
import { RecurrenceRuleError } from './recurrence-rule';
import { shanghai } from './test-fixtures';

const week = { start: shanghai(3, 2, 0), end: shanghai(3, 9, 0) };

describe('openingDates', () => {
  const rule = (rrule: string, start = '09:00', end = '10:00') => ({ rrule, start, end });
  const year2026 = { start: shanghai(1, 1, 0), end: shanghai(12, 31, 24) };

  it('when a weekday rule is asked about a week, then its five local dates are listed', () => {
    expect(openingDates('Asia/Shanghai', rule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'), week)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ]);
  });

  it('when the range starts after or ends before a window, then that date is left out', () => {
    const range = { start: shanghai(3, 2, 10), end: shanghai(3, 4, 9) };
    expect(openingDates('Asia/Shanghai', rule('FREQ=DAILY'), range)).toEqual(['2026-03-03']);
  });

  it('when BYDAY and BYMONTHDAY are combined, then only dates matching both are listed', () => {
    expect(openingDates('Asia/Shanghai', rule('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13'), year2026)).toEqual([
      '2026-02-13',
      '2026-03-13',
      '2026-11-13',
    ]);
  });

  it('when MONTHLY or YEARLY has no day parts, then the anchor day (the 3rd, of January) is used', () => {
    const spring = { start: shanghai(1, 1, 0), end: shanghai(3, 31, 0) };
    expect(openingDates('Asia/Shanghai', rule('FREQ=MONTHLY'), spring)).toEqual([
      '2026-01-03',
      '2026-02-03',
      '2026-03-03',
    ]);
    expect(openingDates('Asia/Shanghai', rule('FREQ=YEARLY'), year2026)).toEqual(['2026-01-03']);
  });

  it('when UNTIL is a local date-time, then a window starting after it has no date', () => {
    expect(openingDates('Asia/Shanghai', rule('FREQ=DAILY;UNTIL=20260303T093000'), week)).toEqual([
      '2026-03-02',
      '2026-03-03',
    ]);
    expect(
      openingDates('Asia/Shanghai', rule('FREQ=DAILY;UNTIL=20260303T093000', '10:00', '11:00'), week),
    ).toEqual(['2026-03-02']);
    // COUNT counts from the anchor, 2000-01-03.
    expect(openingDates('Asia/Shanghai', rule('FREQ=DAILY;COUNT=3'), year2026)).toEqual([]);
  });

  it('when a window lies wholly inside a spring-forward gap, then its date is left out', () => {
    const berlin = { start: Date.UTC(2026, 2, 27), end: Date.UTC(2026, 2, 31) };
    expect(openingDates('Europe/Berlin', rule('FREQ=DAILY', '02:15', '02:45'), berlin)).toEqual([
      '2026-03-27',
      '2026-03-28',
      '2026-03-30',
    ]);
  });

  it('when a month and day never meet, then there are no dates, quickly', () => {
    const started = Date.now();
    expect(openingDates('Asia/Shanghai', rule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), year2026)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('when the rule is outside the subset, then it throws a RecurrenceRuleError', () => {
    expect(() => openingDates('Asia/Shanghai', rule('FREQ=HOURLY'), week)).toThrow(RecurrenceRuleError);
  });
});
