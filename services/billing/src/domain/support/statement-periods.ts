import type { Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { nextPeriod } from '../rules/periods';
import { openStatement } from '../rules/statements';
import { allLines } from './ledger-reads';

/**
 * The period a line counts in: its service period if that statement still admits lines (or
 * admitted this one before a crash or in the run a replay repeats), else the first later one that
 * does: a line that came after its month closed is an adjustment there.
 */
export async function periodForLine(
  deps: BillingDeps,
  orgId: string,
  servicePeriod: string,
  lineId: string,
): Promise<string> {
  let candidate = servicePeriod;
  while (!(await deps.statements.admit(orgId, candidate, lineId))) candidate = nextPeriod(candidate);
  return candidate;
}

/** The org's statement of a period: the issued one as it was issued, else the open one from the ledger. */
export async function statementOf(deps: BillingDeps, orgId: string, period: string): Promise<Statement> {
  const issued = await deps.statements.get(orgId, period);
  if (issued) return issued;
  return openStatement(orgId, period, await allLines(deps, orgId, 'consumer', period));
}
