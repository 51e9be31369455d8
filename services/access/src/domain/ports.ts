import type {
  Booking,
  EventEnvelope,
  PassClaims,
  PublicJwk,
  Qualification,
  Resource,
} from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import type { PassRecord } from './rules/revocation';
import type { ClosedSession, SessionState } from './rules/sessions';

/** Where access's use cases keep and find things; data-access implements these. */

export interface PendingEvent {
  topic: string;
  event: EventEnvelope;
}

export interface QualificationFilter {
  orgId?: string;
  userId?: string;
}

/** Qualifications access owns, each with its outbox (its snapshot events feed booking's read model). */
export interface QualificationStore {
  insert(qualification: Qualification, events: PendingEvent[]): Promise<void>;
  get(id: string): Promise<Qualification | undefined>;
  /** Writes `next` iff the stored one is still at `expectedVersion`: false when another write got there first. */
  replace(next: Qualification, expectedVersion: number, events: PendingEvent[]): Promise<boolean>;
  /** In id order after `page.after`. */
  list(filter: QualificationFilter, page: PageRequest<string>): Promise<Qualification[]>;
  /** The unrevoked qualifications `orgId` granted to `userId`. */
  held(orgId: string, userId: string): Promise<Qualification[]>;
}

/** Revocations list in `[revokedAt, jti]` order. */
export type RevocationKey = [number, string];

export interface RevocationFilter {
  /** Revoked at or after (epoch ms). */
  since?: number;
  resourceId?: string;
  /** Only passes still valid then: a device can forget revocations of expired passes. */
  validAfter: number;
}

/** Issued passes and their revocations. */
export interface PassStore {
  insert(pass: PassRecord): Promise<void>;
  get(jti: string): Promise<PassRecord | undefined>;
  ofBooking(bookingId: string): Promise<PassRecord[]>;
  /** Marks those passes revoked at `at` (already revoked ones keep their first time). */
  revoke(jtis: string[], at: number): Promise<void>;
  revocations(filter: RevocationFilter, page: PageRequest<RevocationKey>): Promise<PassRecord[]>;
}

/** Sessions: one per booking (the id is derived from it), each with its outbox. */
export interface SessionStore {
  /** Inserts the session with its events; false when the booking has one already (another replica, a repeat). */
  open(session: SessionState, events: PendingEvent[]): Promise<boolean>;
  get(id: string): Promise<SessionState | undefined>;
  /** Closes it with its usage record event in one write, iff it is still open: false when it was not. */
  close(session: ClosedSession, events: PendingEvent[]): Promise<boolean>;
  /** Ids of open sessions due for the automatic close at `now`. */
  overdue(now: number): Promise<string[]>;
}

/** Access's read model of booking's bookings, fed by their snapshot events. */
export interface BookingDirectory {
  save(booking: Booking): Promise<void>;
  get(id: string): Promise<Booking | undefined>;
  /** Waits a bounded while for a snapshot `accept` takes (a booking confirmed a moment ago). */
  getOrAwait(id: string, accept?: (booking: Booking) => boolean): Promise<Booking | undefined>;
}

/** Access's read model of inventory's resources (policy, provider org, required qualifications). */
export interface ResourceDirectory {
  save(resource: Resource): Promise<void>;
  getOrAwait(id: string): Promise<Resource | undefined>;
}

export type VerifiedPass = { ok: true; claims: PassClaims } | { ok: false; reason: string };

/** The pass keys: signs with the active one, verifies with any published one, publishes the public halves. */
export interface PassSigner {
  readonly issuer: string;
  sign(claims: PassClaims): Promise<{ token: string; kid: string }>;
  verify(token: string): Promise<VerifiedPass>;
  /** Public keys to publish at `now`: the configured ones, and retired ones until their last pass expires. */
  publishedKeys(now: number): Promise<PublicJwk[]>;
}

/** What access's use cases run on. */
export interface AccessDeps {
  qualifications: QualificationStore;
  passes: PassStore;
  sessions: SessionStore;
  bookings: BookingDirectory;
  resources: ResourceDirectory;
  signer: PassSigner;
  clock: () => Date;
  newId: () => string;
  correlationId: () => string | undefined;
  /** Sessions still open this long after their booking's end are closed by the scan. */
  autoCheckoutGraceMs: number;
  /** How far the revocation list's `syncedTo` lags its read. */
  revocationOverlapMs: number;
}
