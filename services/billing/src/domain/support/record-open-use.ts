import type { AfterChargeStep } from '../ports';
import { periodOf } from '../rules/periods';

/** Right after usage charges: each session counts in the open-use report of its period (once). */
export const recordOpenUse: AfterChargeStep = async (deps, charged) => {
  const sessions = charged.flatMap(({ fact }) => {
    if (fact.kind !== 'usage') return [];
    const { record } = fact;
    const end = Date.parse(record.end);
    return [
      {
        usageId: record.id,
        period: periodOf(end, deps.timezone),
        resourceId: record.resourceId,
        providerOrgId: record.providerOrgId,
        consumerOrgId: record.consumerOrgId,
        minutes: record.minutes,
        quantity: record.booked.quantity,
        end,
      },
    ];
  });
  if (sessions.length > 0) await deps.openUse.recordSessions(sessions);
};
