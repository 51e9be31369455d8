import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { rememberOrgSnapshot } from '../../domain/use-cases/remember-org-snapshot';
import { rememberResourceSnapshot } from '../../domain/use-cases/remember-resource-snapshot';
import { inventoryConsumer } from './inventory-snapshots.consumer';

/**
 * Inventory's snapshots into this replica's memory: a consumer group of its own (`replica` is new at
 * each start, so it reads the retained topic from the start), so every replica hears every change
 * (the shared `booking.inventory-snapshots` group splits partitions between replicas). Its offsets
 * are never committed: nothing would read them again.
 */
export function inventoryMemoryConsumer(deps: BookingDeps, replica: string): ConsumerDefinition {
  return {
    ...inventoryConsumer(`booking.inventory-memory.${replica}`, {
      resource: (resource) => rememberResourceSnapshot(deps, resource),
      org: (org) => rememberOrgSnapshot(deps, org),
    }),
    ephemeral: true,
  };
}
