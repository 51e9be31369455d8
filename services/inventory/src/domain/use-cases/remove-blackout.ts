import type { Blackout, Principal } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { withoutBlackout } from '../rules/blackouts';
import { changeResource } from '../support/change-resource';

/** Reopens the time a blackout closed; answers with the blackout removed. */
export async function removeBlackout(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  blackoutId: string,
): Promise<Blackout> {
  const { blackout } = await changeResource(deps, caller, resourceId, (current) =>
    withoutBlackout(current, blackoutId),
  );
  // The decision throws when there is no such blackout, and names it when there is.
  return blackout as Blackout;
}
