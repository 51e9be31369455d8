import type { BookingState } from './booking-state';
import { expire, recordNoShow } from './booking-transitions';
import type { ResourceView } from './resource-view';

/**
 * What the scheduled scan does to a booking at `now`: a hold (or waitlist offer) past its expiry
 * becomes `expired`; a confirmed booking with no check-in by start + noShowGraceMinutes becomes
 * `no_show`. Undefined when nothing is due.
 */
export function dueTransition(
  booking: BookingState,
  resource: ResourceView,
  now: number,
): BookingState | undefined {
  if (booking.status === 'held' && booking.expiresAt !== undefined && booking.expiresAt <= now)
    return expire(booking, now);
  const graceEnd = booking.start + resource.policy.noShowGraceMinutes * 60_000;
  if (booking.status === 'confirmed' && booking.checkedInAt === undefined && graceEnd <= now) {
    return recordNoShow(booking, resource, now);
  }
  return undefined;
}

/**
 * From when the scan must look at a calendar holding these bookings: the earliest expiry of a hold,
 * or the earliest start of a confirmed booking not checked in (its grace is the resource's, so the
 * scan reads the calendar from start on and changes it once start + grace has passed). Never later
 * than the first `dueTransition` of any of them; undefined when none will ever be due as they stand.
 */
export function scanDueAt(bookings: readonly BookingState[]): number | undefined {
  let due: number | undefined;
  for (const booking of bookings) {
    const at =
      booking.status === 'held'
        ? booking.expiresAt
        : booking.status === 'confirmed' && booking.checkedInAt === undefined
          ? booking.start
          : undefined;
    if (at !== undefined && (due === undefined || at < due)) due = at;
  }
  return due;
}
