import type { Org } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { CreationKey, InventoryDeps } from '../ports';
import { creationKeyOf } from '../rules/creation-key';

/** Organisations are public within the platform: any authenticated caller may list them. */
export function listOrgs(
  deps: InventoryDeps,
  page: PageRequest<CreationKey>,
): Promise<ListPage<Org, CreationKey>> {
  return pageOf(page, (p) => deps.orgs.list(p), creationKeyOf);
}
