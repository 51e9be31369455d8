import { occupyingStatuses } from '@labshare/contracts';
import type { BookingSummary } from '../ports';

const OCCUPYING: ReadonlySet<string> = new Set(occupyingStatuses);

/** Ids of the bookings that still hold the resource during the window (half-open intervals). */
export function conflictingBookingIds(
  bookings: BookingSummary[],
  window: { start: Date; end: Date },
): string[] {
  const ids = bookings
    .filter((b) => OCCUPYING.has(b.status))
    .filter((b) => Date.parse(b.start) < window.end.getTime() && Date.parse(b.end) > window.start.getTime())
    .map((b) => b.id);
  return [...new Set(ids)];
}
