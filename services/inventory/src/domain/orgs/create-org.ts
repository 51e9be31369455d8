import { randomUUID } from 'node:crypto';
import type { CreateOrgBody, Org } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { orgEvent } from '../inventory-events';
import type { InventoryDeps } from '../ports';

/** The platform admin registers an organisation; `org.created.v1` tells pricing its kind. */
export async function createOrg(deps: InventoryDeps, body: CreateOrgBody): Promise<Org> {
  const now = deps.clock();
  const at = now.toISOString();
  const org: Org = {
    id: randomUUID(),
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
  deps.published();
  return org;
}

export function nameTaken(name: string) {
  return errors.conflict(`An organisation named "${name}" exists already.`, {}, 'org_name_taken');
}
