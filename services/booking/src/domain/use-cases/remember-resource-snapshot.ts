import type { Resource } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Every replica hears every resource snapshot and holds the newest in memory (the store is kept by one). */
export async function rememberResourceSnapshot(deps: BookingDeps, resource: Resource): Promise<void> {
  deps.resources.remember(resource);
}
