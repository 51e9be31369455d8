import type { AfterChargeStep } from '../ports';
import { periodOf } from '../rules/periods';

/** Right after a usage charge: the session counts in the open-use report of its period (once). */
export const recordOpenUse: AfterChargeStep = async (deps, _line, fact) => {
  if (fact.kind !== 'usage') return;
  const { record } = fact;
  const end = Date.parse(record.end);
  await deps.openUse.recordSession({
    usageId: record.id,
    period: periodOf(end, deps.timezone),
    resourceId: record.resourceId,
    providerOrgId: record.providerOrgId,
    consumerOrgId: record.consumerOrgId,
    minutes: record.minutes,
    quantity: record.booked.quantity,
    end,
  });
};
