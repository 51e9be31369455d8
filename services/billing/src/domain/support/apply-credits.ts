import { STALE, untilWritten } from '@labshare/domain-kit';
import type { AfterChargeStep } from '../ports';
import { lineRecordedEvent } from '../rules/billing-events';
import { creditAllocations, creditableChargeOf, creditLineOf } from '../rules/credits';
import { serviceEndOf } from '../rules/ledger-lines';
import { eventContext } from './event-context';

/**
 * Right after a charge line: the consumer org's usage credits cover what they may of it. Each draw
 * is one conditional write on its grant (balance still there, this charge not drawn yet); a lost
 * race re-reads and re-decides. Then every draw of this charge gets its `credit_applied` line, keyed
 * by charge and grant, so a crash anywhere in between is completed by the next delivery and nothing
 * is drawn or written twice.
 */
export const applyCredits: AfterChargeStep = async (deps, line, fact) => {
  const resourceKind = fact.kind === 'usage' ? fact.record.resourceKind : fact.booking.resourceKind;
  const charge = creditableChargeOf(line, resourceKind, serviceEndOf(fact));
  if (!charge) return;
  await untilWritten(async () => {
    const drawn = await deps.credits.drawsOf(line.id);
    const grants = await deps.credits.ofOrg(line.consumerOrgId);
    const applied = drawn.map((d) => ({ grantId: d.grant.id, amount: d.application.amount }));
    for (const allocation of creditAllocations(charge, grants, applied)) {
      const drew = await deps.credits.draw(allocation.grantId, {
        chargeId: line.id,
        amount: allocation.amount,
        providerOrgId: line.providerOrgId,
        consumerOrgId: line.consumerOrgId,
        period: line.period,
        appliedAt: line.createdAt,
      });
      if (!drew) return STALE;
    }
    return undefined;
  });
  const context = eventContext(deps);
  for (const { grant, application } of await deps.credits.drawsOf(line.id)) {
    const credit = creditLineOf(line, grant.id, application.amount);
    await deps.ledger.record(credit, [lineRecordedEvent(credit, context)]);
  }
};
