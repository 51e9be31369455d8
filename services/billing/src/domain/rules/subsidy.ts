import type { orgKinds, resourceKinds, SubsidyLineView } from '@labshare/contracts';

/**
 * Open-resource subsidy (seed task 15: the zone supports schools and firms that open their
 * facilities to others, by how much they are used). Pure decisions; the repository stores one
 * accrual per usage record (keyed by its id) and the settled snapshot per provider and period.
 *
 * Money is integer minor units (fen). Rounding rule: each session's accrual is
 * minutes × perHour[resource kind] × multiplier[consumer kind] / 60, computed in integers (the
 * multiplier in hundredths) and rounded half up to the fen once, per session; report figures are
 * sums of those whole amounts, so every line of a report can be recomputed by hand.
 */

type ResourceKind = (typeof resourceKinds)[number];
type OrgKind = (typeof orgKinds)[number];

export interface SubsidyPolicy {
  /** Grows by one with every change; each accrual records the version it was computed with. */
  version: number;
  currency: string;
  /** Minor units per hour of external use, by resource kind. */
  perHour: Record<ResourceKind, number>;
  /** By consumer org kind; a decimal with at most two places (1.25), held exactly as hundredths. */
  consumerMultiplier: Record<OrgKind, number>;
  /** Most a provider is paid per period, minor units. */
  capPerProvider: number;
}

/** What the subsidy reads from a usage record. */
export interface SubsidisedUsage {
  usageId: string;
  providerOrgId: string;
  consumerOrgId: string;
  consumerKind: OrgKind;
  resourceKind: ResourceKind;
  minutes: number;
  /** Session end, epoch ms: orders the cap. */
  end: number;
}

export interface SubsidyAccrual {
  usageId: string;
  providerOrgId: string;
  consumerOrgId: string;
  /** `YYYY-MM` the accrual counts in (the session's period, or a later one once that is settled). */
  period: string;
  minutes: number;
  end: number;
  /** Before the cap, minor units. */
  amount: number;
  policyVersion: number;
  /** The usage record that corrected this one: the accrual no longer counts. */
  withdrawnBy?: string;
}

/** A multiplier as an exact integer number of hundredths (1.25 → 125). */
/**
 * The policy a usage record accrues under: the version for the latest period ≤ the record's (the
 * newest version among equals), among those set by `asOf` (the record's own time, so a rebuild
 * from the topics picks the same one).
 */
export function policyInForce<P extends { version: number; period: string; createdAt: number }>(
  versions: readonly P[],
  period: string,
  asOf: number,
): P | undefined {
  let chosen: P | undefined;
  for (const candidate of versions) {
    if (candidate.period > period || candidate.createdAt > asOf) continue;
    if (
      !chosen ||
      candidate.period > chosen.period ||
      (candidate.period === chosen.period && candidate.version > chosen.version)
    )
      chosen = candidate;
  }
  return chosen;
}

export function hundredths(multiplier: number): number {
  return Math.round(multiplier * 100);
}

/** minutes/60 × perHour × multiplier, rounded half up to the fen. */
export function accrualAmount(usage: SubsidisedUsage, policy: SubsidyPolicy): number {
  const numerator =
    usage.minutes *
    policy.perHour[usage.resourceKind] *
    hundredths(policy.consumerMultiplier[usage.consumerKind]);
  return divideRoundHalfUp(numerator, 60 * 100);
}

/**
 * The accrual of one usage record, or `undefined` for internal use (consumer = provider), which
 * never accrues. `period` is where it counts (see `accrualPeriod`).
 */
export function accrue(
  usage: SubsidisedUsage,
  policy: SubsidyPolicy,
  period: string,
): SubsidyAccrual | undefined {
  if (usage.consumerOrgId === usage.providerOrgId) return undefined;
  return {
    usageId: usage.usageId,
    providerOrgId: usage.providerOrgId,
    consumerOrgId: usage.consumerOrgId,
    period,
    minutes: usage.minutes,
    end: usage.end,
    amount: accrualAmount(usage, policy),
    policyVersion: policy.version,
  };
}

