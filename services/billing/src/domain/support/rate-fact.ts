import type { BillingDeps } from '../ports';
import { lineRecordedEvent } from '../rules/billing-events';
import { errors } from '@labshare/errors';
import {
  correctedLineIdOf,
  lineIdOf,
  reversalIdOf,
  reversalOf,
  lineOf,
  partiesOf,
  serviceEndOf,
  type BillableFact,
  type LedgerLine,
} from '../rules/ledger-lines';
import { periodOf } from '../rules/periods';
import { missingFor, reviewItemOf } from '../rules/review';
import { eventContext } from './event-context';
import { periodForLine } from './statement-periods';

/**
 * Rates a fact into the ledger once: a fact naming an org or resource billing does not know yet is
 * held for review instead (rated again when the record arrives; `reviewed` says the call comes
 * from there, or may have held it, so the review is marked rated). The line's id is derived from
 * the fact, so a redelivery finds the line recorded and only re-runs the after-charge steps, which
 * a crash may have cut short.
 */
export async function rateFact(
  deps: BillingDeps,
  fact: BillableFact,
  options: { reviewed?: boolean } = {},
): Promise<LedgerLine | undefined> {
  let reviewed = options.reviewed ?? false;
  const reasons = await missingParties(deps, fact);
  if (reasons.length > 0) {
    await deps.reviews.hold(reviewItemOf(fact, reasons, deps.clock().getTime()), fact);
    reviewed = true;
    // The missing record may have been saved, and its pending reviews looked up, between the
    // check and the hold: look again, so the fact cannot wait for an event that has passed.
    if ((await missingParties(deps, fact)).length > 0) return undefined;
  }
  const line = await recordLine(deps, fact);
  await reverseCorrected(deps, fact);
  for (const step of deps.afterCharge) await step(deps, line, fact);
  if (reviewed) await deps.reviews.markRated(line.id);
  return line;
}

async function missingParties(deps: BillingDeps, fact: BillableFact) {
  const parties = partiesOf(fact);
  const [resource, provider, consumer] = await Promise.all([
    deps.resources.get(parties.resourceId),
    deps.orgs.get(parties.providerOrgId),
    deps.orgs.get(parties.consumerOrgId),
  ]);
  return missingFor({ resource: !!resource, providerOrg: !!provider, consumerOrg: !!consumer });
}

async function recordLine(deps: BillingDeps, fact: BillableFact): Promise<LedgerLine> {
  await deps.statementLog.restored();
  const servicePeriod = periodOf(serviceEndOf(fact), deps.timezone);
  const period = await periodForLine(deps, partiesOf(fact).consumerOrgId, servicePeriod, lineIdOf(fact));
  const line = lineOf(fact, { servicePeriod, period });
  if (await deps.ledger.record(line, [lineRecordedEvent(line, eventContext(deps))])) return line;
  // Recorded before (a redelivery, a replica): that line is the one that counts. Admission gave
  // the same period, since a statement keeps the lines it admitted.
  return (await deps.ledger.get(line.id)) ?? line;
}

/**
 * A usage record that corrects another: the line of the corrected record is taken back by a
 * reversal line (never edited). The corrected record comes before its correction on the same
 * partition; if its line is not written yet (rated a moment ago alongside), the fact is retried.
 */
async function reverseCorrected(deps: BillingDeps, fact: BillableFact): Promise<void> {
  const correctedId = correctedLineIdOf(fact);
  if (!correctedId) return;
  const original = await deps.ledger.get(correctedId);
  if (!original) throw errors.unavailable(`The corrected line ${correctedId} is not recorded yet.`);
  const reversalId = reversalIdOf(correctedId);
  const period = await periodForLine(deps, original.consumerOrgId, original.servicePeriod, reversalId);
  const reversal = reversalOf(original, fact, period);
  await deps.ledger.record(reversal, [lineRecordedEvent(reversal, eventContext(deps))]);
}
