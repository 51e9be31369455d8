import type { Principal, Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertMaySeeOrg } from '../rules/billing-access';
import { statementOf } from '../support/statement-periods';

/** An org's statement of a month: as issued, or open (from the ledger as it stands). */
export async function getStatement(
  deps: BillingDeps,
  principal: Principal,
  orgId: string,
  period: string,
): Promise<Statement> {
  assertMaySeeOrg(principal, orgId);
  return statementOf(deps, orgId, period);
}