/** The calendar month after `YYYY-MM`. */
export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Where usage of `usagePeriod` accrues for its provider: that period, or, when it is already settled,
 * the first later one that is not (usage after settlement lands in the next open period).
 */
export function accrualPeriod(usagePeriod: string, settled: ReadonlySet<string>): string {
  let period = usagePeriod;
  while (settled.has(period)) period = nextPeriod(period);
  return period;
}

export interface CappedAccrual extends SubsidyAccrual {
  /** The part paid, minor units. */
  payable: number;
  /** The part cut by the cap: amount − payable. */
  capped: number;
}

/**
 * The cap, applied deterministically: accruals in order of session end, then usage id, are paid in
 * full while the running total stays within `cap`; the one that crosses it is paid the remainder
 * (a partial accrual), every later one nothing. Arrival order never matters.
 */
export function applyCap(accruals: readonly SubsidyAccrual[], cap: number): CappedAccrual[] {
  let paid = 0;
  return [...accruals].sort(byEndThenId).map((accrual) => {
    const payable = Math.max(0, Math.min(accrual.amount, cap - paid));
    paid += payable;
    return { ...accrual, payable, capped: accrual.amount - payable };
  });
}

export type SubsidyStatus = 'accruing' | 'settled';

export interface SubsidyLine {
  providerOrgId: string;
  period: string;
  externalMinutes: number;
  sessions: number;
  /** Distinct consumer orgs. */
  consumerOrgs: number;
  /** Before the cap. */
  accrued: number;
  /** Cut by the cap. */
  capped: number;
  /** accrued − capped. */
  payable: number;
  status: SubsidyStatus;
}

/** One provider's figures for one period, from its accruals there. */
/** The accruals that count: those no correction withdrew. */
export function standingAccruals(accruals: readonly SubsidyAccrual[]): SubsidyAccrual[] {
  return accruals.filter((a) => a.withdrawnBy === undefined);
}

export function subsidyLineOf(
  providerOrgId: string,
  period: string,
  accruals: readonly SubsidyAccrual[],
  cap: number,
  status: SubsidyStatus,
): SubsidyLine {
  const capped = applyCap(standingAccruals(accruals), cap);
  const sum = (pick: (a: CappedAccrual) => number) => capped.reduce((total, a) => total + pick(a), 0);
  return {
    providerOrgId,
    period,
    externalMinutes: sum((a) => a.minutes),
    sessions: capped.length,
    consumerOrgs: new Set(capped.map((a) => a.consumerOrgId)).size,
    accrued: sum((a) => a.amount),
    capped: sum((a) => a.capped),
    payable: sum((a) => a.payable),
    status,
  };
}

function byEndThenId(a: SubsidyAccrual, b: SubsidyAccrual): number {
  return a.end - b.end || (a.usageId < b.usageId ? -1 : a.usageId > b.usageId ? 1 : 0);
}

function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** A settled subsidy as the API and its event show it. */
export function settledView(settled: SubsidyLine & { currency: string; settledAt: number }): SubsidyLineView {
  return subsidyView(settled, settled.currency, settled.settledAt);
}

/**
 * A subsidy line as the API and the events show it, its fields always in one order, so a report
 * rebuilt from the topics is byte-identical to the one it replaces.
 */
export function subsidyView(line: SubsidyLine, currency: string, settledAt?: number): SubsidyLineView {
  return {
    providerOrgId: line.providerOrgId,
    period: line.period,
    currency,
    externalMinutes: line.externalMinutes,
    sessions: line.sessions,
    consumerOrgs: line.consumerOrgs,
    accrued: line.accrued,
    capped: line.capped,
    payable: line.payable,
    status: line.status,
    ...(settledAt !== undefined ? { settledAt: new Date(settledAt).toISOString() } : {}),
  };
}
