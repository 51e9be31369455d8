import { STALE, untilWritten } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { Principal, Qualification } from '@labshare/contracts';
import type { AccessDeps } from '../ports';
import { qualificationEvent } from '../rules/access-events';
import { assertMayManage, revoke } from '../rules/qualifications';
import { eventContext } from '../support/lookups';

/** The granting org's org_admin revokes; booking and check-in refuse the user from then on. Idempotent. */
export function revokeQualification(deps: AccessDeps, caller: Principal, id: string): Promise<Qualification> {
  return untilWritten(async () => {
    const current = await deps.qualifications.get(id);
    if (!current) throw errors.notFound(`Qualification ${id}`);
    assertMayManage(caller, current);
    const context = eventContext(deps);
    const revoked = revoke(current, context.now);
    if (!revoked) return current;
    const written = await deps.qualifications.replace(revoked, current.version, [
      qualificationEvent('revoked', revoked, context),
    ]);
    return written ? revoked : STALE;
  });
}
