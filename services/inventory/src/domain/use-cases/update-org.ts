import type { Org, PatchOrgBody } from '@labshare/contracts';
import { STALE, untilWritten } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { orgEvent } from '../rules/inventory-events';
import { nameTaken } from '../rules/org-names';

/** Renames an organisation or changes its kind; an update that changes nothing writes nothing. */
export async function updateOrg(deps: InventoryDeps, id: string, patch: PatchOrgBody): Promise<Org> {
  return untilWritten(async () => {
    const current = await deps.orgs.findById(id);
    if (!current) throw errors.notFound(`Organisation ${id}`);
    const name = patch.name ?? current.name;
    const kind = patch.kind ?? current.kind;
    if (name === current.name && kind === current.kind) return current;
    const now = deps.clock();
    const next: Org = { ...current, name, kind, version: current.version + 1, updatedAt: now.toISOString() };
    const event = orgEvent('updated', next, { now, correlationId: deps.correlationId() });
    const outcome = await deps.orgs.replace(next, current.version, [event]);
    if (outcome === 'stale') return STALE;
    if (outcome === 'name_taken') throw nameTaken(name);
    return next;
  });
}
