import { isAdmin, type Principal } from '@labshare/contracts';
import type { Resource } from '@labshare/contracts';

/**
 * Who sees and who manages a resource. A provider's unshared resources are its own business: other
 * orgs must not even learn they exist, so for them such a resource is "not found", never "forbidden".
 */
export function canSee(caller: Principal, resource: Pick<Resource, 'orgId' | 'shared'>): boolean {
  return isAdmin(caller) || resource.shared || resource.orgId === caller.org;
}

/** The platform admin, or an org_admin of the owning organisation. */
export function canManage(caller: Principal, orgId: string): boolean {
  return isAdmin(caller) || (caller.roles.includes('org_admin') && caller.org === orgId);
}

/** The same rule as `canSee`, as a list filter: undefined lets the admin see everything. */
export function visibleToOrg(caller: Principal): string | undefined {
  return isAdmin(caller) ? undefined : caller.org;
}
