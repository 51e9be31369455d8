import type { EventEnvelope, LedgerSide, Org, Resource, ReviewItem, Statement } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import type { BillableFact, LedgerLine } from './rules/ledger-lines';

/** Where billing's use cases keep and find things; data-access implements these. */

export interface PendingEvent {
  topic: string;
  event: EventEnvelope;
}

/** The append-only ledger: one document per line (both sides), keyed by the line's id. */
export interface LedgerStore {
  /** Inserts the line with its events; false when a line with that id exists (the fact was counted). */
  record(line: LedgerLine, events: PendingEvent[]): Promise<boolean>;
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
}

export interface ResourceDirectory {
  save(resource: Resource): Promise<void>;
  get(id: string): Promise<Resource | undefined>;
}

/**
 * A step run right after a charge line is recorded (or found recorded, on a redelivery), such as
 * applying usage credits or accruing a subsidy. Each must be idempotent: a crash between the line
 * and the step runs the step again when the fact is delivered again.
 */
export type AfterChargeStep = (deps: BillingDeps, line: LedgerLine) => Promise<void>;

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
  /** IANA zone whose calendar months are the billing periods. */
  timezone: string;
  clock: () => Date;
  newId: () => string;
  correlationId: () => string | undefined;
}
