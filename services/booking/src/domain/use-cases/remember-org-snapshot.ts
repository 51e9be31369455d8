import type { Org } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Every replica hears every organisation snapshot and holds the newest in memory. */
export async function rememberOrgSnapshot(deps: BookingDeps, org: Org): Promise<void> {
  deps.orgs.remember(org);
}
