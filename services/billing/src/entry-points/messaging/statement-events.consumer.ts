import {
  creditEventTypes,
  creditGrantEventData,
  statementEventTypes,
  statementIssuedEventData,
  subsidyEventTypes,
  subsidyPolicySetEventData,
  subsidySettledEventData,
  topics,
} from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { restoreCreditGrant } from '../../domain/use-cases/restore-credit-grant';
import { restoreIssuedStatement } from '../../domain/use-cases/restore-issued-statement';
import { restoreSubsidyPolicy } from '../../domain/use-cases/restore-subsidy-policy';
import { restoreSubsidySettlement } from '../../domain/use-cases/restore-subsidy-settlement';

/**
 * Billing's own facts read back (issued statements, credit grants, subsidy policies and
 * settlements), so a rebuilt database gets them as they were made; rating waits for this group.
 */
export function statementEventsConsumer(deps: BillingDeps, groupId: string): ConsumerDefinition {
  return {
    groupId,
    topics: [topics.billing],
    handlers: {
      ...handlersFor(statementEventTypes, statementIssuedEventData, (data) =>
        restoreIssuedStatement(deps, data.statement),
      ),
      ...handlersFor(creditEventTypes, creditGrantEventData, (data) => restoreCreditGrant(deps, data.grant)),
      ...handlersFor([subsidyEventTypes.policySet], subsidyPolicySetEventData, (data) =>
        restoreSubsidyPolicy(deps, data.policy),
      ),
      ...handlersFor([subsidyEventTypes.settled], subsidySettledEventData, (data) =>
        restoreSubsidySettlement(deps, data.subsidy, data.usageIds),
      ),
    },
  };
}
