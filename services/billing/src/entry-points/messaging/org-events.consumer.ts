import { orgEventData, orgEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { applyOrgSnapshot } from '../../domain/use-cases/apply-org-snapshot';

/** Inventory's org snapshots, into billing's read model; facts waiting for the org are rated. */
export function orgEventsConsumer(deps: BillingDeps): ConsumerDefinition {
  return {
    groupId: 'billing.orgs',
    topics: [topics.orgs],
    handlers: handlersFor(orgEventTypes, orgEventData, (data) => applyOrgSnapshot(deps, data.org)),
  };
}
