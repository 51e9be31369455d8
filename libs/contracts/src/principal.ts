/**
 * Who is calling, as the contract's bearer tokens name them (`sub`, `org`, `roles`). It lives with the
 * contracts, not with the token verifier, so domain code can reason about callers without importing
 * the package that carries jsonwebtoken and JWKS fetching.
 */
export const roles = ['admin', 'org_admin', 'booker', 'finance', 'device'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  sub: string;
  org: string;
  roles: Role[];
}

export function isAdmin(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

/** `admin` may do everything, so it passes every role check. */
export function hasRole(principal: Principal, ...wanted: Role[]): boolean {
  return isAdmin(principal) || wanted.some((role) => principal.roles.includes(role));
}
