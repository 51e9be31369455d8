import { STALE, untilWritten } from '@labshare/domain-kit';
import type { UsageRecord } from '@labshare/contracts';
import type { AfterChargeStep, BillingDeps, StoredSubsidyPolicy } from '../ports';
import { periodOf } from '../rules/periods';
import { accrualPeriod, accrue, policyInForce } from '../rules/subsidy';

/**
 * Right after usage charges: external use accrues open-resource subsidy for the provider, once per
 * usage record, at the policy of the session's period, into that period or (once it is settled)
 * the next open one. The policy is the version in force when the record was made (its
 * `recordedAt`), so a rebuild from the topics picks the same one; the versions are read once for a
 * batch. Each accrual is one conditional write on the provider's period, refused when that period
 * was settled meanwhile, and then decided again.
 */
export const accrueSubsidy: AfterChargeStep = async (deps, charged) => {
  const external = charged.flatMap(({ fact }) =>
    fact.kind === 'usage' && fact.record.consumerOrgId !== fact.record.providerOrgId ? [fact.record] : [],
  );
  if (external.length === 0) return;
  const usagePeriods = external.map((record) => periodOf(Date.parse(record.end), deps.timezone));
  const versions = await deps.subsidyPolicies.versionsUpTo(usagePeriods.reduce((a, b) => (a > b ? a : b)));
  for (const [i, record] of external.entries()) {
    if (!(await withdrawCorrected(deps, record))) continue;
    const policy = policyInForce(versions, usagePeriods[i]!, Date.parse(record.recordedAt));
    if (policy) await accrueOne(deps, record, usagePeriods[i]!, policy);
  }
};

/**
 * A correcting record replaces the accrual of the record it corrects: that one is withdrawn (it no
 * longer counts) while its period is open. If the corrected accrual sits in a settled period, the
 * settled figures stand and the correction accrues nothing (false), so a session is never paid
 * twice.
 */
async function withdrawCorrected(deps: BillingDeps, record: UsageRecord): Promise<boolean> {
  if (!record.corrects) return true;
  if (await deps.subsidies.withdraw(record.corrects, record.id)) return true;
  const corrected = await deps.subsidies.accrualOf(record.corrects);
  return !corrected || corrected.withdrawnBy === record.id;
}

async function accrueOne(
  deps: BillingDeps,
  record: UsageRecord,
  usagePeriod: string,
  policy: StoredSubsidyPolicy,
): Promise<void> {
  const usage = {
    usageId: record.id,
    providerOrgId: record.providerOrgId,
    consumerOrgId: record.consumerOrgId,
    consumerKind: record.consumerKind,
    resourceKind: record.resourceKind,
    minutes: record.minutes,
    end: Date.parse(record.end),
  };
  await untilWritten(async () => {
    if (await deps.subsidies.accrualOf(record.id)) return undefined;
    // A settlement restored from billing's topic names the records it froze: they go back there.
    const frozenIn = await deps.subsidies.settledWith(record.id);
    const settled = await deps.subsidies.settledPeriods(record.providerOrgId);
    const accrual = accrue(usage, policy, frozenIn ?? accrualPeriod(usagePeriod, settled));
    if (!accrual) return undefined;
    return (await deps.subsidies.accrue(accrual)) ? undefined : STALE;
  });
}
