import type { Principal, RedemptionReportView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertFinance } from '../rules/billing-access';
import { redemptionLines } from '../rules/credits';

/** What each funding body owes each provider for a period's credit draws (finance settles these). */
export async function listRedemptions(
  deps: BillingDeps,
  principal: Principal,
  period: string,
  fundingSource?: string,
): Promise<RedemptionReportView> {
  assertFinance(principal);
  const grants = await deps.credits.redeemedIn(period, fundingSource);
  const currencies = new Map(grants.map((g) => [g.fundingSource, g.currency]));
  const draws = grants.flatMap((grant) =>
    grant.applications
      .filter((a) => a.period === period && a.returnedAt === undefined)
      .map((a) => ({
        fundingSource: grant.fundingSource,
        providerOrgId: a.providerOrgId,
        consumerOrgId: a.consumerOrgId,
        amount: a.amount,
      })),
  );
  const items = redemptionLines(draws).map((line) => ({
    ...line,
    currency: currencies.get(line.fundingSource) ?? 'CNY',
  }));
  return { period, items };
}
