export const roles = ['admin', 'org_admin', 'booker', 'finance', 'device'] as const;
export type Role = (typeof roles)[number];

/** Who is calling: from the bearer token's `sub`, `org` and `roles` claims. */
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
