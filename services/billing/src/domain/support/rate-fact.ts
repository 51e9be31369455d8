import { errors } from '@labshare/errors';
import type { BillingDeps, Charged } from '../ports';
import { lineRecordedEvent } from '../rules/billing-events';
import {
  correctedLineIdOf,
  lineIdOf,
  lineOf,
  partiesOf,
  reversalIdOf,
  reversalOf,
  serviceEndOf,
  type BillableFact,
  type LedgerLine,
} from '../rules/ledger-lines';
import { periodOf } from '../rules/periods';
import { missingFor, reviewItemOf, type ReviewReason } from '../rules/review';
import { eventContext } from './event-context';
import { periodForLine } from './statement-periods';

interface RateOptions {
  /** The call comes from the review list (the facts were held there): mark them rated. */
  reviewed?: boolean;
}

/** Rates one fact: `rateFacts` of one. */
export async function rateFact(
  deps: BillingDeps,
  fact: BillableFact,
  options: RateOptions = {},
): Promise<void> {
  await rateFacts(deps, [fact], options);
}

/**
 * Rates facts into the ledger, each once, in a few writes for the whole batch: a fact naming an
 * org or resource billing does not know yet is held for review instead (rated again when the
 * record arrives). A line's id is derived from its fact, so a redelivery finds the line recorded
 * and only re-runs the after-charge steps, which a crash may have cut short. Facts are taken in
 * the order given (a correction after the record it corrects; credits drawn in that order).
 */
export async function rateFacts(
  deps: BillingDeps,
  facts: BillableFact[],
  options: RateOptions = {},
): Promise<void> {
  const { ratable, reviewed } = await matchParties(deps, uniqueByLine(facts), options.reviewed ?? false);
  if (ratable.length === 0) return;
  const lines = await recordLines(deps, ratable);
  const charged: Charged[] = ratable.map((fact, i) => ({ fact, line: lines[i]! }));
  for (const fact of ratable) await reverseCorrected(deps, fact);
  for (const step of deps.afterCharge) await step(deps, charged);
  for (const { fact, line } of charged) if (reviewed.has(fact)) await deps.reviews.markRated(line.id);
}

/** A fact delivered twice in one batch is rated once. */
function uniqueByLine(facts: BillableFact[]): BillableFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const id = lineIdOf(fact);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Which facts can be rated now (in their order); the others are held for review. */
async function matchParties(deps: BillingDeps, facts: BillableFact[], fromReview: boolean) {
  const reviewed = new Set<BillableFact>(fromReview ? facts : []);
  const missing = await missingParties(deps, facts);
  const unmatched = facts.filter((_, i) => missing[i]!.length > 0);
  const now = deps.clock().getTime();
  for (const [i, fact] of facts.entries()) {
    if (missing[i]!.length === 0) continue;
    await deps.reviews.hold(reviewItemOf(fact, missing[i]!, now), fact);
    reviewed.add(fact);
  }
  // A missing record may have been saved, and its pending reviews looked up, between the check and
  // the hold: look again, so a fact cannot wait for an event that has passed.
  const stillMissing = await missingParties(deps, unmatched);
  const waiting = new Set(unmatched.filter((_, i) => stillMissing[i]!.length > 0));
  return { ratable: facts.filter((fact) => !waiting.has(fact)), reviewed };
}

/** For each fact, the records it names that billing has not learnt of: two reads for all. */
async function missingParties(deps: BillingDeps, facts: BillableFact[]): Promise<ReviewReason[][]> {
  if (facts.length === 0) return [];
  const parties = facts.map(partiesOf);
  const [resources, orgs] = await Promise.all([
    deps.resources.getMany(parties.map((p) => p.resourceId)),
    deps.orgs.getMany(parties.flatMap((p) => [p.providerOrgId, p.consumerOrgId])),
  ]);
  return parties.map((p) =>
    missingFor({
      resource: resources.has(p.resourceId),
      providerOrg: orgs.has(p.providerOrgId),
      consumerOrg: orgs.has(p.consumerOrgId),
    }),
  );
}

/**
 * The facts' lines, admitted to their statements and inserted with their events in one write.
 * A line recorded before (a redelivery, a replica) is the one that counts: admission gave it the
 * same period, since a statement keeps the lines it admitted.
 */
async function recordLines(deps: BillingDeps, facts: BillableFact[]): Promise<LedgerLine[]> {
  await deps.statementLog.restored();
  const servicePeriods = facts.map((fact) => periodOf(serviceEndOf(fact), deps.timezone));
  const periods = await admit(
    deps,
    facts.map((fact, i) => ({
      orgId: partiesOf(fact).consumerOrgId,
      period: servicePeriods[i]!,
      lineId: lineIdOf(fact),
    })),
  );
  const lines = facts.map((fact, i) =>
    lineOf(fact, { servicePeriod: servicePeriods[i]!, period: periods[i]! }),
  );
  const context = eventContext(deps);
  const inserted = await deps.ledger.recordMany(
    lines.map((line) => ({ line, events: [lineRecordedEvent(line, context)] })),
  );
  const earlier = new Map(
    (await deps.ledger.byIds(lines.filter((_, i) => !inserted[i]).map((line) => line.id))).map((line) => [
      line.id,
      line,
    ]),
  );
  return lines.map((line) => earlier.get(line.id) ?? line);
}

/**
 * The period each line counts in: one admission write per org and service period while that
 * statement is open; line by line (`periodForLine`) when it is not.
 */
async function admit(
  deps: BillingDeps,
  lines: { orgId: string; period: string; lineId: string }[],
): Promise<string[]> {
  const groups = new Map<string, { orgId: string; period: string; lineIds: string[] }>();
  for (const { orgId, period, lineId } of lines) {
    const key = `${orgId}|${period}`;
    const group = groups.get(key) ?? { orgId, period, lineIds: [] };
    group.lineIds.push(lineId);
    groups.set(key, group);
  }
  const admitted = new Map<string, string>();
  await Promise.all(
    [...groups.values()].map(async ({ orgId, period, lineIds }) => {
      if (await deps.statements.admitAll(orgId, period, lineIds)) {
        for (const lineId of lineIds) admitted.set(lineId, period);
        return;
      }
      for (const lineId of lineIds) admitted.set(lineId, await periodForLine(deps, orgId, period, lineId));
    }),
  );
  return lines.map(({ lineId }) => admitted.get(lineId)!);
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
