import type { Booking } from '@labshare/contracts';
import type { BillingDeps } from '../ports';

/** Booking announced a booking's state: the open-use report's read model keeps the newest. */
export async function applyBookingSnapshot(deps: BillingDeps, booking: Booking): Promise<void> {
  await deps.bookings.save(booking);
}
