import type { Resource } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { rateFact } from '../support/rate-fact';

/** Inventory announced a resource: kept, and the facts that waited for it are rated. */
export async function applyResourceSnapshot(deps: BillingDeps, resource: Resource): Promise<void> {
  await deps.resources.save(resource);
  for (const fact of await deps.reviews.pendingNaming({ resourceId: resource.id }))
    await rateFact(deps, fact, { reviewed: true });
}
