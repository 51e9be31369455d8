import type { Principal } from '@labshare/auth';
import type { Resource } from '@labshare/contracts';
import { pageOf, type ListPage } from '../list-page';
import type { InventoryDeps, PageRequest, ResourceFilter } from '../ports';
import { visibleToOrg } from '../visibility';

/** Finds resources; the caller never sees other orgs' unshared ones. */
export function listResources(
  deps: InventoryDeps,
  caller: Principal,
  filter: Omit<ResourceFilter, 'visibleToOrg'>,
  page: PageRequest,
): Promise<ListPage<Resource>> {
  const scoped: ResourceFilter = { ...filter, visibleToOrg: visibleToOrg(caller) };
  return pageOf(page, (p) => deps.resources.list(scoped, p));
}
