import type { Principal, Resource, ResourceSpec } from '@labshare/contracts';
import type { FieldError } from '@labshare/errors';
import { resourceProblems } from './resource-rules';
import { newResource } from './resource-spec';
import { canManage } from './visibility';

export type Admission = { resource: Resource } | { forbidden: string } | { problems: FieldError[] };

/**
 * Whether the caller may add this resource, and the resource if so: the owning org's org_admin
 * (or the admin), a known organisation, and a resource that keeps the cross-field rules.
 */
export function admitResource(
  caller: Principal,
  spec: ResourceSpec,
  context: { id: string; now: Date; orgKnown: boolean },
): Admission {
  if (!canManage(caller, spec.orgId)) {
    return { forbidden: 'An org_admin may only add resources to their own organisation.' };
  }
  const problems = resourceProblems(spec, context.now);
  if (!context.orgKnown) problems.unshift({ field: 'orgId', message: 'is not a known organisation' });
  if (problems.length > 0) return { problems };
  return { resource: newResource(spec, context.id, context.now) };
}
