import type { UsageRecord } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { rateFacts } from '../support/rate-fact';

/**
 * Access closed sessions: their usage is charged to the consumer orgs and earned by the providers
 * (a batch of records as the topic delivers them, in offset order).
 */
export async function recordUsage(
  deps: BillingDeps,
  usages: { record: UsageRecord; eventId: string }[],
): Promise<void> {
  await rateFacts(
    deps,
    usages.map(({ record, eventId }) => ({ kind: 'usage', sourceEventId: eventId, record })),
  );
}
