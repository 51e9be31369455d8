import { isAdmin, type Booking, type Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';

/** Check-in at a resource is for the devices of the resource's org (roles are checked at the route). */
export function assertDeviceOf(caller: Principal, orgId: string): void {
  if (!isAdmin(caller) && caller.org !== orgId) {
    throw errors.forbidden("Only a device of the resource's organisation may do this.");
  }
}

/** A session is seen only by the devices of its resource's org: others get 404. */
export function canActOnSession(caller: Principal, session: { providerOrgId: string }): boolean {
  return isAdmin(caller) || caller.org === session.providerOrgId;
}

/** Passes are for the booker's org; a booking of another org is not the caller's to know of (404). */
export function assertMayHavePass(caller: Principal, booking: Booking): void {
  if (!isAdmin(caller) && caller.org !== booking.consumerOrgId)
    throw errors.notFound(`Booking ${booking.id}`);
}

/** A pass is only for a confirmed booking that has not ended yet. */
export function assertPassable(booking: Booking, now: number): void {
  if (booking.status !== 'confirmed') {
    throw errors.conflict(`A ${booking.status} booking has no pass.`, {}, 'invalid_state');
  }
  if (Date.parse(booking.end) <= now) throw errors.conflict('The booking is over.', {}, 'invalid_state');
}
