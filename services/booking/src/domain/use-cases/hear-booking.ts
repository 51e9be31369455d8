import type { Booking } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { fromBookingDto } from '../rules/booking-dto';
import { occupantOf } from '../rules/booking-state';

/** Booking's own event, heard by this replica: what it holds of the booking's calendar follows it. */
export async function hearBooking(deps: BookingDeps, booking: Booking): Promise<void> {
  deps.calendarNews.heard(booking.resourceId, [occupantOf(fromBookingDto(booking))]);
}
