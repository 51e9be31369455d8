import type {
  Booking,
  EventEnvelope,
  LedgerSide,
  Org,
  Resource,
  ReviewItem,
  Statement,
} from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import type { CreditGrant } from './rules/credits';
import type { BillableFact, LedgerLine } from './rules/ledger-lines';
import type { OpenUseSession } from './rules/open-use';
import type { SubsidyAccrual, SubsidyLine, SubsidyPolicy } from './rules/subsidy';

/** Where billing's use cases keep and find things; data-access implements these. */

export interface PendingEvent {
  topic: string;
  event: EventEnvelope;
}

/** The append-only ledger: one document per line (both sides), keyed by the line's id. */
export interface LedgerStore {
  /** Inserts the line with its events; false when a line with that id exists (the fact was counted). */
  record(line: LedgerLine, events: PendingEvent[]): Promise<boolean>;
  /** `record` for many lines in one write: for each, in order, whether this call inserted it. */
  recordMany(entries: { line: LedgerLine; events: PendingEvent[] }[]): Promise<boolean[]>;
  get(id: string): Promise<LedgerLine | undefined>;
  /** Those of the lines that are written, in id order. */
  byIds(ids: string[]): Promise<LedgerLine[]>;
  /** One side's lines of an org in a period, in id order after `page.after`. */
  list(orgId: string, side: LedgerSide, period: string, page: PageRequest<string>): Promise<LedgerLine[]>;
  /** Sum of the amounts `list` would page through. */
  total(orgId: string, side: LedgerSide, period: string): Promise<number>;
  /** Consumer orgs with lines in a period (those with a statement to issue). */
  consumersIn(period: string): Promise<string[]>;
}

/** Facts billing could not match yet, with the fact itself, until the missing records arrive. */
export interface ReviewStore {
  /** Keeps the item (once per id; a repeat refreshes its reasons while it is pending). */
  hold(item: ReviewItem, fact: BillableFact): Promise<void>;
  /** Pending facts that name this org or resource. */
  pendingNaming(ref: { orgId?: string; resourceId?: string }): Promise<BillableFact[]>;
  markRated(id: string): Promise<void>;
  list(status: ReviewItem['status'], page: PageRequest<string>): Promise<ReviewItem[]>;
}

/**
 * Statements, one per org and period: open (admitting lines), closing (admitting none, being
 * issued), issued (numbered, immutable). Which lines a statement holds is decided by one document,
 * so a line is either in an issued statement or counts in a later period, never neither.
 */
export interface StatementStore {
  /** The issued statement, if that period was issued. */
  get(orgId: string, period: string): Promise<Statement | undefined>;
  /** Counts the line in the period if it still admits lines (or counts it already): false once it closed without it. */
  admit(orgId: string, period: string, lineId: string): Promise<boolean>;
  /** Counts all the lines in the period in one write if it is open: false (none counted here) otherwise. */
  admitAll(orgId: string, period: string, lineIds: string[]): Promise<boolean>;
  /** Stops the period admitting lines (idempotent) and gives the ids of those it admitted. */
  close(orgId: string, period: string): Promise<string[]>;
  /** The next number of a period's sequence (restored statements push it past theirs). */
  nextSequence(period: string): Promise<number>;
  /** Stores the issued statement with its events; false when that org's period was issued already. */
  issue(statement: Statement, events: PendingEvent[]): Promise<boolean>;
}

/** Billing's own issued-statement events, as the statements consumer restores them. */
export interface StatementLog {
  /** Resolves once every statement issued before this process started is restored here. */
  restored(): Promise<void>;
}

/** Inventory's orgs and resources as billing knows them, from their snapshot events. */
export interface OrgDirectory {
  save(org: Org): Promise<void>;
  get(id: string): Promise<Org | undefined>;
  getMany(ids: string[]): Promise<Map<string, Org>>;
}

export interface ResourceDirectory {
  save(resource: Resource): Promise<void>;
  get(id: string): Promise<Resource | undefined>;
  getMany(ids: string[]): Promise<Map<string, Resource>>;
}

/** A charge line as recorded (or found recorded) and the fact it charges. */
export interface Charged {
  line: LedgerLine;
  fact: BillableFact;
}

/**
 * A step run right after charge lines are recorded (or found recorded, on a redelivery), such as
 * applying usage credits or accruing a subsidy: given the lines of a batch in rating order, so it
 * can read what they share once. Each must be idempotent: a crash between the lines and the step
 * runs the step again when the facts are delivered again.
 */
export type AfterChargeStep = (deps: BillingDeps, charged: Charged[]) => Promise<void>;

/** A draw of one charge on one grant: what the redemption report sums. */
export interface CreditApplication {
  /** The charge's ledger line id: a grant is drawn once per charge. */
  chargeId: string;
  amount: number;
  providerOrgId: string;
  consumerOrgId: string;
  /** The charge's statement period. */
  period: string;
  appliedAt: number;
  /** The charge was reversed by a correction and the amount given back to the grant. */
  returnedAt?: number;
}

/** A usage-credit grant as stored, with every draw on it. */
export interface StoredCreditGrant extends CreditGrant {
  currency: string;
  createdAt: number;
  expiredAt?: number;
  applications: CreditApplication[];
}

