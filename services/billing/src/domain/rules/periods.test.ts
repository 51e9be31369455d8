import { describe, expect, it } from 'vitest';
import { nextPeriod, periodOf, previousPeriod } from './periods';

describe('periodOf', () => {
  it.each([
    ['the last instant of November in Shanghai', '2026-11-30T15:59:59.999Z', 'Asia/Shanghai', '2026-11'],
    ['midnight of 1 December in Shanghai', '2026-11-30T16:00:00.000Z', 'Asia/Shanghai', '2026-12'],
    ['the same instant in UTC', '2026-11-30T16:00:00.000Z', 'UTC', '2026-11'],
    ['midnight of 1 January in Shanghai', '2026-12-31T16:00:00.000Z', 'Asia/Shanghai', '2027-01'],
    [
      'midnight of 1 April in Berlin, after the DST change',
      '2026-03-31T22:00:00.000Z',
      'Europe/Berlin',
      '2026-04',
    ],
    ['a minute before it', '2026-03-31T21:59:00.000Z', 'Europe/Berlin', '2026-03'],
  ])('when a session ends at %s, then it belongs to the month in the zone', (_name, at, zone, period) => {
    expect(periodOf(Date.parse(at), zone)).toBe(period);
  });
});

describe('nextPeriod / previousPeriod', () => {
  it.each([
    ['2026-11', '2026-12', '2026-10'],
    ['2026-12', '2027-01', '2026-11'],
    ['2027-01', '2027-02', '2026-12'],
  ])('when the period is %s, then the next is %s and the previous %s', (period, next, previous) => {
    expect(nextPeriod(period)).toBe(next);
    expect(previousPeriod(period)).toBe(previous);
  });
});
