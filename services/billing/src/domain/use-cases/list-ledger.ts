import type { LedgerEntry, LedgerSide, Principal } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { BillingDeps } from '../ports';
import { assertMaySeeOrg } from '../rules/billing-access';
import { entryOf } from '../rules/ledger-lines';

export interface LedgerFilter {
  orgId: string;
  period: string;
  side: LedgerSide;
}

/** A page of one side of an org's ledger for a period, with the total over all its pages. */
export async function listLedger(
  deps: BillingDeps,
  principal: Principal,
  filter: LedgerFilter,
  page: PageRequest<string>,
): Promise<ListPage<LedgerEntry, string> & { total: number }> {
  assertMaySeeOrg(principal, filter.orgId);
  const { orgId, side, period } = filter;
  const [found, total] = await Promise.all([
    pageOf(
      page,
      (p) => deps.ledger.list(orgId, side, period, p),
      (line) => line.id,
    ),
    deps.ledger.total(orgId, side, period),
  ]);
  return { ...found, items: found.items.map((line) => entryOf(line, side)), total };
}
