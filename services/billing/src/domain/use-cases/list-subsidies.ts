import type { Principal, SubsidyReportView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertFinance, assertMaySeeOrg } from '../rules/billing-access';
import { settledView, subsidyLineOf, subsidyView } from '../rules/subsidy';

/** Each provider's subsidy of a period: settled figures as frozen, accruing ones under the period's cap. */
export async function listSubsidies(
  deps: BillingDeps,
  principal: Principal,
  period: string,
  providerOrgId?: string,
): Promise<SubsidyReportView> {
  if (providerOrgId) assertMaySeeOrg(principal, providerOrgId);
  else assertFinance(principal);
  const [periods, policy] = await Promise.all([
    deps.subsidies.periods(period, providerOrgId),
    deps.subsidyPolicies.forPeriod(period, deps.clock().getTime()),
  ]);
  const items = periods.map((p) =>
    p.settled
      ? settledView(p.settled)
      : subsidyView(
          subsidyLineOf(p.providerOrgId, period, p.accruals, policy?.capPerProvider ?? 0, 'accruing'),
          policy?.currency ?? 'CNY',
        ),
  );
  return { items };
}
