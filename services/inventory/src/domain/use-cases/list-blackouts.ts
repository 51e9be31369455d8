import type { Blackout, Principal } from '@labshare/contracts';
import { pageFrom, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { InventoryDeps } from '../ports';
import { byStart, type BlackoutKey } from '../rules/blackouts';
import { visibleResource } from '../support/resource-lookups';

/** Blackouts of a resource the caller may see, by start time. */
export async function listBlackouts(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  page: PageRequest<BlackoutKey>,
): Promise<ListPage<Blackout, BlackoutKey>> {
  const { after } = page;
  const sorted = [...(await visibleResource(deps, caller, resourceId)).blackouts].sort(byStart);
  const rest = after ? sorted.filter((b) => byStart(b, after) > 0) : sorted;
  return pageFrom(rest.slice(0, page.limit + 1), page.limit, (b) => ({ start: b.start, id: b.id }));
}
