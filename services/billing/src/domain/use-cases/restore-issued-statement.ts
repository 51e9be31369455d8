import type { Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';

/**
 * Billing's own `statement.issued` events, read back: after billing's database is lost, a replay
 * of its topic restores every issued statement exactly as it was issued (an issued one is kept).
 */
export async function restoreIssuedStatement(deps: BillingDeps, statement: Statement): Promise<void> {
  await deps.statements.issue(statement, []);
}
