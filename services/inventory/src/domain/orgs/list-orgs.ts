import type { Org } from '@labshare/contracts';
import { pageOf, type ListPage } from '../list-page';
import type { InventoryDeps, PageRequest } from '../ports';

/** Organisations are public within the platform: any authenticated caller may list them. */
export function listOrgs(deps: InventoryDeps, page: PageRequest): Promise<ListPage<Org>> {
  return pageOf(page, (p) => deps.orgs.list(p));
}
