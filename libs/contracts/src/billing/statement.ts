import { orgKind } from '../inventory/org';
import { z } from '../zod';
import { utc } from '../common';
import { billingPeriod, ledgerKind } from './ledger';

/** One consumer-side ledger line as a statement shows it. */
export const statementLine = z
  .object({
    entryId: z.string(),
    kind: ledgerKind,
    bookingId: z.string(),
    resourceId: z.string(),
    counterpartyOrgId: z.string(),
    amount: z.number().int(),
    servicePeriod: billingPeriod,
    createdAt: utc,
    rateCardVersion: z.number().int().optional(),
    minutes: z.number().int().optional(),
  })
  .openapi('StatementLine');
export type StatementLine = z.infer<typeof statementLine>;

/**
 * What an org owes for one month: its consumer-side lines. `gross` sums charges (usage, fees,
 * adjustments), `credits` the usage credits applied (a positive figure), `net = gross − credits`,
 * `total = net`. An issued statement is numbered and immutable, with a snapshot of the org's data.
 */
export const statement = z
  .object({
    orgId: z.string(),
    period: billingPeriod,
    status: z.enum(['open', 'issued']),
    number: z.string().optional(),
    issuedAt: utc.optional(),
    org: z.object({ name: z.string(), kind: orgKind }).optional(),
    currency: z.string(),
    lines: z.array(statementLine),
    gross: z.number().int(),
    credits: z.number().int(),
    net: z.number().int(),
    total: z.number().int(),
  })
  .openapi('Statement');
export type Statement = z.infer<typeof statement>;

export const statementQuery = z.object({
  orgId: z.string().min(1).max(100),
  period: billingPeriod,
});

export const issueStatementBody = z
  .object({ orgId: z.string().min(1).max(100), period: billingPeriod })
  .strict()
  .openapi('IssueStatementBody');
export type IssueStatementBody = z.infer<typeof issueStatementBody>;
