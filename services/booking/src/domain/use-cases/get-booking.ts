import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { toBookingDto } from '../rules/booking-dto';
import { visibleBooking } from '../support/lookups';

/** One booking the caller may see (404 otherwise, whether it exists or not). */
export async function getBooking(deps: BookingDeps, caller: Principal, id: string): Promise<Booking> {
  return toBookingDto(await visibleBooking(deps, caller, id));
}
