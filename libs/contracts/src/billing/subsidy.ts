import { minorAmount } from '../inventory/resource';
import { z } from '../zod';
import { utc } from '../common';
import { billingPeriod } from './ledger';

/** A multiplier with at most two decimals (held exactly as hundredths), 0–100. */
const multiplier = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'must have at most two decimals');

/**
 * `PUT /v1/subsidy/policy` (admin): the open-resource subsidy for `period` (default: the current
 * one) and the periods after it until the next change. Each PUT is a new version; accruals record
 * the version they were computed with.
 */
const policyShape = {
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  /** Minor units per hour of external use. */
  perHour: z.object({ lab: minorAmount, equipment: minorAmount, classroom: minorAmount }).strict(),
  consumerMultiplier: z
    .object({
      university: multiplier,
      enterprise: multiplier,
      training_body: multiplier,
      government: multiplier,
      other: multiplier,
    })
    .strict(),
  /** The most one provider is paid for one period, minor units. */
  capPerProvider: minorAmount,
};

export const subsidyPolicyBody = z
  .object({ period: billingPeriod.optional(), ...policyShape })
  .strict()
  .openapi('SubsidyPolicyBody');
export type SubsidyPolicyBody = z.infer<typeof subsidyPolicyBody>;

/** A stored policy version: effective from `period` until a version for a later period. */
export const subsidyPolicy = z
  .object({ period: billingPeriod, ...policyShape, version: z.number().int().min(1), createdAt: utc })
  .openapi('SubsidyPolicy');
export type SubsidyPolicyView = z.infer<typeof subsidyPolicy>;

export const subsidiesQuery = z
  .object({ period: billingPeriod, providerOrgId: z.string().min(1).max(100).optional() })
  .strict();

/**
 * One provider's subsidy for one period: external use only; `accrued` before the cap, `capped` cut
 * by it (applied in order of session end, then usage id), `payable = accrued − capped`. A settled
 * line is frozen; usage arriving later accrues to the next period.
 */
export const subsidyLine = z
  .object({
    providerOrgId: z.string(),
    period: billingPeriod,
    currency: z.string(),
    externalMinutes: z.number().int().min(0),
    sessions: z.number().int().min(0),
    consumerOrgs: z.number().int().min(0),
    accrued: z.number().int().min(0),
    capped: z.number().int().min(0),
    payable: z.number().int().min(0),
    status: z.enum(['accruing', 'settled']),
    settledAt: utc.optional(),
  })
  .openapi('SubsidyLine');
export type SubsidyLineView = z.infer<typeof subsidyLine>;

export const subsidyReport = z.object({ items: z.array(subsidyLine) }).openapi('SubsidyReport');
export type SubsidyReportView = z.infer<typeof subsidyReport>;

/** `POST /v1/subsidies/settle` (admin): settles one provider, or every provider with accruals. */
export const settleSubsidiesBody = z
  .object({ period: billingPeriod, providerOrgId: z.string().min(1).max(100).optional() })
  .strict()
  .openapi('SettleSubsidiesBody');
export type SettleSubsidiesBody = z.infer<typeof settleSubsidiesBody>;

/**
 * On `topics.billing`: each policy version (keyed by its period), and each settlement once per
 * provider and period (keyed by the provider) with the usage records it froze, so a rebuilt
 * database restores both and puts those records back in the settled period.
 */
export const subsidyEventTypes = {
  policySet: 'subsidy.policy-set.v1',
  settled: 'subsidy.settled.v1',
} as const;
export const subsidyPolicySetEventData = z.object({ policy: subsidyPolicy });
export type SubsidyPolicySetEventData = z.infer<typeof subsidyPolicySetEventData>;
export const subsidySettledEventData = z.object({ subsidy: subsidyLine, usageIds: z.array(z.string()) });
export type SubsidySettledEventData = z.infer<typeof subsidySettledEventData>;
