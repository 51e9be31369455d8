import type { Principal } from '@labshare/auth';
import type { Blackout } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { getResource } from '../resources/get-resource';
import { byStart } from './add-blackout';

export type BlackoutKey = Pick<Blackout, 'start' | 'id'>;

export interface BlackoutPage {
  items: Blackout[];
  /** Key of the last blackout served, when more follow. */
  next: BlackoutKey | undefined;
}

/** Blackouts of a resource the caller may see, by start time. */
export async function listBlackouts(
  deps: InventoryDeps,
  caller: Principal,
  resourceId: string,
  page: { limit: number; after?: BlackoutKey },
): Promise<BlackoutPage> {
  const { after } = page;
  const sorted = [...(await getResource(deps, caller, resourceId)).blackouts].sort(byStart);
  const rest = after ? sorted.filter((b) => byStart(b, after) > 0) : sorted;
  const items = rest.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: rest.length > page.limit && last ? { start: last.start, id: last.id } : undefined };
}
