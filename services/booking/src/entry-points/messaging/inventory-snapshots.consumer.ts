import {
  orgEventData,
  orgEventTypes,
  resourceEventData,
  resourceEventTypes,
  topics,
  type Org,
  type Resource,
} from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { applyOrgSnapshot } from '../../domain/use-cases/apply-org-snapshot';
import { applyResourceSnapshot } from '../../domain/use-cases/apply-resource-snapshot';

/** Inventory's organisation and resource snapshots, into booking's read models. */
export function inventorySnapshotsConsumer(deps: BookingDeps): ConsumerDefinition {
  return inventoryConsumer('booking.inventory-snapshots', {
    resource: (resource) => applyResourceSnapshot(deps, resource),
    org: (org) => applyOrgSnapshot(deps, org),
  });
}

/** A consumer group reading inventory's snapshots: each resource and each org handed to `on`. */
export function inventoryConsumer(
  groupId: string,
  on: { resource: (resource: Resource) => Promise<void>; org: (org: Org) => Promise<void> },
): ConsumerDefinition {
  return {
    groupId,
    topics: [topics.orgs, topics.resources],
    handlers: {
      ...handlersFor(resourceEventTypes, resourceEventData, (data) => on.resource(data.resource)),
      ...handlersFor(orgEventTypes, orgEventData, (data) => on.org(data.org)),
    },
  };
}
