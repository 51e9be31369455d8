import { resourceEventData, resourceEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { applyResourceSnapshot } from '../../domain/use-cases/apply-resource-snapshot';

/** Inventory's resource snapshots, into billing's read model; facts waiting for the resource are rated. */
export function resourceEventsConsumer(deps: BillingDeps): ConsumerDefinition {
  return {
    groupId: 'billing.resources',
    topics: [topics.resources],
    handlers: handlersFor(resourceEventTypes, resourceEventData, (data) =>
      applyResourceSnapshot(deps, data.resource),
    ),
  };
}
