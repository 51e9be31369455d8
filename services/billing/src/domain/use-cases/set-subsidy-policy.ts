import { STALE, untilWritten } from '@labshare/domain-kit';
import type { Principal, SubsidyPolicyBody, SubsidyPolicyView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertAdmin } from '../rules/billing-access';
import { periodOf } from '../rules/periods';

/** The admin sets the subsidy policy from a period on (default: the current one), as a new version. */
export async function setSubsidyPolicy(
  deps: BillingDeps,
  principal: Principal,
  body: SubsidyPolicyBody,
): Promise<SubsidyPolicyView> {
  assertAdmin(principal);
  const now = deps.clock().getTime();
  const period = body.period ?? periodOf(now, deps.timezone);
  return untilWritten(async () => {
    const version = (await deps.subsidyPolicies.latestVersion()) + 1;
    const policy = { ...body, period, version, createdAt: now };
    if (!(await deps.subsidyPolicies.insert(policy, []))) return STALE;
    return { ...policy, createdAt: new Date(now).toISOString() };
  });
}
