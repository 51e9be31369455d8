import { describe, expect, it } from 'vitest';
import { openingWindows } from './opening-windows';
import { lab, shanghai } from './test-fixtures';

const week = { start: shanghai(3, 2, 0), end: shanghai(3, 9, 0) };

describe('openingWindows', () => {
  it('when a Shanghai lab opens weekdays 08:00–18:00, then a week has five local windows', () => {
    expect(openingWindows(lab(), week)).toEqual(
      [2, 3, 4, 5, 6].map((day) => ({ start: shanghai(3, day, 8), end: shanghai(3, day, 18) })),
    );
  });

  it('when the range cuts a window, then the window is clipped to the range', () => {
    const range = { start: shanghai(3, 2, 12), end: shanghai(3, 3, 9) };
    expect(openingWindows(lab(), range)).toEqual([
      { start: shanghai(3, 2, 12), end: shanghai(3, 2, 18) },
      { start: shanghai(3, 3, 8), end: shanghai(3, 3, 9) },
    ]);
  });

  it('when opening hours are absent or empty, then the whole range is open', () => {
    expect(openingWindows({ ...lab(), openingHours: undefined }, week)).toEqual([week]);
    expect(openingWindows({ ...lab(), openingHours: [] }, week)).toEqual([week]);
  });

  it('when rules overlap or a window ends at 24:00, then windows merge across midnight', () => {
    const spec = {
      ...lab(),
      openingHours: [
        { rrule: 'FREQ=DAILY', start: '20:00', end: '24:00' },
        { rrule: 'FREQ=DAILY', start: '00:00', end: '06:00' },
        { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '05:00', end: '21:00' },
      ],
    };
    const range = { start: shanghai(3, 1, 0), end: shanghai(3, 3, 0) };
    expect(openingWindows(spec, range)).toEqual([
      { start: shanghai(3, 1, 0), end: shanghai(3, 1, 6) },
      { start: shanghai(3, 1, 20), end: shanghai(3, 3, 0) },
    ]);
  });

  it('when a rule has INTERVAL=2, then weeks alternate counted from 2000-01-03', () => {
    const spec = {
      ...lab(),
      openingHours: [{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', start: '09:00', end: '12:00' }],
    };
    const march = { start: shanghai(3, 1, 0), end: shanghai(4, 1, 0) };
    expect(openingWindows(spec, march).map((w) => w.start)).toEqual([shanghai(3, 14, 9), shanghai(3, 28, 9)]);
  });

  it('when a rule has UNTIL, then no window opens after it', () => {
    const spec = {
      ...lab(),
      openingHours: [{ rrule: 'FREQ=DAILY;UNTIL=20260303', start: '09:00', end: '10:00' }],
    };
    expect(openingWindows(spec, week).map((w) => w.start)).toEqual([shanghai(3, 2, 9), shanghai(3, 3, 9)]);
  });

  it('when the range is empty, then there are no windows', () => {
    expect(openingWindows(lab(), { start: week.start, end: week.start })).toEqual([]);
  });
});
