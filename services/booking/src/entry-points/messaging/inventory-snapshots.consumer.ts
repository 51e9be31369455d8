import {
  orgEventData,
  orgEventTypes,
  resourceEventData,
  resourceEventTypes,
  topics,
} from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { applyOrgSnapshot } from '../../domain/use-cases/apply-org-snapshot';
import { applyResourceSnapshot } from '../../domain/use-cases/apply-resource-snapshot';

/** Inventory's organisation and resource snapshots, into booking's read models. */
export function inventorySnapshotsConsumer(deps: BookingDeps): ConsumerDefinition {
  return {
    groupId: 'booking.inventory-snapshots',
    topics: [topics.orgs, topics.resources],
    handlers: {
      ...handlersFor(resourceEventTypes, resourceEventData, (data) =>
        applyResourceSnapshot(deps, data.resource),
      ),
      ...handlersFor(orgEventTypes, orgEventData, (data) => applyOrgSnapshot(deps, data.org)),
    },
  };
}
