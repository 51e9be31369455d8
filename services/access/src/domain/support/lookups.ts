import type { Principal, Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { AccessDeps } from '../ports';
import { assertDeviceOf } from '../rules/access-rights';
import type { EventContext } from '../rules/access-events';

/**
 * The resource a device stands at, from access's read model (awaited a bounded while if inventory
 * announced it a moment ago); a device of another org is refused before anything about a pass is said.
 */
export async function resourceForDevice(
  deps: AccessDeps,
  caller: Principal,
  resourceId: string,
): Promise<Resource> {
  const resource = await deps.resources.getOrAwait(resourceId);
  if (!resource) throw errors.notFound(`Resource ${resourceId}`);
  assertDeviceOf(caller, resource.orgId);
  return resource;
}

/** The context events of a decision made now are raised in. */
export function eventContext(deps: AccessDeps): EventContext {
  return { now: deps.clock().getTime(), correlationId: deps.correlationId() };
}
