import { describe, expect, it } from 'vitest';
import type { OpeningWindow } from '@labshare/contracts';
import { openingHoursProblems } from './opening-hours-rules';

const now = new Date('2026-03-01T00:00:00Z');
const window = (rrule: string, start: string, end: string): OpeningWindow => ({ rrule, start, end });
const check = (...windows: OpeningWindow[]) => openingHoursProblems(windows, 'Asia/Shanghai', now);

describe('openingHoursProblems', () => {
  it('when windows share dates but only touch, or overlap in time on different days, then they are fine', () => {
    expect(
      check(
        window('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '08:00', '12:00'),
        window('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '12:00', '18:00'),
        window('FREQ=WEEKLY;BYDAY=SA', '09:00', '24:00'),
        window('FREQ=WEEKLY;BYDAY=SU', '00:00', '24:00'),
      ),
    ).toEqual([]);
  });

  it('when two windows select a common date with overlapping times, then the later one is named', () => {
    expect(
      check(window('FREQ=WEEKLY;BYDAY=MO,TU', '08:00', '12:00'), window('FREQ=DAILY', '11:00', '13:00')),
    ).toEqual([{ field: 'openingHours.1', message: 'overlaps openingHours.0 (08:00–12:00) on 2026-03-02' }]);
  });

  it('when alternate-week rules overlap in time but never meet on a date, then they are fine', () => {
    expect(
      check(
        window('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '08:00', '12:00'),
        window('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '08:00', '12:00'),
        window('FREQ=MONTHLY;BYMONTHDAY=31', '13:00', '14:00'),
        window('FREQ=YEARLY;BYMONTH=2', '13:30', '14:30'),
      ),
    ).toEqual([]);
  });

  it('when a monthly rule hits a weekly one only some months, then the first shared date is reported', () => {
    const problems = check(
      window('FREQ=WEEKLY;BYDAY=FR', '09:00', '17:00'),
      window('FREQ=MONTHLY;BYMONTHDAY=13', '16:00', '18:00'),
    );
    expect(problems).toEqual([
      { field: 'openingHours.1', message: expect.stringContaining('on 2026-03-13') },
    ]);
  });

  it('when a window ends at or before its start, or its RRULE is unusable, then that part is named', () => {
    expect(check(window('FREQ=DAILY', '10:00', '10:00'), window('FREQ=SOMETIMES', '08:00', '09:00'))).toEqual(
      [
        { field: 'openingHours.0.end', message: 'must be after start (10:00)' },
        { field: 'openingHours.1.rrule', message: expect.stringContaining('FREQ must be one of') },
      ],
    );
  });

  it.each([
    ['FREQ=HOURLY', 'FREQ must be one of'],
    ['FREQ=DAILY;BYHOUR=8', 'BYHOUR is not supported'],
    ['FREQ=WEEKLY;BYDAY=2TU', 'ordinals'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY is not allowed with FREQ=WEEKLY'],
    ['FREQ=DAILY;UNTIL=20260230', 'not a real date'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', 'COUNT and UNTIL'],
  ])('when the RRULE is %s, which booking does not expand, then it is refused saying why', (rrule, why) => {
    expect(check(window(rrule, '08:00', '09:00'))).toEqual([
      {
        field: 'openingHours.0.rrule',
        message: expect.stringMatching(new RegExp(`^is not a usable RRULE: .*${why}`)),
      },
    ]);
  });

  it.each([
    [
      'every supported part is used',
      [
        window('RRULE:freq=monthly;interval=2;byday=2TU,-1FR;bymonth=1,7;wkst=SU', '08:00', '09:00'),
        window('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1,-1;UNTIL=20300101T120000Z', '09:00', '10:00'),
        window('FREQ=DAILY;INTERVAL=3;COUNT=5000', '10:00', '11:00'),
      ],
    ],
    [
      'one rule ends (UNTIL) before the other opens on the same times',
      [
        window('FREQ=DAILY;UNTIL=20260301', '08:00', '12:00'),
        window('FREQ=WEEKLY;BYDAY=MO', '08:00', '12:00'),
      ],
    ],
  ])('when %s, then the windows are fine', (_what, windows) => {
    expect(check(...windows)).toEqual([]);
  });

  it('when a rule can never match, then the check still ends quickly', () => {
    const started = Date.now();
    expect(
      check(
        window('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '08:00', '12:00'),
        window('FREQ=DAILY', '08:00', '12:00'),
      ),
    ).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
