import type { Principal, Resource, ResourceSpec } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { admitResource } from '../rules/admit-resource';
import { inRequest } from '../rules/resource-rules';
import { insertResource } from '../support/insert-resource';
import { orgExists } from '../support/resource-lookups';

/** A provider lists a resource: stored with `resource.created.v1` in one document write. */
export async function createResource(
  deps: InventoryDeps,
  caller: Principal,
  spec: ResourceSpec,
): Promise<Resource> {
  const now = deps.clock();
  const orgKnown = await orgExists(deps, spec.orgId);
  const admission = admitResource(caller, spec, { id: deps.newId(), now, orgKnown });
  if ('forbidden' in admission) throw errors.forbidden(admission.forbidden);
  if ('problems' in admission) throw errors.validation(inRequest('body', admission.problems));
  await insertResource(deps, admission.resource);
  return admission.resource;
}
