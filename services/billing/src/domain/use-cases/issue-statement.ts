import type { IssueStatementBody, Principal, Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertFinance } from '../rules/billing-access';
import { issueOne } from '../support/issue-one';

/** Finance closes an org's month by hand: numbered and immutable from now on. */
export async function issueStatement(
  deps: BillingDeps,
  principal: Principal,
  body: IssueStatementBody,
): Promise<Statement> {
  assertFinance(principal);
  return issueOne(deps, body.orgId, body.period);
}
