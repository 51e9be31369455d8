import { STALE, untilWritten } from '@labshare/domain-kit';
import type { AfterChargeStep, BillingDeps, CreditApplication, StoredCreditGrant } from '../ports';
import { lineRecordedEvent } from '../rules/billing-events';
import { creditAllocations, creditableChargeOf, creditLineOf } from '../rules/credits';
import {
  correctedLineIdOf,
  reversalIdOf,
  reversalOf,
  serviceEndOf,
  type BillableFact,
  type LedgerLine,
} from '../rules/ledger-lines';
import { eventContext } from './event-context';
import { periodForLine } from './statement-periods';

/**
 * Right after charge lines: each consumer org's usage credits cover what they may of its external
 * charges, in rating order. Each draw is one conditional write on its grant (balance still there,
 * this charge not drawn yet); a lost race re-reads and re-decides. Then every draw of a charge gets
 * its `credit_applied` line, keyed by charge and grant, so a crash anywhere in between is completed
 * by the next delivery and nothing is drawn or written twice. One read for a batch whose orgs hold
 * no grants.
 */
export const applyCredits: AfterChargeStep = async (deps, charged) => {
  const external = charged.filter(({ line }) => line.consumerOrgId !== line.providerOrgId);
  const holders = await deps.credits.orgsWithGrants(external.map(({ line }) => line.consumerOrgId));
  for (const { line, fact } of external) {
    if (!holders.has(line.consumerOrgId)) continue;
    await returnCorrected(deps, fact);
    await applyTo(deps, line, fact);
  }
};

/**
 * A correction's charge replaces the charge it corrects (reversed by then): the credit drawn for
 * that one goes back to its grants, each credit line taken back by a reversal line first, so a crash
 * in between is completed by the next delivery. The corrected charge keeps its draws listed as
 * returned, so a redelivery of its own record never draws for it again.
 */
async function returnCorrected(deps: BillingDeps, fact: BillableFact): Promise<void> {
  const correctedId = correctedLineIdOf(fact);
  const corrected = correctedId && (await deps.ledger.get(correctedId));
  if (!corrected) return;
  const context = eventContext(deps);
  for (const draw of drawsOf(await deps.credits.ofOrg(corrected.consumerOrgId), corrected.id)) {
    const credit = creditLineOf(corrected, draw.grantId, draw.amount);
    const period = await periodForLine(
      deps,
      credit.consumerOrgId,
      corrected.servicePeriod,
      reversalIdOf(credit.id),
    );
    const reversal = reversalOf(credit, fact, period);
    await deps.ledger.record(reversal, [lineRecordedEvent(reversal, context)]);
    await deps.credits.giveBack(draw.grantId, corrected.id, draw.amount, reversal.createdAt);
  }
}

async function applyTo(deps: BillingDeps, line: LedgerLine, fact: BillableFact): Promise<void> {
  const resourceKind = fact.kind === 'usage' ? fact.record.resourceKind : fact.booking.resourceKind;
  const charge = creditableChargeOf(line, resourceKind, serviceEndOf(fact));
  if (!charge) return;
  const draws = await untilWritten(async () => {
    // Every draw of this charge is on one of its consumer's grants: one read finds both.
    const grants = await deps.credits.ofOrg(line.consumerOrgId);
    const drawn = drawsOf(grants, line.id);
    const allocations = creditAllocations(charge, grants, drawn);
    for (const allocation of allocations) {
      const application: CreditApplication = {
        chargeId: line.id,
        amount: allocation.amount,
        providerOrgId: line.providerOrgId,
        consumerOrgId: line.consumerOrgId,
        period: line.period,
        appliedAt: line.createdAt,
      };
      if (!(await deps.credits.draw(allocation.grantId, application))) return STALE;
      drawn.push({ grantId: allocation.grantId, amount: allocation.amount });
    }
    return drawn;
  });
  await writeCreditLines(deps, line, draws);
}

function drawsOf(grants: StoredCreditGrant[], chargeId: string): { grantId: string; amount: number }[] {
  return grants.flatMap((grant) =>
    grant.applications
      .filter((a) => a.chargeId === chargeId)
      .map((a) => ({ grantId: grant.id, amount: a.amount })),
  );
}

async function writeCreditLines(
  deps: BillingDeps,
  charge: LedgerLine,
  draws: { grantId: string; amount: number }[],
): Promise<void> {
  const context = eventContext(deps);
  for (const draw of draws) {
    const line = creditLineOf(charge, draw.grantId, draw.amount);
    // Admitted like every line: in the charge's statement while it is open, else the next open one.
    const credit = { ...line, period: await periodForLine(deps, line.consumerOrgId, charge.period, line.id) };
    await deps.ledger.record(credit, [lineRecordedEvent(credit, context)]);
  }
}
