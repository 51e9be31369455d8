import type { BillingDeps } from '../ports';
import { periodOf, previousPeriod } from '../rules/periods';
import { issueOne } from '../support/issue-one';

/** The scheduled close: every org with lines last month (in the billing zone) gets that statement issued. */
export async function closePastStatements(deps: BillingDeps): Promise<number> {
  const period = previousPeriod(periodOf(deps.clock().getTime(), deps.timezone));
  const orgs = await deps.ledger.consumersIn(period);
  for (const orgId of orgs) await issueOne(deps, orgId, period);
  return orgs.length;
}
