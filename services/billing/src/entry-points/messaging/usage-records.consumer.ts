import { topics, usageRecordEventData, usageRecordTypes, type UsageRecord } from '@labshare/contracts';
import { batchHandlerFor, handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { recordUsage } from '../../domain/use-cases/record-usage';

/**
 * Access's usage records: each closed session charged once. Rated in runs of up to 500 records of
 * a partition (a few bulk writes for all of them); a run that fails is rated one record at a time.
 */
export function usageRecordsConsumer(deps: BillingDeps): ConsumerDefinition {
  const usageOf = (data: { usageRecord: UsageRecord }, eventId: string) => ({
    record: data.usageRecord,
    eventId,
  });
  return {
    groupId: 'billing.usage',
    topics: [topics.usage],
    handlers: handlersFor(usageRecordTypes, usageRecordEventData, (data, event) =>
      recordUsage(deps, [usageOf(data, event.id)]),
    ),
    batch: {
      size: 500,
      handle: batchHandlerFor(usageRecordTypes, usageRecordEventData, (items) =>
        recordUsage(
          deps,
          items.map(({ data, event }) => usageOf(data, event.id)),
        ),
      ),
    },
  };
}
