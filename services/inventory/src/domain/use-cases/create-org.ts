import type { CreateOrgBody, Org } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { orgEvent } from '../rules/inventory-events';
import { nameTaken } from '../rules/org-names';

/** The platform admin registers an organisation; `org.created.v1` tells pricing its kind. */
export async function createOrg(deps: InventoryDeps, body: CreateOrgBody): Promise<Org> {
  const now = deps.clock();
  const at = now.toISOString();
  const org: Org = {
    id: deps.newId(),
    name: body.name,
    kind: body.kind,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const outcome = await deps.orgs.insert(org, [
    orgEvent('created', org, { now, correlationId: deps.correlationId() }),
  ]);
  if (outcome === 'name_taken') throw nameTaken(body.name);
  return org;
}
