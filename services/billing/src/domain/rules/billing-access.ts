import { hasRole, isAdmin, type Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';

/** Finance and admins see every org's ledger and statements; an org's members see their own org's. */
export function assertMaySeeOrg(principal: Principal, orgId: string): void {
  if (hasRole(principal, 'finance') || principal.org === orgId) return;
  throw errors.forbidden("Only finance, an admin or the org's own members may see its billing.");
}

/** Issuing statements and reading the review list is finance's (or an admin's) work. */
export function assertFinance(principal: Principal): void {
  if (!hasRole(principal, 'finance')) throw errors.forbidden('Only finance or an admin may do this.');
}

/** Credit grants, the subsidy policy and subsidy settlement are the zone administration's (admin). */
export function assertAdmin(principal: Principal): void {
  if (!isAdmin(principal)) throw errors.forbidden('Only an admin may do this.');
}
