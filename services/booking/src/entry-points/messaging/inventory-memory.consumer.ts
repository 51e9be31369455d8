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
import { rememberOrgSnapshot } from '../../domain/use-cases/remember-org-snapshot';
import { rememberResourceSnapshot } from '../../domain/use-cases/remember-resource-snapshot';

/**
 * Inventory's snapshots into this replica's memory: a consumer group of its own (`replica` is new at
 * each start, so it reads the retained topic from the start), so every replica hears every change
 * (the shared `booking.inventory-snapshots` group splits partitions between replicas). Kafka drops
 * the groups of stopped replicas after its offset retention.
 */
export function inventoryMemoryConsumer(deps: BookingDeps, replica: string): ConsumerDefinition {
  return {
    groupId: `booking.inventory-memory.${replica}`,
    topics: [topics.orgs, topics.resources],
    handlers: {
      ...handlersFor(resourceEventTypes, resourceEventData, (data) =>
        rememberResourceSnapshot(deps, data.resource),
      ),
      ...handlersFor(orgEventTypes, orgEventData, (data) => rememberOrgSnapshot(deps, data.org)),
    },
  };
}
