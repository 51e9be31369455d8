import type { SubsidyLineView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';

/**
 * Billing's own settlements read back: a rebuilt database has each settled period frozen as it was
 * settled, naming the usage records it froze, so those records accrue back into it when rated again
 * and later ones go to the next period, as they did. A period settled already is left as it is.
 */
export async function restoreSubsidySettlement(
  deps: BillingDeps,
  subsidy: SubsidyLineView,
  usageIds: string[],
): Promise<void> {
  const [held] = await deps.subsidies.periods(subsidy.period, subsidy.providerOrgId);
  if (held?.settled) return;
  const { settledAt, ...line } = subsidy;
  await deps.subsidies.settle(
    { ...line, settledAt: settledAt ? Date.parse(settledAt) : 0, usageIds },
    held?.version ?? 0,
    [],
  );
}
