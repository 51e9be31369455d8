import type { CreditBalances, Principal } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertMaySeeOrg } from '../rules/billing-access';
import { grantView } from '../rules/credits';

/** An org's grants, earliest expiry first, and the balance it can still spend. */
export async function listCredits(
  deps: BillingDeps,
  principal: Principal,
  orgId: string,
): Promise<CreditBalances> {
  assertMaySeeOrg(principal, orgId);
  const items = (await deps.credits.ofOrg(orgId)).map(grantView);
  const balance = items.filter((g) => g.status === 'active').reduce((sum, g) => sum + g.balance, 0);
  return { orgId, balance, items };
}
