import { describe, expect, it } from 'vitest';
import { parseWallClock } from './opening-windows';
import { calendarSpecErrors } from './spec-errors';

const MIN = 60_000;

describe('parseWallClock (HH:MM, 00:00–23:59, or 24:00)', () => {
  it.each([
    ['00:00', 0],
    ['09:05', (9 * 60 + 5) * MIN],
    ['19:59', (19 * 60 + 59) * MIN],
    ['20:00', 20 * 60 * MIN],
    ['23:59', (23 * 60 + 59) * MIN],
    ['24:00', 24 * 60 * MIN],
  ])('when the time is %s, then it is %i ms after local midnight', (text, ms) => {
    expect(parseWallClock(text)).toBe(ms);
  });

  it.each([
    ['a single-digit hour', '8:00'],
    ['a single-digit minute', '08:0'],
    ['minute 60', '08:60'],
    ['hour 25', '25:00'],
    ['24 with minutes', '24:01'],
    ['24:30', '24:30'],
    ['text before it', 'x08:00'],
    ['text after it', '08:00x'],
    ['text before 24:00', 'x24:00'],
    ['text after 24:00', '24:00x'],
    ['seconds', '08:00:00'],
    ['no colon', '0800'],
    ['a leading space', ' 08:00'],
    ['nothing', ''],
  ])('when the time has %s ("%s"), then it is refused with a RangeError', (_case, text) => {
    expect(() => parseWallClock(text)).toThrow(RangeError);
    expect(() => parseWallClock(text)).toThrow(`"${text}" is not a HH:MM wall-clock time`);
  });
});

describe('calendarSpecErrors for one window', () => {
  const errors = (start: string, end: string) =>
    calendarSpecErrors({ timezone: 'Asia/Shanghai', openingHours: [{ rrule: 'FREQ=DAILY', start, end }] });

  it.each([
    [
      'end equals start',
      '09:00',
      '09:00',
      [{ field: 'openingHours[0].end', message: 'end must be later than start' }],
    ],
    [
      'end is before start',
      '09:00',
      '08:59',
      [{ field: 'openingHours[0].end', message: 'end must be later than start' }],
    ],
    ['end is a minute after start', '09:00', '09:01', []],
    ['the window runs to 24:00', '00:00', '24:00', []],
    [
      'start is malformed (no ordering check on top)',
      '9:00',
      '08:00',
      [{ field: 'openingHours[0].start', message: '"9:00" is not a HH:MM wall-clock time' }],
    ],
    [
      'end is malformed (no ordering check on top)',
      '09:00',
      '25:00',
      [{ field: 'openingHours[0].end', message: '"25:00" is not a HH:MM wall-clock time' }],
    ],
  ])('when %s, then the errors are %j', (_case, start, end, expected) => {
    expect(errors(start, end)).toEqual(expected);
  });

  it("when the RRULE is outside the subset, then its message is the validator's", () => {
    expect(
      calendarSpecErrors({
        timezone: 'UTC',
        openingHours: [{ rrule: 'FREQ=YEARLY;BYMONTH=13', start: '08:00', end: '09:00' }],
      }),
    ).toEqual([{ field: 'openingHours[0].rrule', message: 'BYMONTH=13 is not an integer in 1..12' }]);
  });

  it('when the time zone is unknown, then its message names it', () => {
    expect(calendarSpecErrors({ timezone: 'Mars/Base' })).toEqual([
      { field: 'timezone', message: expect.stringContaining('Mars/Base') },
    ]);
  });
});
