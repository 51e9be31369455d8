import {
  creditEventTypes,
  ledgerEventTypes,
  newEvent,
  statementEventTypes,
  subsidyEventTypes,
  topics,
  type CreditGrantView,
  type Statement,
  type SubsidyLineView,
  type SubsidyPolicyView,
} from '@labshare/contracts';
import type { PendingEvent } from '../ports';
import { entryOf, type LedgerLine } from './ledger-lines';

/** When and on whose behalf events are raised: the decision's clock and the request's correlation id. */
export interface EventContext {
  now: number;
  correlationId?: string;
}

const source = 'labshare/billing';

/** A recorded line, keyed by the consumer org; its id is the line's, so a republish is the same event. */
export function lineRecordedEvent(line: LedgerLine, context: EventContext): PendingEvent {
  const event = newEvent({
    source,
    type: ledgerEventTypes.lineRecorded,
    subject: line.consumerOrgId,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { entry: entryOf(line, 'consumer'), provider: entryOf(line, 'provider') },
  });
  return { topic: topics.billing, event: { ...event, id: `ledger:${line.id}` } };
}

/** An issued statement, keyed by its org; a replay restores issued statements from these. */
export function statementIssuedEvent(statement: Statement, context: EventContext): PendingEvent {
  const event = newEvent({
    source,
    type: statementEventTypes.issued,
    subject: statement.orgId,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { statement },
  });
  return {
    topic: topics.billing,
    event: { ...event, id: `statement:${statement.orgId}:${statement.period}` },
  };
}

/** A provider's subsidy of a period, settled, with the usage records it froze: one id per provider and period. */
export function subsidySettledEvent(
  subsidy: SubsidyLineView,
  usageIds: string[],
  context: EventContext,
): PendingEvent {
  const event = newEvent({
    source,
    type: subsidyEventTypes.settled,
    subject: subsidy.providerOrgId,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { subsidy, usageIds },
  });
  return {
    topic: topics.billing,
    event: { ...event, id: `subsidy:${subsidy.providerOrgId}:${subsidy.period}` },
  };
}

/** A subsidy policy version, keyed by the period it starts in; one id per version. */
export function subsidyPolicySetEvent(policy: SubsidyPolicyView, context: EventContext): PendingEvent {
  const event = newEvent({
    source,
    type: subsidyEventTypes.policySet,
    subject: policy.period,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { policy },
  });
  return { topic: topics.billing, event: { ...event, id: `subsidy-policy:${policy.version}` } };
}

/** A usage-credit grant made or closed, keyed by its org; one id per grant and fact. */
export function creditGrantEvent(
  fact: keyof typeof creditEventTypes,
  grant: CreditGrantView,
  context: EventContext,
): PendingEvent {
  const event = newEvent({
    source,
    type: creditEventTypes[fact],
    subject: grant.orgId,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { grant },
  });
  return { topic: topics.billing, event: { ...event, id: `credit-${fact}:${grant.id}` } };
}
