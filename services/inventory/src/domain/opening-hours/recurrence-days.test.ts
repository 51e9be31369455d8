import { describe, expect, it } from 'vitest';
import { epochDay, isoDate, isoWeekday } from './civil-date';
import { parseRecurrence } from './recurrence-rule';
import { selectedDays } from './recurrence-days';

const day = (text: string) => {
  const [year = 0, month = 0, d = 0] = text.split('-').map(Number);
  return epochDay({ year, month, day: d });
};
const days = (rule: string, from: string, to: string) =>
  selectedDays(parseRecurrence(rule), day(from), day(to)).map(isoDate);

describe('selectedDays', () => {
  it('when the rule is weekdays, then Monday to Friday are selected', () => {
    const selected = selectedDays(
      parseRecurrence('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'),
      day('2026-03-01'),
      day('2026-03-15'),
    );
    expect(selected.map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
  });

  it('when the interval is two weeks, then the phase is counted from the week of 2000-01-03', () => {
    // 2026-01-05 is 1357 weeks after 2000-01-03 (odd), so 2026-01-12 starts an even week.
    expect(days('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-01-01', '2026-02-01')).toEqual([
      '2026-01-12',
      '2026-01-26',
    ]);
  });

  it('when the rule picks the second Tuesday and the last Friday, then those are selected', () => {
    expect(days('FREQ=MONTHLY;BYDAY=2TU,-1FR', '2026-03-01', '2026-05-01')).toEqual([
      '2026-03-10',
      '2026-03-27',
      '2026-04-14',
      '2026-04-24',
    ]);
  });

  it('when BYDAY and BYMONTHDAY are combined, then only dates matching both are selected', () => {
    expect(days('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '2026-01-01', '2027-01-01')).toEqual([
      '2026-02-13',
      '2026-03-13',
      '2026-11-13',
    ]);
  });

  it('when the rule picks the last day of the month, then month lengths are respected', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-15', '2028-04-15')).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
  });

  it('when a monthly or yearly rule has no day parts, then the anchor day (the 3rd, of January) is used', () => {
    expect(days('FREQ=MONTHLY', '2026-01-01', '2026-03-31')).toEqual([
      '2026-01-03',
      '2026-02-03',
      '2026-03-03',
    ]);
    expect(days('FREQ=YEARLY', '2026-01-01', '2028-01-01')).toEqual(['2026-01-03', '2027-01-03']);
  });

  it('when a yearly rule names months and weekdays, then every such weekday of those months is selected', () => {
    expect(days('FREQ=YEARLY;BYMONTH=2;BYDAY=SU', '2026-01-01', '2026-12-31')).toEqual([
      '2026-02-01',
      '2026-02-08',
      '2026-02-15',
      '2026-02-22',
    ]);
  });

  it('when the rule has UNTIL or COUNT, then it stops there (COUNT counts from the anchor)', () => {
    expect(days('FREQ=DAILY;UNTIL=20260103', '2026-01-01', '2026-01-10')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
    expect(days('FREQ=DAILY;COUNT=3', '1999-12-01', '2026-01-10')).toEqual([
      '2000-01-03',
      '2000-01-04',
      '2000-01-05',
    ]);
  });

  it('when a rule can never match, then the search still ends quickly', () => {
    const started = Date.now();
    expect(days('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01', '2028-01-01')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
