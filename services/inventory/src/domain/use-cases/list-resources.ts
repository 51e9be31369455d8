import type { Principal, Resource } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { CreationKey, InventoryDeps, ResourceFilter } from '../ports';
import { creationKeyOf } from '../rules/creation-key';
import { visibleToOrg } from '../rules/visibility';

/** Finds resources; the caller never sees other orgs' unshared ones. */
export function listResources(
  deps: InventoryDeps,
  caller: Principal,
  filter: Omit<ResourceFilter, 'visibleToOrg'>,
  page: PageRequest<CreationKey>,
): Promise<ListPage<Resource, CreationKey>> {
  const scoped: ResourceFilter = { ...filter, visibleToOrg: visibleToOrg(caller) };
  return pageOf(page, (p) => deps.resources.list(scoped, p), creationKeyOf);
}
