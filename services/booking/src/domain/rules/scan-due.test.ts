import { describe, expect, it } from 'vitest';
import { bookingStatuses } from '@labshare/contracts';
import { aBooking, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import { dueTransition, scanDueAt } from './scan-due';

const MINUTE = 60_000;
const resource = aResource();
const grace = resource.policy.noShowGraceMinutes * MINUTE;

describe('scanDueAt', () => {
  it('when a calendar holds a hold and a confirmed booking, then it is due from the earlier of the expiry and the start', () => {
    const hold = aBooking({ id: 'h', status: 'held', expiresAt: NOW + 30 * MINUTE });
    const confirmed = aBooking({ id: 'c', start: NOW + HOUR, end: NOW + 2 * HOUR });
    expect(scanDueAt([confirmed, hold])).toBe(NOW + 30 * MINUTE);
    expect(scanDueAt([confirmed, { ...hold, expiresAt: NOW + 2 * HOUR }])).toBe(NOW + HOUR);
  });

  it('when nothing can become due (checked in, finished, cancelled, pending), then it is undefined', () => {
    expect(scanDueAt([])).toBeUndefined();
    expect(scanDueAt([aBooking({ checkedInAt: NOW })])).toBeUndefined();
    for (const status of ['cancelled', 'expired', 'no_show', 'pending', 'rejected'] as const)
      expect(scanDueAt([aBooking({ status, expiresAt: NOW })])).toBeUndefined();
  });

  it('when the scan would change a booking at some instant, then its calendar is due no later than that', () => {
    const instants = [-2 * HOUR, -MINUTE, 0, MINUTE, grace, grace + MINUTE, 2 * HOUR].map((d) => NOW + d);
    let changed = 0;
    for (const status of bookingStatuses)
      for (const expiresAt of [undefined, NOW, NOW + HOUR])
        for (const checkedInAt of [undefined, NOW]) {
          const booking = aBooking({ status, expiresAt, checkedInAt, start: NOW, end: NOW + HOUR });
          for (const now of instants) {
            if (!dueTransition(booking, resource, now)) continue;
            changed++;
            expect(scanDueAt([booking])).toBeLessThanOrEqual(now);
          }
        }
    expect(changed).toBeGreaterThan(5);
  });
});
