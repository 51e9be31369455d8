import type { Org } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { rateFact } from '../support/rate-fact';

/** Inventory announced an org: kept for statements, and the facts that waited for it are rated. */
export async function applyOrgSnapshot(deps: BillingDeps, org: Org): Promise<void> {
  await deps.orgs.save(org);
  for (const fact of await deps.reviews.pendingNaming({ orgId: org.id }))
    await rateFact(deps, fact, { reviewed: true });
}
