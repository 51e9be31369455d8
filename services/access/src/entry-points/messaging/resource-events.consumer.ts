import { resourceEventData, resourceEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { AccessDeps } from '../../domain/ports';
import { applyResourceSnapshot } from '../../domain/use-cases/apply-resource-snapshot';

/** Inventory's resource snapshots, into access's read model (pass window, provider org, qualifications). */
export function resourceEventsConsumer(deps: AccessDeps): ConsumerDefinition {
  return {
    groupId: 'access.resources',
    topics: [topics.resources],
    handlers: handlersFor(resourceEventTypes, resourceEventData, (data) =>
      applyResourceSnapshot(deps, data.resource),
    ),
  };
}
