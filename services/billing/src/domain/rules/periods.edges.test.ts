import { describe, expect, it } from 'vitest';
import { nextPeriod, periodOf, previousPeriod } from './periods';

describe('periods (YYYY-MM, four-digit years)', () => {
  it.each([
    ['0999-12', '1000-01', '0999-11'],
    ['0100-01', '0100-02', '0099-12'],
    ['2028-02', '2028-03', '2028-01'],
  ])('when the period is %s, then the next is %s and the previous %s', (period, next, previous) => {
    expect(nextPeriod(period)).toBe(next);
    expect(previousPeriod(period)).toBe(previous);
  });

  it.each([
    ['the last instant of 2026 in Shanghai', '2026-12-31T15:59:59.999Z', '2026-12'],
    ['the first instant of 2027 in Shanghai', '2026-12-31T16:00:00.000Z', '2027-01'],
  ])('when a session ends at %s, then it belongs to the month in the billing zone', (_name, at, period) => {
    expect(periodOf(Date.parse(at), 'Asia/Shanghai')).toBe(period);
  });
});
