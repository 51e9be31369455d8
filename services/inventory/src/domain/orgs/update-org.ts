import type { Org, PatchOrgBody } from '@labshare/contracts';
import { orgEvent } from '../inventory-events';
import { STALE, untilWritten } from '../optimistic-write';
import type { InventoryDeps } from '../ports';
import { nameTaken } from './create-org';
import { getOrg } from './get-org';

/** Renames an organisation or changes its kind; an update that changes nothing writes nothing. */
export async function updateOrg(deps: InventoryDeps, id: string, patch: PatchOrgBody): Promise<Org> {
  return untilWritten(async () => {
    const current = await getOrg(deps, id);
    const name = patch.name ?? current.name;
    const kind = patch.kind ?? current.kind;
    if (name === current.name && kind === current.kind) return current;
    const now = deps.clock();
    const next: Org = { ...current, name, kind, version: current.version + 1, updatedAt: now.toISOString() };
    const outcome = await deps.orgs.replace(next, current.version, [
      orgEvent('updated', next, { now, correlationId: deps.correlationId() }),
    ]);
    if (outcome === 'stale') return STALE;
    if (outcome === 'name_taken') throw nameTaken(name);
    deps.published();
    return next;
  });
}
