import type { Resource } from '@labshare/contracts';
import type { AccessDeps } from '../ports';

/** Inventory announced a resource's state: its policy (passEarlyMinutes), org and required qualifications. */
export function applyResourceSnapshot(deps: AccessDeps, resource: Resource): Promise<void> {
  return deps.resources.save(resource);
}
