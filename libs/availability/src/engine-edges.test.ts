import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { freeIntervals } from './free-intervals';
import { localGridPoints } from './grid';
import { subtractIntervals } from './intervals';
import { usageSteps } from './occupancy';
import { openingWindows } from './opening-windows';
import { daysBetween, recurrenceDays } from './recurrence-days';
import { RecurrenceRuleError, parseRecurrence } from './recurrence-rule';
import { SeriesRuleError } from './series';
import { slots } from './slots';
import { calendarSpecErrors } from './spec-errors';
import { HOUR, SUNDAY_NOON, lab, shanghai } from './test-fixtures';
import type { SlotsInput } from './types';
import { offsetSegments } from './zone';

const DAY = 24 * HOUR;
const i = (start: number, end: number) => ({ start, end });
const day = (year: number, month: number, d: number) => Date.UTC(year, month - 1, d) / DAY;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

describe('subtractIntervals where cuts meet the edges', () => {
  it.each([
    ['a cut starts exactly at the piece start', [i(0, 5)], [i(5, 10)]],
    ['a cut ends exactly at the piece end', [i(5, 10)], [i(0, 5)]],
    ['a cut lies wholly after the piece', [i(20, 30)], [i(0, 10)]],
    ['a cut starts exactly at the piece end', [i(10, 20)], [i(0, 10)]],
    ['a cut ends exactly at the piece start', [i(-5, 0)], [i(0, 10)]],
    ['a cut covers the whole piece', [i(0, 10)], []],
  ])('when %s, then no empty or outside piece is left', (_case, cuts, expected) => {
    expect(subtractIntervals([i(0, 10)], cuts)).toEqual(expected);
  });
});

describe('usageSteps', () => {
  it('when one booking ends exactly where the next starts, then the units in use form one step', () => {
    const occupancy = [
      { start: 0, end: 10, quantity: 1 },
      { start: 10, end: 20, quantity: 1 },
    ];
    expect(usageSteps(occupancy, i(0, 20), 0)).toEqual([{ start: 0, end: 20, used: 1 }]);
  });

  it.each([
    ['no units', 0],
    ['a negative number of units', -1],
  ])('when a booking holds %s, then it takes nothing', (_case, quantity) => {
    expect(usageSteps([{ start: 0, end: 10, quantity }], i(0, 20), 0)).toEqual([
      { start: 0, end: 20, used: 0 },
    ]);
  });

  it('when the interval is empty, then there are no steps', () => {
    expect(usageSteps([{ start: 0, end: 10, quantity: 1 }], i(5, 5), 0)).toEqual([]);
  });
});

describe('freeIntervals and openingWindows on empty or unreachable ranges', () => {
  const input = { spec: lab(), blackouts: [], occupancy: [], quantity: 1, now: SUNDAY_NOON };

  it('when the range lies wholly beyond the horizon, then nothing is free', () => {
    const range = { start: shanghai(3, 2, 8), end: shanghai(3, 2, 18) };
    expect(freeIntervals({ ...input, spec: lab(1, { horizonDays: 0.5 }), range })).toEqual([]);
  });

  it('when the range lies wholly in the past, then nothing is free', () => {
    expect(freeIntervals({ ...input, range: { start: shanghai(2, 2, 8), end: shanghai(2, 2, 18) } })).toEqual(
      [],
    );
  });

  it('when a spec without opening hours is asked about an empty range, then there are no windows', () => {
    const at = shanghai(3, 2, 8);
    expect(openingWindows({ ...lab(), openingHours: [] }, { start: at, end: at })).toEqual([]);
  });

  it('when a range is longer than the engine walks, then it throws a RangeError naming the days', () => {
    const range = { start: shanghai(1, 1, 0), end: shanghai(1, 1, 0) + 3700 * DAY };
    expect(() => openingWindows(lab(), range)).toThrow(
      /a range of 3701 days is longer than the engine walks \(3700\)/,
    );
  });
});

describe('the local slot grid', () => {
  it('when the slot does not divide the day, then the grid restarts at local midnight', () => {
    // 7-hour slots: 00:00, 07:00, 14:00, 21:00, then 00:00 again (not 04:00).
    const from = shanghai(3, 2, 0);
    const points = localGridPoints('Asia/Shanghai', from, from + 2 * DAY, 7 * HOUR);
    expect(points.map((p) => (p - from) / HOUR)).toEqual([0, 7, 14, 21, 24, 31, 38, 45]);
  });
});

describe('offsetSegments at a transition', () => {
  // Berlin springs forward at 2026-03-29T01:00Z (CET +1 h → CEST +2 h).
  const at = Date.UTC(2026, 2, 29, 1);

  it.each([
    ['starts exactly on the transition', at, at + HOUR, [{ start: at, end: at + HOUR, offset: 2 * HOUR }]],
    ['ends exactly on the transition', at - HOUR, at, [{ start: at - HOUR, end: at, offset: HOUR }]],
    [
      'spans the transition',
      at - HOUR,
      at + HOUR,
      [
        { start: at - HOUR, end: at, offset: HOUR },
        { start: at, end: at + HOUR, offset: 2 * HOUR },
      ],
    ],
    ['is empty', at, at, []],
  ])('when a range %s, then the segments are %j', (_case, from, to, expected) => {
    expect(offsetSegments('Europe/Berlin', from, to)).toEqual(expected);
  });

  it('when an opening range starts exactly on the transition, then the day keeps its local hours', () => {
    const spec = {
      ...lab(),
      timezone: 'Europe/Berlin',
      openingHours: [{ rrule: 'FREQ=DAILY', start: '00:00', end: '06:00' }],
    };
    // 00:00–06:00 local on 29 March is 23:00Z (28th) to 04:00Z; the range starts at 01:00Z (03:00 CEST).
    expect(openingWindows(spec, { start: at, end: at + DAY })).toEqual([
      { start: at, end: Date.UTC(2026, 2, 29, 4) },
      { start: Date.UTC(2026, 2, 29, 22), end: at + DAY },
    ]);
  });
});

