import { randomUUID } from 'node:crypto';
import type { Principal } from '@labshare/auth';
import type { Resource, ResourceSpec } from '@labshare/contracts';
import type { FieldError } from '@labshare/errors';
import { resourceProblems } from '../resource-rules';
import { newResource } from '../resource-spec';
import { canManage } from '../visibility';

export type Admission = { resource: Resource } | { forbidden: string } | { problems: FieldError[] };

/**
 * Whether the caller may add this resource, and the resource if so: the owning org's org_admin
 * (or the admin), a known organisation, and a resource that keeps the cross-field rules.
 */
export async function admitResource(
  caller: Principal,
  spec: ResourceSpec,
  context: { now: Date; orgExists: (id: string) => Promise<boolean> },
): Promise<Admission> {
  if (!canManage(caller, spec.orgId)) {
    return { forbidden: 'An org_admin may only add resources to their own organisation.' };
  }
  const problems = resourceProblems(spec, context.now);
  if (!(await context.orgExists(spec.orgId))) {
    problems.unshift({ field: 'orgId', message: 'is not a known organisation' });
  }
  if (problems.length > 0) return { problems };
  return { resource: newResource(spec, randomUUID(), context.now) };
}
