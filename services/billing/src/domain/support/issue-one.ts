import type { Statement } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BillingDeps } from '../ports';
import { statementIssuedEvent } from '../rules/billing-events';
import { issuedStatement, statementNumber } from '../rules/statements';
import { eventContext } from './event-context';
import { statementOf } from './statement-periods';

/**
 * Issues an org's statement of a period from its lines as they stand, numbered, with the org's data
 * as it is now; idempotent: an issued statement is returned as it was issued.
 */
export async function issueOne(deps: BillingDeps, orgId: string, period: string): Promise<Statement> {
  const current = await statementOf(deps, orgId, period);
  if (current.status === 'issued') return current;
  const org = await deps.orgs.get(orgId);
  if (!org) throw errors.notFound(`Org ${orgId}`);
  const context = eventContext(deps);
  const number = statementNumber(period, await deps.statements.nextSequence(period));
  const statement = issuedStatement(current, org, number, context.now);
  if (await deps.statements.issue(statement, [statementIssuedEvent(statement, context)])) return statement;
  // Issued meanwhile (another replica, the scan): that one stands.
  return (await deps.statements.get(orgId, period)) ?? statement;
}
