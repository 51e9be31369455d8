import type { Principal } from '@labshare/auth';
import { resourceEventTypes, type PatchResourceBody, type Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { inRequest, resourceProblems } from '../resource-rules';
import { applyPatch, sameSpec, specOf } from '../resource-spec';
import { changeResource, refuseIfRetired } from './change-resource';

/** Partial update, checked as a whole after merging; an update that changes nothing writes nothing. */
export async function updateResource(
  deps: InventoryDeps,
  caller: Principal,
  id: string,
  patch: PatchResourceBody,
): Promise<Resource> {
  const { resource } = await changeResource(deps, caller, id, (current, now) => {
    refuseIfRetired(current);
    const spec = applyPatch(specOf(current), patch);
    const problems = resourceProblems(spec, now);
    if (problems.length > 0) throw errors.validation(inRequest('body', problems));
    if (sameSpec(spec, specOf(current))) return undefined;
    return { next: { ...current, ...spec }, type: resourceEventTypes.updated };
  });
  return resource;
}
