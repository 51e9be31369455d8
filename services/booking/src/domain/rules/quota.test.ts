import { describe, expect, it } from 'vitest';
import { aBooking, aResource, CONSUMER, HOUR } from '../../../test/support/booking-states';
import { withinQuota } from './quota';

// Asia/Shanghai is UTC+8. Monday 2026-06-01 00:00 local = 2026-05-31T16:00Z.
const mondayLocal = Date.parse('2026-05-31T16:00:00Z');
const weekly = aResource({ quota: { hoursPerWeek: 2 } });
const candidate = (start: number, hours = 1) => ({
  consumerOrgId: CONSUMER,
  start,
  end: start + hours * HOUR,
});

describe('withinQuota', () => {
  it('when the resource sets no quota, then anything fits', () => {
    expect(withinQuota(aResource(), [], candidate(mondayLocal, 500))).toBe(true);
  });

  it.each([
    ['exactly the weekly hours', 1, true],
    ['one minute over', 1 + 1 / 60, false],
  ])('when the org would use %s, then within quota is %s', (_name, hours, within) => {
    const used = aBooking({ start: mondayLocal + HOUR, end: mondayLocal + 2 * HOUR });
    expect(withinQuota(weekly, [used], candidate(mondayLocal + 5 * HOUR, hours))).toBe(within);
  });

  it.each([
    [
      'a booking of another org',
      aBooking({ consumerOrgId: 'other', start: mondayLocal, end: mondayLocal + 2 * HOUR }),
      true,
    ],
    [
      'a cancelled booking',
      aBooking({ status: 'cancelled', start: mondayLocal, end: mondayLocal + 2 * HOUR }),
      true,
    ],
    ['a no-show', aBooking({ status: 'no_show', start: mondayLocal, end: mondayLocal + 2 * HOUR }), false],
    ['a hold', aBooking({ status: 'held', start: mondayLocal, end: mondayLocal + 2 * HOUR }), false],
    [
      'last week (Sunday 23:00 local)',
      aBooking({ start: mondayLocal - HOUR, end: mondayLocal + HOUR }),
      true,
    ],
  ])('when the week already holds %s, then a 1-hour booking fits: %s', (_name, existing, fits) => {
    expect(withinQuota(weekly, [existing], candidate(mondayLocal + 3 * HOUR))).toBe(fits);
  });

  it('when the booking being moved is excluded, then its own hours do not count', () => {
    const moving = aBooking({ id: 'm', start: mondayLocal, end: mondayLocal + 2 * HOUR });
    expect(withinQuota(weekly, [moving], { ...candidate(mondayLocal + 3 * HOUR, 2), excludeId: 'm' })).toBe(
      true,
    );
  });

  it('when the monthly limit is reached by bookings across weeks, then one more that month is refused', () => {
    const monthly = aResource({ quota: { hoursPerMonth: 3 } });
    // 1 June and 20 June, local: same month, different weeks.
    const first = aBooking({ id: 'a', start: mondayLocal, end: mondayLocal + 2 * HOUR });
    const later = mondayLocal + 19 * 24 * HOUR;
    expect(withinQuota(monthly, [first], candidate(later, 1))).toBe(true);
    expect(withinQuota(monthly, [first], candidate(later, 2))).toBe(false);
    // 1 July local is a new month.
    expect(withinQuota(monthly, [first], candidate(Date.parse('2026-06-30T16:00:00Z'), 3))).toBe(true);
  });
});
