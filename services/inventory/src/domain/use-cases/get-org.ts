import type { Org } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';

/** Organisations are public within the platform: any authenticated caller may read one. */
export async function getOrg(deps: InventoryDeps, id: string): Promise<Org> {
  const org = await deps.orgs.findById(id);
  if (!org) throw errors.notFound(`Organisation ${id}`);
  return org;
}
