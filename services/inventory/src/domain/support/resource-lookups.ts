import type { Principal, Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { canManage, canSee } from '../rules/visibility';

/** A resource the caller may see; retired ones stay readable. Unshared ones of other orgs are "not found". */
export async function visibleResource(deps: InventoryDeps, caller: Principal, id: string): Promise<Resource> {
  const resource = await deps.resources.findById(id);
  if (!resource || !canSee(caller, resource)) throw errors.notFound(`Resource ${id}`);
  return resource;
}

/** A resource the caller may change: visible first (else 404), then owned (else 403). */
export async function managedResource(deps: InventoryDeps, caller: Principal, id: string): Promise<Resource> {
  const resource = await visibleResource(deps, caller, id);
  if (!canManage(caller, resource.orgId)) {
    throw errors.forbidden('Only an org_admin of the owning organisation may change this resource.');
  }
  return resource;
}

export async function orgExists(deps: InventoryDeps, id: string): Promise<boolean> {
  return (await deps.orgs.findById(id)) !== undefined;
}
