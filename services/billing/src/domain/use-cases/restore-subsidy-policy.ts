import type { SubsidyPolicyView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';

/** Billing's own policy versions read back: a rebuilt database has each one as it was set. */
export async function restoreSubsidyPolicy(deps: BillingDeps, policy: SubsidyPolicyView): Promise<void> {
  await deps.subsidyPolicies.insert({ ...policy, createdAt: Date.parse(policy.createdAt) }, []);
}
