import { STALE, untilWritten } from '@labshare/domain-kit';
import type { AfterChargeStep } from '../ports';
import { periodOf } from '../rules/periods';
import { accrualPeriod, accrue } from '../rules/subsidy';

/**
 * Right after a usage charge: external use accrues open-resource subsidy for the provider, once per
 * usage record, at the policy of the session's period, into that period or (once it is settled)
 * the next open one. The policy is the version in force when the record was made (its
 * `recordedAt`), so a rebuild from the topics picks the same one. The accrual is one conditional write on the provider's period, refused when
 * that period was settled meanwhile, and then decided again.
 */
export const accrueSubsidy: AfterChargeStep = async (deps, _line, fact) => {
  if (fact.kind !== 'usage') return;
  const { record } = fact;
  if (record.consumerOrgId === record.providerOrgId) return;
  const usagePeriod = periodOf(Date.parse(record.end), deps.timezone);
  const policy = await deps.subsidyPolicies.forPeriod(usagePeriod, Date.parse(record.recordedAt));
  if (!policy) return;
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
};
