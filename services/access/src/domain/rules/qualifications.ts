import { hasRole, isAdmin, type Principal, type Qualification } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { QualificationFilter } from '../ports';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A qualification granted by the caller's org (an org_admin's): booking and check-in accept, for a
 * resource, only qualifications granted by the resource's own org (the contract's "granted by this org").
 */
export function grant(
  caller: Principal,
  input: { id: string; userId: string; name: string; expiresAt?: Date },
  now: number,
): Qualification {
  if (input.expiresAt && input.expiresAt.getTime() <= now) {
    throw errors.validation([{ field: 'body.expiresAt', message: 'must be in the future' }]);
  }
  return {
    id: input.id,
    orgId: caller.org,
    userId: input.userId,
    name: input.name,
    expiresAt: input.expiresAt ? iso(input.expiresAt.getTime()) : null,
    revokedAt: null,
    version: 1,
  };
}

/** Revoked now; undefined when it already is (revoking is idempotent, and raises no second event). */
export function revoke(qualification: Qualification, now: number): Qualification | undefined {
  if (qualification.revokedAt) return undefined;
  return { ...qualification, revokedAt: iso(now), version: qualification.version + 1 };
}

/** The org_admins of the granting org (and admin) manage a qualification; others do not see it (404). */
export function assertMayManage(caller: Principal, qualification: Qualification): void {
  const manages = isAdmin(caller) || (hasRole(caller, 'org_admin') && caller.org === qualification.orgId);
  if (!manages) throw errors.notFound(`Qualification ${qualification.id}`);
}

/** What a caller may list: admin all; an org_admin its org's grants; anyone else their own. */
export function visibleQualifications(caller: Principal, userId: string | undefined): QualificationFilter {
  if (isAdmin(caller)) return { userId };
  if (hasRole(caller, 'org_admin')) return { orgId: caller.org, userId };
  if (userId !== undefined && userId !== caller.sub) {
    throw errors.forbidden("Only an org_admin lists other users' qualifications.");
  }
  return { userId: caller.sub };
}

/**
 * The qualifications `resource` requires that `userId` lacks: one counts when the resource's org
 * granted it, it is unrevoked, and it has not expired by `at` (the booked end: valid for the whole use).
 */
export function missingQualifications(
  resource: { orgId: string; requiredQualifications: string[] },
  userId: string,
  held: Qualification[],
  at: number,
): string[] {
  const valid = new Set(
    held
      .filter(
        (q) =>
          q.orgId === resource.orgId &&
          q.userId === userId &&
          !q.revokedAt &&
          (q.expiresAt === null || Date.parse(q.expiresAt) >= at),
      )
      .map((q) => q.name),
  );
  return resource.requiredQualifications.filter((name) => !valid.has(name));
}
