import type { Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { nextPeriod } from '../rules/periods';
import { openStatement } from '../rules/statements';
import { allLines } from './ledger-reads';

/**
 * The first period from `period` on whose statement for `orgId` is still open: a line that comes
 * after its month's statement was issued counts there, as an adjustment.
 */
export async function openPeriodFrom(deps: BillingDeps, orgId: string, period: string): Promise<string> {
  let candidate = period;
  while (await deps.statements.get(orgId, candidate)) candidate = nextPeriod(candidate);
  return candidate;
}

/** The org's statement of a period: the issued one as it was issued, else the open one from the ledger. */
export async function statementOf(deps: BillingDeps, orgId: string, period: string): Promise<Statement> {
  const issued = await deps.statements.get(orgId, period);
  if (issued) return issued;
  return openStatement(orgId, period, await allLines(deps, orgId, 'consumer', period));
}
