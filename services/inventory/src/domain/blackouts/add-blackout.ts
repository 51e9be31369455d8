import { randomUUID } from 'node:crypto';
import type { Principal } from '@labshare/auth';
import {
  resourceEventTypes,
  type Blackout,
  type BlackoutCreated,
  type CreateBlackoutBody,
} from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { changeResource, refuseIfRetired } from '../resources/change-resource';
import { conflictingBookingIds } from './booking-conflicts';

/** Blackouts live inside the resource document; this keeps it well under MongoDB's 16 MB. */
export const MAX_BLACKOUTS = 2000;

/**
 * Closes a resource for a while. The blackout is written first (booking learns of it from the
 * event and stops taking bookings there); then the booking service is asked which bookings it hits,
 * so one confirmed during the write is still reported. If booking cannot be asked, the blackout stands.
 */
export async function addBlackout(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  body: CreateBlackoutBody,
  authorization: string | undefined,
): Promise<BlackoutCreated> {
  const blackout: Blackout = {
    id: randomUUID(),
    resourceId,
    start: body.start.toISOString(),
    end: body.end.toISOString(),
    reason: body.reason,
    createdAt: deps.clock().toISOString(),
  };
  await changeResource(deps, caller, resourceId, (current) => {
    refuseIfRetired(current);
    if (current.blackouts.length >= MAX_BLACKOUTS) {
      throw errors.unprocessable(
        'too_many_blackouts',
        `A resource keeps at most ${MAX_BLACKOUTS} blackouts; remove old ones first.`,
      );
    }
    const blackouts = [...current.blackouts, blackout].sort(byStart);
    return { next: { ...current, blackouts }, type: resourceEventTypes.blackoutAdded, blackout };
  });
  const bookings = await deps.bookings.overlapping(resourceId, body, authorization);
  if (!bookings) return { ...blackout, conflicts: [], conflictsUnavailable: true };
  return { ...blackout, conflicts: conflictingBookingIds(bookings, body) };
}

export function byStart(a: Pick<Blackout, 'start' | 'id'>, b: Pick<Blackout, 'start' | 'id'>): number {
  return a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
}
