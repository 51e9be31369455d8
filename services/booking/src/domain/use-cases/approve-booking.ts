import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { assertProviderAdmin } from '../rules/booking-access';
import { approve } from '../rules/booking-transitions';
import { transitionBooking } from '../support/transition-booking';

/** The provider's org_admin approves a pending booking. */
export function approveBooking(deps: BookingDeps, caller: Principal, bookingId: string): Promise<Booking> {
  return transitionBooking(deps, caller, bookingId, {
    event: 'approved',
    authorize: assertProviderAdmin,
    apply: (booking, _resource, now) => approve(booking, now),
  });
}
