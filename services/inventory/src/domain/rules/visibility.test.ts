import { describe, expect, it } from 'vitest';
import type { Principal } from '@labshare/contracts';
import { canManage, canSee, visibleToOrg } from './visibility';

const caller = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'u', org, roles });

describe('visibility', () => {
  it('when a resource is shared, then every caller sees it', () => {
    expect(canSee(caller('b', 'booker'), { orgId: 'a', shared: true })).toBe(true);
  });

  it('when a resource is unshared, then only its org and the admin see it', () => {
    const unshared = { orgId: 'a', shared: false };
    expect(canSee(caller('a', 'booker'), unshared)).toBe(true);
    expect(canSee(caller('x', 'admin'), unshared)).toBe(true);
    expect(canSee(caller('b', 'org_admin'), unshared)).toBe(false);
  });

  it('when changing a resource, then only an org_admin of the owner (or the admin) may', () => {
    expect(canManage(caller('a', 'org_admin'), 'a')).toBe(true);
    expect(canManage(caller('x', 'admin'), 'a')).toBe(true);
    expect(canManage(caller('a', 'booker', 'finance'), 'a')).toBe(false);
    expect(canManage(caller('b', 'org_admin'), 'a')).toBe(false);
  });

  it('when listing, then the admin is unscoped and everyone else is scoped to their org', () => {
    expect(visibleToOrg(caller('x', 'admin'))).toBeUndefined();
    expect(visibleToOrg(caller('b', 'booker'))).toBe('b');
  });
});
