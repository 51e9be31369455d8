import type { BookingState } from './booking-state';
import { expire, recordNoShow } from './booking-transitions';
import type { ResourceView } from './resource-view';

/**
 * From when the scan looks at a booking: a hold (or waitlist offer) from its expiry, a confirmed
 * booking not checked in from its start (its no-show comes once the resource's grace has passed
 * too). Undefined for a booking the scan never changes as it stands.
 */
function dueFrom(booking: BookingState): number | undefined {
  if (booking.status === 'held') return booking.expiresAt;
  if (booking.status === 'confirmed' && booking.checkedInAt === undefined) return booking.start;
  return undefined;
}

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
  const from = dueFrom(booking);
  if (from === undefined) return undefined;
  if (booking.status === 'held') return from <= now ? expire(booking, now) : undefined;
  const graceEnd = from + resource.policy.noShowGraceMinutes * 60_000;
  return graceEnd <= now ? recordNoShow(booking, resource, now) : undefined;
}

/**
 * From when the scan must look at a calendar holding these bookings: the earliest `dueFrom` of
 * them, so never later than the first `dueTransition` of any; undefined when none will ever be due
 * as they stand.
 */
export function scanDueAt(bookings: readonly BookingState[]): number | undefined {
  let due: number | undefined;
  for (const booking of bookings) {
    const at = dueFrom(booking);
    if (at !== undefined && (due === undefined || at < due)) due = at;
  }
  return due;
}
