import type { CreditGrantView, LedgerKind, resourceKinds } from '@labshare/contracts';
import { percentOf } from '@labshare/pricing';
import type { LedgerLine } from './ledger-lines';

/**
 * Usage credits (innovation vouchers): a funding body grants a consumer org an amount to spend on
 * other orgs' facilities. Pure decisions only; the repository applies an allocation with one
 * conditional write per grant (balance ≥ amount, charge not yet applied), so racing charges can
 * neither overdraw a grant nor apply one twice.
 *
 * Money is integer minor units (fen). Rounding rule: the covered part of a charge is
 * `coversPercent` % of it rounded half up to the fen (`percentOf` of `@labshare/pricing`, the same
 * rule as late-cancel fees), and never more than the charge.
 *
 * Expiry rule: a grant covers a charge whose session ended at or before `expiresAt` (the voucher is
 * valid through its expiry instant, as a qualification expiring exactly at a booking's end still
 * holds), and that was recorded at or after the grant was made (a voucher pays for use from its
 * grant on, not for what was charged before). Both are facts of the record, never when it arrives,
 * so a rebuild from the topics decides the same way.
 */

type ResourceKind = (typeof resourceKinds)[number];

export interface CreditGrant {
  id: string;
  orgId: string;
  fundingSource: string;
  /** Granted amount, minor units. */
  amount: number;
  /** What is left, minor units: amount minus everything applied. Never below zero. */
  balance: number;
  /** Epoch ms; covers sessions ending at or before it. */
  expiresAt: number;
  /** Whole percent 0–100 of each charge it may cover. */
  coversPercent: number;
  /** Absent or empty: every kind. */
  resourceKinds?: readonly ResourceKind[];
  /** Epoch ms: covers charges recorded from then on. */
  createdAt: number;
}

/** A charge written to the ledger that credits may cover. */
export interface CreditableCharge {
  /** The ledger line of the charge: the idempotency key of its credit lines. */
  ledgerId: string;
  consumerOrgId: string;
  providerOrgId: string;
  /** Minor units. */
  amount: number;
  resourceKind: ResourceKind;
  /** Epoch ms. */
  sessionEnd: number;
  /** Epoch ms: when the fact was recorded (the usage record's `recordedAt`). */
  recordedAt: number;
}

export interface CreditAllocation {
  grantId: string;
  fundingSource: string;
  /** Minor units, > 0. */
  amount: number;
}

/** Whether `grant` may cover `charge` at all (before looking at the balance). */
export function grantCovers(grant: CreditGrant, charge: CreditableCharge): boolean {
  const kinds = grant.resourceKinds ?? [];
  return (
    grant.orgId === charge.consumerOrgId &&
    charge.sessionEnd <= grant.expiresAt &&
    charge.recordedAt >= grant.createdAt &&
    (kinds.length === 0 || kinds.includes(charge.resourceKind))
  );
}