describe('recurrence dates across cache chunks', () => {
  /** The nth-of-month dates from `from` through `to`, month by month. */
  const monthly = (dayOfMonth: number, from: number, to: number) => {
    const dates: string[] = [];
    for (let m = 0; ; m++) {
      const d = Date.UTC(2026, m, dayOfMonth) / DAY;
      if (d > to) return dates;
      if (d >= from && new Date(d * DAY).getUTCDate() === dayOfMonth) dates.push(iso(d));
    }
  };

  it.each([
    ['the 20th', 20],
    ['the 31st (only in long months)', 31],
    ['the 28th', 28],
  ])('when a MONTHLY rule is anchored on %s, then years later every such date is still found', (_case, d) => {
    const anchor = day(2026, 1, d);
    const from = day(2029, 1, 1);
    const to = day(2031, 12, 31);
    expect(daysBetween(parseRecurrence('FREQ=MONTHLY'), anchor, from, to).map(iso)).toEqual(
      monthly(d, from, to),
    );
  });

  it('when a YEARLY rule is anchored on 20 May, then years later each 20 May is found', () => {
    const dates = daysBetween(
      parseRecurrence('FREQ=YEARLY'),
      day(2026, 5, 20),
      day(2030, 1, 1),
      day(2033, 12, 31),
    );
    expect(dates.map(iso)).toEqual(['2030-05-20', '2031-05-20', '2032-05-20', '2033-05-20']);
  });

  it('when the last date asked for is the first day of a cache chunk, then it is included', () => {
    const to = 366 * 56; // chunks are 366 days long
    expect(daysBetween(parseRecurrence('FREQ=DAILY'), to - 10, to - 1, to)).toEqual([to - 1, to]);
  });

  it('when dates are asked for from a later date on, then they start there', () => {
    const anchor = day(2026, 3, 2);
    const days = recurrenceDays(parseRecurrence('FREQ=DAILY'), anchor, anchor + 5);
    expect([days.next().value, days.next().value]).toEqual([anchor + 5, anchor + 6]);
  });

  it('when YEARLY has a plain BYDAY, then it means every such weekday of the year', () => {
    const dates = daysBetween(
      parseRecurrence('FREQ=YEARLY;BYDAY=MO'),
      day(2026, 1, 1),
      day(2026, 12, 1),
      day(2026, 12, 31),
    );
    expect(dates.map(iso)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
  });

  it('when BYMONTHDAY lists a day some listed month has, then that day is selected', () => {
    const dates = daysBetween(
      parseRecurrence('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30,31'),
      day(2026, 1, 1),
      day(2026, 1, 1),
      day(2027, 12, 31),
    );
    expect(dates.map(iso)).toEqual(['2026-04-30', '2027-04-30']);
  });

  it('when BYMONTH lists a two-digit month that never has the day, then there are no dates, quickly', () => {
    const started = Date.now();
    expect(
      daysBetween(
        parseRecurrence('FREQ=DAILY;BYMONTH=11;BYMONTHDAY=31'),
        day(2026, 1, 1),
        day(2026, 1, 1),
        day(2027, 1, 1),
      ),
    ).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('error classes', () => {
  it('when rules are refused, then the errors are named for logs', () => {
    expect(new RecurrenceRuleError('FREQ', 'x').name).toBe('RecurrenceRuleError');
    expect(new SeriesRuleError('rrule', 'x').name).toBe('SeriesRuleError');
  });

  it('when a check fails with something other than a spec error (a caller bug), then it propagates', () => {
    const broken = { rrule: undefined as unknown as string, start: '08:00', end: '09:00' };
    expect(() => calendarSpecErrors({ timezone: 'UTC', openingHours: [broken] })).toThrow(TypeError);
  });
});

describe('zero-length requests when the policy has no minimum', () => {
  const spec = lab(1, { minMinutes: 0 });

  it('when minMinutes is 0 and the duration is 0, then no slot is offered', () => {
    const input: SlotsInput = {
      spec,
      blackouts: [],
      occupancy: [],
      range: { start: shanghai(3, 2, 8), end: shanghai(3, 2, 9) },
      quantity: 1,
      now: SUNDAY_NOON,
      durationMinutes: 0,
    };
    expect(slots(input)).toEqual([]);
  });

  it('when minMinutes is 0 and the end equals the start, then the request is too_short', () => {
    const start = shanghai(3, 2, 10);
    const request = { start, end: start, quantity: 1 };
    expect(
      checkBooking({ spec, blackouts: [], occupancy: [], request, now: SUNDAY_NOON }).violations,
    ).toEqual(['too_short']);
  });
});
