import {
  resourceEventTypes,
  type PatchResourceBody,
  type Principal,
  type Resource,
} from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { InventoryDeps } from '../ports';
import { inRequest, resourceProblems } from '../rules/resource-rules';
import { applyPatch, sameSpec, specOf } from '../rules/resource-spec';
import { refuseIfRetired } from '../rules/resource-status';
import { changeResource } from '../support/change-resource';

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