/** Earliest expiry first; ties by grant id so the order never depends on storage order. */
export function byExpiry(a: CreditGrant, b: CreditGrant): number {
  return a.expiresAt - b.expiresAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The `credit_applied` allocations for one charge. Only external charges (consumer ≠ provider) are
 * covered. Grants are drawn earliest expiry first; each grant may bring the charge's total cover up
 * to its own `coversPercent` of the charge (so a 50 % grant then a 100 % grant can cover it whole),
 * never beyond its balance and never beyond the charge. `applied` lists what this charge already
 * drew, so a retried attempt completes the cover instead of repeating it.
 */
export function creditAllocations(
  charge: CreditableCharge,
  grants: readonly CreditGrant[],
  applied: readonly Pick<CreditAllocation, 'grantId' | 'amount'>[] = [],
): CreditAllocation[] {
  if (charge.consumerOrgId === charge.providerOrgId || charge.amount <= 0) return [];
  const allocations: CreditAllocation[] = [];
  // What earlier attempts for this charge already drew (cut short by a crash or a lost race) counts
  // as covered, and those grants are not drawn on again for it.
  let covered = applied.reduce((sum, a) => sum + a.amount, 0);
  const drawn = new Set(applied.map((a) => a.grantId));
  const candidates = grants.filter((g) => !drawn.has(g.id) && g.balance > 0 && grantCovers(g, charge));
  for (const grant of candidates.sort(byExpiry)) {
    const ceiling = Math.min(charge.amount, percentOf(charge.amount, grant.coversPercent));
    const amount = Math.min(grant.balance, ceiling - covered);
    if (amount <= 0) continue;
    allocations.push({ grantId: grant.id, fundingSource: grant.fundingSource, amount });
    covered += amount;
  }
  return allocations;
}

/** A `credit_applied` ledger line as the redemption report reads it. */
export interface CreditRedemption {
  fundingSource: string;
  providerOrgId: string;
  consumerOrgId: string;
  /** Minor units. */
  amount: number;
}

export interface RedemptionLine {
  fundingSource: string;
  providerOrgId: string;
  /** What the funding body owes the provider: the sum of credit applied to its charges. */
  amount: number;
  /** Credit lines summed. */
  redemptions: number;
  /** Distinct consumer orgs whose vouchers were redeemed there. */
  consumerOrgs: number;
}

/**
 * What each funding body owes each provider in a period: credit lines summed per funding source
 * and provider, sorted by funding source then provider, so the report is byte-identical however
 * the lines were stored or delivered.
 */
export function redemptionLines(lines: readonly CreditRedemption[]): RedemptionLine[] {
  const groups = new Map<string, { line: RedemptionLine; consumers: Set<string> }>();
  for (const { fundingSource, providerOrgId, consumerOrgId, amount } of lines) {
    const key = JSON.stringify([fundingSource, providerOrgId]);
    const group = groups.get(key) ?? {
      line: { fundingSource, providerOrgId, amount: 0, redemptions: 0, consumerOrgs: 0 },
      consumers: new Set<string>(),
    };
    group.line.amount += amount;
    group.line.redemptions += 1;
    group.consumers.add(consumerOrgId);
    group.line.consumerOrgs = group.consumers.size;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => g.line)
    .sort((a, b) => compare(a.fundingSource, b.fundingSource) || compare(a.providerOrgId, b.providerOrgId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type CreditGrantStatus = 'active' | 'exhausted' | 'expired';

/** Expired once the expiry scan closed it; exhausted when nothing is left; active otherwise. */
export function grantStatus(grant: Pick<CreditGrant, 'balance'> & { expiredAt?: number }): CreditGrantStatus {
  if (grant.expiredAt !== undefined) return 'expired';
  return grant.balance === 0 ? 'exhausted' : 'active';
}

/** The expiry scan closes a grant strictly after its expiry instant (it still covers sessions ending then). */
export function isDueForExpiry(
  grant: Pick<CreditGrant, 'expiresAt'> & { expiredAt?: number },
  now: number,
): boolean {
  return grant.expiredAt === undefined && now > grant.expiresAt;
}

/** Kinds of line a credit may cover: charges, never credits or subsidies. */
const coverableKinds: readonly LedgerKind[] = ['usage', 'late_cancel_fee', 'no_show_fee', 'adjustment'];

/** The charge a ledger line is, for the credit rules: undefined when credits never cover it. */
export function creditableChargeOf(
  line: LedgerLine,
  resourceKind: ResourceKind,
  sessionEnd: number,
): CreditableCharge | undefined {
  // A line's `createdAt` is its fact's own time (the usage record's `recordedAt`).
  if (!coverableKinds.includes(line.kind) || line.amount <= 0) return undefined;
  return {
    ledgerId: line.id,
    consumerOrgId: line.consumerOrgId,
    providerOrgId: line.providerOrgId,
    amount: line.amount,
    resourceKind,
    sessionEnd,
    recordedAt: line.createdAt,
  };
}

/**
 * The `credit_applied` line of one draw: negative (it reduces what the consumer owes and what the
 * provider collects from it; the funding body pays that part), in the charge's period, its id
 * derived from the charge and the grant so it is written once however often the step runs.
 */
export function creditLineOf(charge: LedgerLine, grantId: string, amount: number): LedgerLine {
  return {
    id: `credit:${charge.id}:${grantId}`,
    kind: 'credit_applied',
    consumerOrgId: charge.consumerOrgId,
    providerOrgId: charge.providerOrgId,
    amount: -amount,
    currency: charge.currency,
    bookingId: charge.bookingId,
    resourceId: charge.resourceId,
    period: charge.period,
    servicePeriod: charge.servicePeriod,
    createdAt: charge.createdAt,
    sourceEventId: charge.sourceEventId,
  };
}

/** A grant as the API shows it. */
export function grantView(
  grant: CreditGrant & { currency: string; createdAt: number; expiredAt?: number },
): CreditGrantView {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: grant.id,
    orgId: grant.orgId,
    fundingSource: grant.fundingSource,
    amount: grant.amount,
    currency: grant.currency,
    balance: grant.balance,
    applied: grant.amount - grant.balance,
    expiresAt: iso(grant.expiresAt),
    coversPercent: grant.coversPercent,
    resourceKinds: [...(grant.resourceKinds ?? [])],
    status: grantStatus(grant),
    createdAt: iso(grant.createdAt),
    ...(grant.expiredAt !== undefined ? { expiredAt: iso(grant.expiredAt) } : {}),
  };
}
