import type { Blackout, BlackoutCreated, CreateBlackoutBody, Principal } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { withBlackout } from '../rules/blackouts';
import { conflictingBookingIds } from '../rules/booking-conflicts';
import { changeResource } from '../support/change-resource';

/**
 * Closes a resource for a while. The blackout is written first (booking learns of it from the
 * event and stops taking bookings there); then the booking service is asked, on the caller's
 * behalf, which bookings it hits. If booking cannot be asked, the blackout stands all the same.
 */
export async function addBlackout(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  body: CreateBlackoutBody,
): Promise<BlackoutCreated> {
  const blackout: Blackout = {
    id: deps.newId(),
    resourceId,
    start: body.start.toISOString(),
    end: body.end.toISOString(),
    reason: body.reason,
    createdAt: deps.clock().toISOString(),
  };
  await changeResource(deps, caller, resourceId, (current) => withBlackout(current, blackout));
  const bookings = await deps.bookings.overlapping(resourceId, body);
  if (!bookings) return { ...blackout, conflicts: [], conflictsUnavailable: true };
  return { ...blackout, conflicts: conflictingBookingIds(bookings, body) };
}
