import { z } from '../zod';
import { ledgerEntry } from './ledger';
import { statement } from './statement';
import { creditEventTypes, creditGrantEventData } from './credits';
import { subsidyEventTypes, subsidyPolicySetEventData, subsidySettledEventData } from './subsidy';

/**
 * Billing's events, on `topics.billing`: each ledger line once recorded (its consumer side, keyed
 * by the consumer org), each statement once issued (keyed by the org). Event ids are derived from
 * the line or the statement, so a relay that publishes twice publishes the same event.
 */
export const ledgerEventTypes = {
  lineRecorded: 'ledger.line-recorded.v1',
} as const;
export const statementEventTypes = {
  issued: 'statement.issued.v1',
} as const;

export const ledgerLineEventData = z.object({ entry: ledgerEntry, provider: ledgerEntry });
export type LedgerLineEventData = z.infer<typeof ledgerLineEventData>;

export const statementIssuedEventData = z.object({ statement });
export type StatementIssuedEventData = z.infer<typeof statementIssuedEventData>;

export const billingEventTypes = {
  ...ledgerEventTypes,
  ...statementEventTypes,
  ...creditEventTypes,
  ...subsidyEventTypes,
} as const;
export const billingEventData = z.union([
  ledgerLineEventData,
  statementIssuedEventData,
  creditGrantEventData,
  subsidyPolicySetEventData,
  subsidySettledEventData,
]);
