import { STALE, untilWritten } from '@labshare/domain-kit';
import type { Principal, SettleSubsidiesBody, SubsidyReportView } from '@labshare/contracts';
import type { BillingDeps, SettledSubsidy } from '../ports';
import { subsidySettledEvent } from '../rules/billing-events';
import { assertAdmin } from '../rules/billing-access';
import { settledView, standingAccruals, subsidyLineOf } from '../rules/subsidy';
import { eventContext } from '../support/event-context';

/**
 * The admin settles a period's subsidy for one provider, or for every provider with accruals:
 * the figures are frozen with the settlement event in one conditional write (refused, and decided
 * again, if an accrual landed meanwhile). Settling again answers the frozen figures, no new event;
 * usage arriving afterwards accrues to the next period.
 */
export async function settleSubsidies(
  deps: BillingDeps,
  principal: Principal,
  body: SettleSubsidiesBody,
): Promise<SubsidyReportView> {
  assertAdmin(principal);
  const providers = body.providerOrgId
    ? [body.providerOrgId]
    : (await deps.subsidies.periods(body.period)).map((p) => p.providerOrgId);
  const items = [];
  for (const providerOrgId of providers) {
    items.push(settledView(await settleOne(deps, providerOrgId, body.period)));
  }
  return { items };
}

function settleOne(deps: BillingDeps, providerOrgId: string, period: string): Promise<SettledSubsidy> {
  return untilWritten(async () => {
    const [held] = await deps.subsidies.periods(period, providerOrgId);
    if (held?.settled) return held.settled;
    const context = eventContext(deps);
    const policy = await deps.subsidyPolicies.forPeriod(period, context.now);
    const accruals = held?.accruals ?? [];
    const settled: SettledSubsidy = {
      ...subsidyLineOf(providerOrgId, period, accruals, policy?.capPerProvider ?? 0, 'settled'),
      currency: policy?.currency ?? 'CNY',
      settledAt: context.now,
      usageIds: standingAccruals(accruals).map((a) => a.usageId),
    };
    const event = subsidySettledEvent(settledView(settled), settled.usageIds, context);
    return (await deps.subsidies.settle(settled, held?.version ?? 0, [event])) ? settled : STALE;
  });
}
