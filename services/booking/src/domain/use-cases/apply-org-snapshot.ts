import type { Org } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Inventory announced an organisation's state: its kind decides its members' price column here. */
export function applyOrgSnapshot(deps: BookingDeps, org: Org): Promise<void> {
  return deps.orgs.save(org);
}
