import type { BookingOccupancyEventData } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Booking's own event, heard by this replica: what it holds of the booking's calendar follows it. */
export async function hearBooking(deps: BookingDeps, { booking }: BookingOccupancyEventData): Promise<void> {
  const { id, resourceId, version, status, start, end, quantity } = booking;
  deps.calendarNews.heard(resourceId, [
    { id, version, status, start: Date.parse(start), end: Date.parse(end), quantity },
  ]);
}
