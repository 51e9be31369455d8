import type { Principal } from '@labshare/auth';
import type { Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { canManage, canSee } from '../visibility';

/** A resource the caller may see; retired ones stay readable. Unshared ones of other orgs are "not found". */
export async function getResource(deps: InventoryDeps, caller: Principal, id: string): Promise<Resource> {
  const resource = await deps.resources.findById(id);
  if (!resource || !canSee(caller, resource)) throw errors.notFound(`Resource ${id}`);
  return resource;
}

/** A resource the caller may change: visible first (else 404), then owned (else 403). */
export async function getManagedResource(
  deps: InventoryDeps,
  caller: Principal,
  id: string,
): Promise<Resource> {
  const resource = await getResource(deps, caller, id);
  if (!canManage(caller, resource.orgId)) {
    throw errors.forbidden('Only an org_admin of the owning organisation may change this resource.');
  }
  return resource;
}
