import type { Blackout, Principal, Resource } from '@labshare/contracts';
import { STALE, untilWritten } from '@labshare/domain-kit';
import type { InventoryDeps } from '../ports';
import { resourceEvent } from '../rules/inventory-events';
import type { ResourceChange } from '../rules/resource-change';
import { managedResource } from './resource-lookups';

/** The resource after the decision, and the blackout the decision added or removed, if any. */
export interface ChangeOutcome {
  resource: Resource;
  blackout?: Blackout;
}

/**
 * Applies one decision to a resource the caller manages: the new state and its event in one
 * conditional document write on `version`; a lost race re-reads and decides again.
 */
export function changeResource(
  deps: InventoryDeps,
  caller: Principal,
  id: string,
  decide: (current: Resource, now: Date) => ResourceChange,
): Promise<ChangeOutcome> {
  return untilWritten(async () => {
    const current = await managedResource(deps, caller, id);
    const now = deps.clock();
    const change = decide(current, now);
    if (!change) return { resource: current };
    const next = { ...change.next, version: current.version + 1, updatedAt: now.toISOString() };
    const context = { now, correlationId: deps.correlationId() };
    const event = resourceEvent(change.type, next, context, change.blackout);
    if (!(await deps.resources.replace(next, current.version, [event]))) return STALE;
    return { resource: next, blackout: change.blackout };
  });
}
