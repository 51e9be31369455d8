import type { Principal } from '@labshare/auth';
import { resourceEventTypes, type Blackout } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { changeResource, refuseIfRetired } from '../resources/change-resource';

/** Reopens the time a blackout closed; answers with the blackout removed. */
export async function removeBlackout(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  blackoutId: string,
): Promise<Blackout> {
  const { blackout } = await changeResource(deps, caller, resourceId, (current) => {
    refuseIfRetired(current);
    const removed = current.blackouts.find((b) => b.id === blackoutId);
    if (!removed) throw errors.notFound(`Blackout ${blackoutId}`);
    const blackouts = current.blackouts.filter((b) => b.id !== blackoutId);
    return { next: { ...current, blackouts }, type: resourceEventTypes.blackoutRemoved, blackout: removed };
  });
  // A decision that finds no blackout throws; one that finds it always returns it.
  return blackout as Blackout;
}
