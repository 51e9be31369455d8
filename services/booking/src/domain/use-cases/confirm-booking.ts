import type { Booking, Principal } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { assertConsumer } from '../rules/booking-access';
import { confirm } from '../rules/booking-transitions';
import { transitionBooking } from '../support/transition-booking';

/** The booker's org confirms its hold: confirmed, or pending where the resource asks for approval. */
export function confirmBooking(deps: BookingDeps, caller: Principal, bookingId: string): Promise<Booking> {
  return transitionBooking(deps, caller, bookingId, {
    event: 'confirmed',
    authorize: assertConsumer,
    apply: confirm,
  });
}
