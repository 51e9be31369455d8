import { statementEventTypes, statementIssuedEventData, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { restoreIssuedStatement } from '../../domain/use-cases/restore-issued-statement';

/** Billing's own issued statements, read back, so a rebuilt database gets them as they were issued. */
export function statementEventsConsumer(deps: BillingDeps, groupId: string): ConsumerDefinition {
  return {
    groupId,
    topics: [topics.billing],
    handlers: handlersFor(statementEventTypes, statementIssuedEventData, (data) =>
      restoreIssuedStatement(deps, data.statement),
    ),
  };
}
