import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { assertProviderAdmin } from '../rules/booking-access';
import { reject } from '../rules/booking-transitions';
import { transitionBooking } from '../support/transition-booking';

/** The provider's org_admin rejects a pending booking, saying why; its units go to the waitlist. */
export function rejectBooking(
  deps: BookingDeps,
  caller: Principal,
  bookingId: string,
  reason: string,
): Promise<Booking> {
  return transitionBooking(deps, caller, bookingId, {
    event: 'rejected',
    authorize: assertProviderAdmin,
    apply: (booking, _resource, now) => reject(booking, reason, now),
  });
}
