import type { AccessDeps } from '../ports';
import { passesToRevoke } from '../rules/revocation';

/**
 * Revokes the passes of a booking that its newest snapshot no longer honours (cancelled, moved,
 * no-show...). Decided on the newest snapshot, not the event's: a replayed old event changes nothing.
 * Returns the jtis revoked.
 */
export async function revokeDishonouredPasses(deps: AccessDeps, bookingId: string): Promise<string[]> {
  const booking = await deps.bookings.get(bookingId);
  if (!booking) return [];
  const revoked = passesToRevoke(booking, await deps.passes.ofBooking(bookingId));
  if (revoked.length > 0) await deps.passes.revoke(revoked, deps.clock().getTime());
  return revoked;
}