/** Credit grants: one document each, drawn by one conditional write per draw. */
export interface CreditGrantStore {
  insert(grant: StoredCreditGrant, events: PendingEvent[]): Promise<boolean>;
  ofOrg(orgId: string): Promise<StoredCreditGrant[]>;
  /** Those of the orgs that hold any grant. */
  orgsWithGrants(orgIds: string[]): Promise<Set<string>>;
  /**
   * Draws `application.amount` iff the balance still covers it and this charge has not drawn on the
   * grant yet (one conditional write): false otherwise, and nothing changed.
   */
  draw(grantId: string, application: CreditApplication): Promise<boolean>;
  /**
   * Gives a charge's draw back to the grant iff it is drawn and not given back yet (one conditional
   * write); the draw stays listed as returned, so the charge is never drawn again.
   */
  giveBack(grantId: string, chargeId: string, amount: number, at: number): Promise<boolean>;
  /** Grants with draws in a period (and of a funding source). */
  redeemedIn(period: string, fundingSource?: string): Promise<StoredCreditGrant[]>;
  /** Grants not yet closed whose expiry is before `now`. */
  dueForExpiry(now: number): Promise<StoredCreditGrant[]>;
  /** Closes it iff not closed yet. */
  markExpired(id: string, at: number, events: PendingEvent[]): Promise<boolean>;
}

/** A subsidy policy version, effective from `period` until a version for a later period. */
export interface StoredSubsidyPolicy extends SubsidyPolicy {
  period: string;
  createdAt: number;
}

export interface SubsidyPolicyStore {
  latestVersion(): Promise<number>;
  /** Stores it iff its version is new: false when another write took that version. */
  insert(policy: StoredSubsidyPolicy, events: PendingEvent[]): Promise<boolean>;
  /**
   * The policy of the latest `period` ≤ the one asked (newest version among equals), among the
   * versions set by `asOf` (a usage record's own time, so a rebuild picks the same version).
   */
  forPeriod(period: string, asOf: number): Promise<StoredSubsidyPolicy | undefined>;
  /** Every version for a period ≤ the one asked: `policyInForce` picks among them. */
  versionsUpTo(period: string): Promise<StoredSubsidyPolicy[]>;
}

/** One provider's subsidy in one period: its accruals, then (once settled) the frozen figures. */
export interface SubsidyPeriod {
  providerOrgId: string;
  period: string;
  version: number;
  accruals: SubsidyAccrual[];
  settled?: SettledSubsidy;
}

export interface SettledSubsidy extends SubsidyLine {
  currency: string;
  settledAt: number;
  /** The usage records whose accruals it froze. */
  usageIds: string[];
}

export interface SubsidyStore {
  /** The accrual of a usage record, wherever it landed. */
  accrualOf(usageId: string): Promise<SubsidyAccrual | undefined>;
  settledPeriods(providerOrgId: string): Promise<Set<string>>;
  /** The settled period that froze this usage record (a settlement restored before its accrual). */
  settledWith(usageId: string): Promise<string | undefined>;
  /**
   * Adds it iff the period lacks it and is not settled, or was settled with it (one conditional
   * write).
   */
  accrue(accrual: SubsidyAccrual): Promise<boolean>;
  /**
   * Marks a usage record's accrual withdrawn by the record that corrects it, iff its period is not
   * settled (one conditional write, which moves the period's version): false when there is none to
   * withdraw there.
   */
  withdraw(usageId: string, byUsageId: string): Promise<boolean>;
  periods(period: string, providerOrgId?: string): Promise<SubsidyPeriod[]>;
  /** Freezes the period iff it is still at `expectedVersion` and unsettled (creating it if absent). */
  settle(subsidy: SettledSubsidy, expectedVersion: number, events: PendingEvent[]): Promise<boolean>;
}

/** What the open-use report reads: shared resources, their bookings, and used sessions. */
export interface OpenUseSources {
  sharedResources(): Promise<Resource[]>;
  bookingsOverlapping(resourceIds: string[], range: { start: number; end: number }): Promise<Booking[]>;
  /** Records a closed session once (keyed by its usage record id). */
  recordSessions(sessions: (OpenUseSession & { usageId: string; period: string })[]): Promise<void>;
  sessionsIn(period: string): Promise<OpenUseSession[]>;
}

/** Booking's bookings as billing knows them (for the open-use report), from their snapshot events. */
export interface BookingDirectory {
  save(booking: Booking): Promise<void>;
}

/** What billing's use cases run on. */
export interface BillingDeps {
  ledger: LedgerStore;
  reviews: ReviewStore;
  statements: StatementStore;
  statementLog: StatementLog;
  orgs: OrgDirectory;
  resources: ResourceDirectory;
  /** Steps after each charge line, in order (credits, subsidies). */
  afterCharge: AfterChargeStep[];
  credits: CreditGrantStore;
  subsidyPolicies: SubsidyPolicyStore;
  subsidies: SubsidyStore;
  openUse: OpenUseSources;
  bookings: BookingDirectory;
  /** IANA zone whose calendar months are the billing periods. */
  timezone: string;
  clock: () => Date;
  newId: () => string;
  correlationId: () => string | undefined;
}
