import { topics, usageRecordEventData, usageRecordTypes } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { recordUsage } from '../../domain/use-cases/record-usage';

/** Access's usage records: each closed session charged once. */
export function usageRecordsConsumer(deps: BillingDeps): ConsumerDefinition {
  return {
    groupId: 'billing.usage',
    topics: [topics.usage],
    // Each fact is rated on its own (its line id, its statement admission): order does not matter.
    concurrency: 16,
    handlers: handlersFor(usageRecordTypes, usageRecordEventData, (data, event) =>
      recordUsage(deps, data.usageRecord, event.id),
    ),
  };
}
