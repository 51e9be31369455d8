import { resourceEventTypes, type Resource } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { resourceEvent } from '../rules/inventory-events';

/** Stores a new resource with its `resource.created.v1` event, in one document write. */
export async function insertResource(deps: InventoryDeps, resource: Resource): Promise<void> {
  const context = { now: new Date(resource.createdAt), correlationId: deps.correlationId() };
  await deps.resources.insert(resource, [resourceEvent(resourceEventTypes.created, resource, context)]);
}
