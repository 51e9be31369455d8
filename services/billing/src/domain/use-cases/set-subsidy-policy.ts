import { STALE, untilWritten } from '@labshare/domain-kit';
import type { Principal, SubsidyPolicyBody, SubsidyPolicyView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertAdmin } from '../rules/billing-access';
import { subsidyPolicySetEvent } from '../rules/billing-events';
import { periodOf } from '../rules/periods';
import { eventContext } from '../support/event-context';

/** The admin sets the subsidy policy from a period on (default: the current one), as a new version. */
export async function setSubsidyPolicy(
  deps: BillingDeps,
  principal: Principal,
  body: SubsidyPolicyBody,
): Promise<SubsidyPolicyView> {
  assertAdmin(principal);
  const context = eventContext(deps);
  const period = body.period ?? periodOf(context.now, deps.timezone);
  return untilWritten(async () => {
    const version = (await deps.subsidyPolicies.latestVersion()) + 1;
    const policy = { ...body, period, version, createdAt: context.now };
    const view = { ...policy, createdAt: new Date(context.now).toISOString() };
    if (!(await deps.subsidyPolicies.insert(policy, [subsidyPolicySetEvent(view, context)]))) return STALE;
    return view;
  });
}
