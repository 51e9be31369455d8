import { DateTime } from 'luxon';
import type { Resource } from '@labshare/contracts';
import { occupies, type BookingState } from './booking-state';

const HOUR = 3_600_000;

/**
 * Whether a consumer org stays within the resource's weekly and monthly hours with one more booking.
 * Periods are the local ISO week and calendar month (resource's zone) in which the booking starts;
 * every booking that holds units (held, pending, confirmed) or was a no-show counts.
 */
export function withinQuota(
  resource: Pick<Resource, 'quota' | 'timezone'>,
  bookings: BookingState[],
  candidate: { consumerOrgId: string; start: number; end: number; excludeId?: string },
): boolean {
  const { hoursPerWeek, hoursPerMonth } = resource.quota;
  const limits: [number | undefined, 'week' | 'month'][] = [
    [hoursPerWeek, 'week'],
    [hoursPerMonth, 'month'],
  ];
  return limits.every(([hours, unit]) => {
    if (hours === undefined) return true;
    const period = periodOf(candidate.start, resource.timezone, unit);
    const used = bookings
      .filter((b) => b.id !== candidate.excludeId && b.consumerOrgId === candidate.consumerOrgId)
      .filter((b) => occupies(b) || b.status === 'no_show')
      .filter((b) => b.start >= period.start && b.start < period.end)
      .reduce((sum, b) => sum + (b.end - b.start), 0);
    return used + (candidate.end - candidate.start) <= hours * HOUR;
  });
}

function periodOf(instant: number, zone: string, unit: 'week' | 'month') {
  const local = DateTime.fromMillis(instant, { zone });
  return { start: local.startOf(unit).toMillis(), end: local.endOf(unit).toMillis() + 1 };
}
