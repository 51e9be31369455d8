import type { Booking } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { fromBookingDto } from '../rules/booking-dto';

/**
 * Booking's own event, read back: the projection is written right after each calendar write, and
 * this repairs it when a crash fell in between (older versions are ignored).
 */
export function repairProjection(deps: BookingDeps, booking: Booking): Promise<void> {
  return deps.projection.save(fromBookingDto(booking));
}
