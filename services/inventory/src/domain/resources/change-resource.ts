import type { Principal } from '@labshare/auth';
import type { Blackout, Resource, ResourceEventType } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { resourceEvent } from '../inventory-events';
import { STALE, untilWritten } from '../optimistic-write';
import type { InventoryDeps } from '../ports';
import { getManagedResource } from './get-resource';

/** What a decision wants written; `undefined` when nothing changes (no write, no event). */
export type ResourceChange = { next: Resource; type: ResourceEventType; blackout?: Blackout } | undefined;

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
    const current = await getManagedResource(deps, caller, id);
    const now = deps.clock();
    const change = decide(current, now);
    if (!change) return { resource: current };
    const next = { ...change.next, version: current.version + 1, updatedAt: now.toISOString() };
    const context = { now, correlationId: deps.correlationId() };
    const event = resourceEvent(change.type, next, context, change.blackout);
    if (!(await deps.resources.replace(next, current.version, [event]))) return STALE;
    deps.published();
    return { resource: next, blackout: change.blackout };
  });
}

/** Retired resources are kept for history and read-only. */
export function refuseIfRetired(resource: Resource): void {
  if (resource.status === 'retired') {
    throw errors.conflict(
      `Resource ${resource.id} is retired and can no longer change.`,
      {},
      'resource_retired',
    );
  }
}
