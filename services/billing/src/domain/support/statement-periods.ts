import type { Statement } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { nextPeriod } from '../rules/periods';
import { openStatement } from '../rules/statements';
import { allLines } from './ledger-reads';

/**
 * The period a line counts in: its service period, unless the org's statement of it was issued
 * without the line (it came late), then the first later one that is open or was issued with it.
 * A line an issued statement lists stays where it was counted, so a replay puts it there again.
 */
export async function periodForLine(
  deps: BillingDeps,
  orgId: string,
  servicePeriod: string,
  lineId: string,
): Promise<string> {
  let candidate = servicePeriod;
  for (;;) {
    const issued = await deps.statements.get(orgId, candidate);
    if (!issued || issued.lines.some((l) => l.entryId === lineId)) return candidate;
    candidate = nextPeriod(candidate);
  }
}

/** The org's statement of a period: the issued one as it was issued, else the open one from the ledger. */
export async function statementOf(deps: BillingDeps, orgId: string, period: string): Promise<Statement> {
  const issued = await deps.statements.get(orgId, period);
  if (issued) return issued;
  return openStatement(orgId, period, await allLines(deps, orgId, 'consumer', period));
}
