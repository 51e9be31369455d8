import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { assertMayCancel } from '../rules/booking-access';
import { cancel } from '../rules/booking-transitions';
import { transitionBooking } from '../support/transition-booking';

/** The booker's org (or the provider's org_admin) cancels; a late cancel owes the fee it shows. */
export function cancelBooking(
  deps: BookingDeps,
  caller: Principal,
  bookingId: string,
  reason: string | undefined,
): Promise<Booking> {
  return transitionBooking(deps, caller, bookingId, {
    event: 'cancelled',
    authorize: assertMayCancel,
    apply: (booking, resource, now) => cancel(booking, resource, reason, now),
  });
}
