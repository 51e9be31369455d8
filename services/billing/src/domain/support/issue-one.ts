import type { Statement } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BillingDeps } from '../ports';
import { statementIssuedEvent } from '../rules/billing-events';
import type { LedgerLine } from '../rules/ledger-lines';
import { issuedStatement, openStatement, statementNumber } from '../rules/statements';
import { eventContext } from './event-context';

const LINE_WAIT_ATTEMPTS = 50;
const LINE_WAIT_MS = 100;

/**
 * Issues an org's statement of a period: closes it to new lines, then snapshots exactly the lines
 * it admitted, numbered, with the org's data as it is now. Idempotent: an issued statement is
 * returned as it was issued, and a close cut short (a crash) is completed by the next call.
 */
export async function issueOne(deps: BillingDeps, orgId: string, period: string): Promise<Statement> {
  const issued = await deps.statements.get(orgId, period);
  if (issued) return issued;
  const org = await deps.orgs.get(orgId);
  if (!org) throw errors.notFound(`Org ${orgId}`);
  const lines = await admittedLines(deps, await deps.statements.close(orgId, period));
  const context = eventContext(deps);
  const number = statementNumber(period, await deps.statements.nextSequence(period));
  const statement = issuedStatement(openStatement(orgId, period, lines), org, number, context.now);
  if (await deps.statements.issue(statement, [statementIssuedEvent(statement, context)])) return statement;
  // Issued meanwhile (another replica, the scan): that one stands.
  return (await deps.statements.get(orgId, period)) ?? statement;
}

/**
 * The admitted lines. A line is admitted just before it is written, so one may be a moment (or,
 * after a crash, a redelivery) away: wait a little, then let the caller try again later.
 */
async function admittedLines(deps: BillingDeps, ids: string[]): Promise<LedgerLine[]> {
  for (let attempt = 1; ; attempt++) {
    const lines = await deps.ledger.byIds(ids);
    if (lines.length === ids.length) return lines;
    if (attempt >= LINE_WAIT_ATTEMPTS) {
      throw errors.unavailable('Lines of this period are still being recorded; try again shortly.');
    }
    await new Promise((resolve) => setTimeout(resolve, LINE_WAIT_MS));
  }
}
