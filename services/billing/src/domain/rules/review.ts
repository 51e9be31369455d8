import type { ReviewItem } from '@labshare/contracts';
import { lineIdOf, partiesOf, type BillableFact } from './ledger-lines';

export type ReviewReason = ReviewItem['reasons'][number];

/** What billing knows of the fact's parties (from its read models). */
export interface KnownParties {
  resource: boolean;
  providerOrg: boolean;
  consumerOrg: boolean;
}

/** Why a fact cannot be rated yet: the records it names that billing has not learnt of. */
export function missingFor(known: KnownParties): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (!known.resource) reasons.push('unknown_resource');
  if (!known.providerOrg) reasons.push('unknown_provider_org');
  if (!known.consumerOrg) reasons.push('unknown_consumer_org');
  return reasons;
}

/** The review item that keeps an unmatched fact until the missing records arrive. */
export function reviewItemOf(fact: BillableFact, reasons: ReviewReason[], receivedAt: number): ReviewItem {
  return {
    id: lineIdOf(fact),
    kind: fact.kind,
    sourceEventId: fact.sourceEventId,
    ...partiesOf(fact),
    reasons,
    status: 'pending',
    receivedAt: new Date(receivedAt).toISOString(),
  };
}
