import type { Booking } from '@labshare/contracts';
import type { AccessDeps } from '../ports';
import { revokeDishonouredPasses } from '../support/revoke-passes';

/**
 * Booking announced a booking's new state: keep the newest snapshot, and revoke the passes it no
 * longer honours (cancelled, rescheduled, no-show). Idempotent: a repeat finds nothing left to revoke.
 */
export async function applyBookingSnapshot(deps: AccessDeps, booking: Booking): Promise<void> {
  await deps.bookings.save(booking);
  await revokeDishonouredPasses(deps, booking.id);
}
