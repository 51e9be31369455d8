import type { Principal } from '@labshare/auth';
import { resourceEventTypes, type Resource, type ResourceSpec } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { resourceEvent } from '../inventory-events';
import type { InventoryDeps } from '../ports';
import { inRequest } from '../resource-rules';
import { admitResource } from './admit-resource';

/** A provider lists a resource: stored with `resource.created.v1` in one document write. */
export async function createResource(
  deps: InventoryDeps,
  caller: Principal,
  spec: ResourceSpec,
): Promise<Resource> {
  const admission = await admitResource(caller, spec, {
    now: deps.clock(),
    orgExists: (id) => orgExists(deps, id),
  });
  if ('forbidden' in admission) throw errors.forbidden(admission.forbidden);
  if ('problems' in admission) throw errors.validation(inRequest('body', admission.problems));
  await insertResource(deps, admission.resource);
  return admission.resource;
}

export async function insertResource(deps: InventoryDeps, resource: Resource): Promise<void> {
  const event = resourceEvent(resourceEventTypes.created, resource, {
    now: new Date(resource.createdAt),
    correlationId: deps.correlationId(),
  });
  await deps.resources.insert(resource, [event]);
  deps.published();
}

export async function orgExists(deps: InventoryDeps, id: string): Promise<boolean> {
  return (await deps.orgs.findById(id)) !== undefined;
}
