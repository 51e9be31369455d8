import type { Resource } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Inventory announced a resource's state: booking keeps the newest snapshot (older ones are ignored). */
export function applyResourceSnapshot(deps: BookingDeps, resource: Resource): Promise<void> {
  return deps.resources.save(resource);
}
