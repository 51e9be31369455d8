import type { LedgerEntry, Principal } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertMaySeeOrg } from '../rules/billing-access';
import { entryOf } from '../rules/ledger-lines';
import { allLines } from '../support/ledger-reads';
import type { LedgerFilter } from './list-ledger';

/** Every entry of one side of an org's ledger for a period (the CSV export). */
export async function exportLedger(
  deps: BillingDeps,
  principal: Principal,
  filter: LedgerFilter,
): Promise<LedgerEntry[]> {
  assertMaySeeOrg(principal, filter.orgId);
  const lines = await allLines(deps, filter.orgId, filter.side, filter.period);
  return lines.map((line) => entryOf(line, filter.side));
}
