import { instant, utc } from '../common';
import { minorAmount, resourceKind } from '../inventory/resource';
import { z } from '../zod';
import { billingPeriod } from './ledger';

const fundingSource = z.string().trim().min(1).max(100).openapi({ example: 'lingang-innovation-voucher' });

/**
 * `POST /v1/credits/grants` (admin): a funding body's usage credit (innovation voucher) for a
 * consumer org. It covers that org's external charges, up to `coversPercent` of each, from sessions
 * ending at or before `expiresAt`, on the listed resource kinds (all when absent).
 */
export const createCreditGrantBody = z
  .object({
    orgId: z.string().trim().min(1).max(100),
    amount: minorAmount.refine((v) => v > 0, 'must be more than zero'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
      .default('CNY'),
    fundingSource,
    expiresAt: instant,
    coversPercent: z.number().int('must be a whole percentage').min(1).max(100).default(100),
    resourceKinds: z
      .array(resourceKind)
      .max(3)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a kind')
      .optional(),
  })
  .strict()
  .openapi('CreateCreditGrantBody');
export type CreateCreditGrantBody = z.output<typeof createCreditGrantBody>;

export const creditGrantStatuses = ['active', 'exhausted', 'expired'] as const;

/** A grant and what is left of it. `applied = amount − balance`; the balance never goes below zero. */
export const creditGrant = z
  .object({
    id: z.string(),
    orgId: z.string(),
    fundingSource: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    balance: z.number().int().min(0),
    applied: z.number().int().min(0),
    expiresAt: utc,
    coversPercent: z.number().int(),
    resourceKinds: z.array(resourceKind),
    status: z.enum(creditGrantStatuses),
    createdAt: utc,
    /** When the expiry scan closed it; what was left then stays in `balance`. */
    expiredAt: utc.optional(),
  })
  .openapi('CreditGrant');
export type CreditGrantView = z.infer<typeof creditGrant>;

export const creditsQuery = z.object({ orgId: z.string().min(1).max(100) }).strict();

/** `GET /v1/credits?orgId=`: the org's grants, earliest expiry first, and its spendable balance. */
export const creditBalances = z
  .object({
    orgId: z.string(),
    /** Sum of the balances of its active grants. */
    balance: z.number().int(),
    items: z.array(creditGrant),
  })
  .openapi('CreditBalances');
export type CreditBalances = z.infer<typeof creditBalances>;

export const redemptionsQuery = z
  .object({ period: billingPeriod, fundingSource: fundingSource.optional() })
  .strict();

/**
 * `GET /v1/credits/redemptions?period=&fundingSource=`: per funding source and provider, the credit
 * applied to the provider's charges in the period (by the charge's statement period): what the
 * funding body owes the provider. Sorted by funding source, then provider.
 */
export const redemptionLine = z
  .object({
    fundingSource: z.string(),
    providerOrgId: z.string(),
    currency: z.string(),
    amount: z.number().int(),
    redemptions: z.number().int().min(0),
    consumerOrgs: z.number().int().min(0),
  })
  .openapi('RedemptionLine');
export type RedemptionLineView = z.infer<typeof redemptionLine>;

export const redemptionReport = z
  .object({ period: billingPeriod, items: z.array(redemptionLine) })
  .openapi('RedemptionReport');
export type RedemptionReportView = z.infer<typeof redemptionReport>;

/**
 * Billing's own grant facts, on `topics.billing`, keyed by the consumer org, read back so a rebuilt
 * database has every grant (balances come back as the charges are rated again).
 */
export const creditEventTypes = { granted: 'credit.granted.v1', expired: 'credit.expired.v1' } as const;
export const creditGrantEventData = z.object({ grant: creditGrant });
export type CreditGrantEventData = z.infer<typeof creditGrantEventData>;
