import type { UsageRecord } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { rateFact } from '../support/rate-fact';

/** Access closed a session: its usage is charged to the consumer org and earned by the provider. */
export async function recordUsage(deps: BillingDeps, record: UsageRecord, eventId: string): Promise<void> {
  await rateFact(deps, { kind: 'usage', sourceEventId: eventId, record });
}
