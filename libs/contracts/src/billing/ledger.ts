import { customerCategories } from '../inventory/org';
import { z } from '../zod';
import { utc } from '../common';

/** A calendar month in the billing time zone, `YYYY-MM`. */
export const billingPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
  .openapi('BillingPeriod', { example: '2026-12' });
export type BillingPeriod = z.infer<typeof billingPeriod>;

export const ledgerKinds = [
  'usage',
  'late_cancel_fee',
  'no_show_fee',
  'credit_applied',
  'subsidy',
  'adjustment',
] as const;
export const ledgerKind = z.enum(ledgerKinds).openapi('LedgerKind');
export type LedgerKind = z.infer<typeof ledgerKind>;

/** The consumer side is what an org is charged; the provider side what an org earns. */
export const ledgerSides = ['consumer', 'provider'] as const;
export const ledgerSide = z.enum(ledgerSides).openapi('LedgerSide');
export type LedgerSide = z.infer<typeof ledgerSide>;

/**
 * One side of an append-only ledger line. Each line has both sides with the same `id`: the
 * consumer's charge and the provider's earning. `id` is derived from the source event's id and the
 * line's kind, so a fact delivered twice is counted once. A correction is a new line whose
 * `corrects` names the line it corrects; a line is never edited or deleted.
 */
export const ledgerEntry = z
  .object({
    id: z.string(),
    orgId: z.string(),
    counterpartyOrgId: z.string(),
    side: ledgerSide,
    kind: ledgerKind,
    /** Integer minor units; what the consumer owes and the provider earns (negative reverses). */
    amount: z.number().int(),
    currency: z.string(),
    bookingId: z.string(),
    resourceId: z.string(),
    /** The statement month this line counts in; a late line counts in the next open month. */
    period: billingPeriod,
    /** The month of the session's end, where the line would have counted had it not come late. */
    servicePeriod: billingPeriod,
    /** The fact's own time (the usage record or the booking change), so a replay gives the same line. */
    createdAt: utc,
    sourceEventId: z.string(),
    /** The rate card version (the resource version) and customer category the charge was priced on. */
    rateCardVersion: z.number().int().min(1).optional(),
    category: z.enum(customerCategories).optional(),
    /** The minutes the rate was applied to (after increment and minimum). */
    minutes: z.number().int().min(0).optional(),
    /** The line this one corrects. */
    corrects: z.string().optional(),
  })
  .openapi('LedgerEntry');
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const ledgerQuery = z.object({
  orgId: z.string().min(1).max(100),
  period: billingPeriod,
  side: ledgerSide.default('consumer'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const ledgerCsvQuery = ledgerQuery.omit({ limit: true, cursor: true });

export const ledgerPage = z
  .object({
    items: z.array(ledgerEntry),
    nextCursor: z.string().nullable(),
    /** Sum of `amount` over every entry of the query (all pages). */
    total: z.number().int(),
  })
  .openapi('LedgerPage');
export type LedgerPage = z.infer<typeof ledgerPage>;

/** What a fact waits for before it can be rated. */
export const reviewReasons = ['unknown_resource', 'unknown_provider_org', 'unknown_consumer_org'] as const;

/**
 * A fact billing could not match to a known org or resource: kept, never dropped, and rated when
 * the missing record's event arrives.
 */
export const reviewItem = z
  .object({
    id: z.string(),
    kind: z.enum(['usage', 'late_cancel_fee', 'no_show_fee']),
    sourceEventId: z.string(),
    bookingId: z.string(),
    resourceId: z.string(),
    providerOrgId: z.string(),
    consumerOrgId: z.string(),
    reasons: z.array(z.enum(reviewReasons)),
    status: z.enum(['pending', 'rated']),
    receivedAt: utc,
  })
  .openapi('LedgerReviewItem');
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewQuery = z.object({
  status: z.enum(['pending', 'rated']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
