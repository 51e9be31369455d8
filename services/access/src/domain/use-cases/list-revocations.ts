import type { Revocation } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { AccessDeps, RevocationKey } from '../ports';
import { syncedTo, type PassRecord } from '../rules/revocation';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Revoked passes that are still within their validity (older ones open nothing anyway), revoked at or
 * after `since`, of one resource or all: what a device merges into its offline list.
 */
export async function listRevocations(
  deps: AccessDeps,
  filter: { since?: number; resourceId?: string },
  page: PageRequest<RevocationKey>,
): Promise<ListPage<Revocation, RevocationKey> & { syncedTo: string }> {
  const now = deps.clock().getTime();
  const found = await pageOf(
    page,
    (p) => deps.passes.revocations({ ...filter, validAfter: now }, p),
    (p): RevocationKey => [p.revokedAt!, p.jti],
  );
  return {
    ...found,
    items: found.items.map(toRevocation),
    syncedTo: iso(syncedTo(now, deps.revocationOverlapMs)),
  };
}

function toRevocation(pass: PassRecord): Revocation {
  return {
    jti: pass.jti,
    revokedAt: iso(pass.revokedAt!),
    bookingId: pass.bookingId,
    resourceId: pass.resourceId,
    validUntil: iso(pass.validUntil),
  };
}
