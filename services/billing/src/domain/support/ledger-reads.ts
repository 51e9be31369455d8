import type { LedgerSide } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import type { LedgerLine } from '../rules/ledger-lines';

const BATCH = 1000;

/** Every line of one side of an org's period, in id order (statements and exports need them all). */
export async function allLines(
  deps: BillingDeps,
  orgId: string,
  side: LedgerSide,
  period: string,
): Promise<LedgerLine[]> {
  const lines: LedgerLine[] = [];
  for (;;) {
    const batch = await deps.ledger.list(orgId, side, period, { limit: BATCH, after: lines.at(-1)?.id });
    lines.push(...batch);
    if (batch.length < BATCH) return lines;
  }
}
