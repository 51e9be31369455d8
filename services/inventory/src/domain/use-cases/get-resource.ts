import type { Principal, Resource } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { visibleResource } from '../support/resource-lookups';

/** A resource the caller may see, retired ones too; other orgs' unshared ones are 404. */
export function getResource(deps: InventoryDeps, caller: Principal, id: string): Promise<Resource> {
  return visibleResource(deps, caller, id);
}
