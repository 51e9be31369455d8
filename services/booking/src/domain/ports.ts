import type { EventEnvelope, Org, OrgKind, Qualification, ResourceAvailability } from '@labshare/contracts';
import type { PageRequest, STALE } from '@labshare/domain-kit';
import type { BookingState, Calendar, CalendarOccupancy, Occupant, WaitEntry } from './rules/booking-state';
import type { ResourceView } from './rules/resource-view';

/** Where the use cases keep and find things; data-access implements these, unit tests may fake them. */

/** What one decision changes in a calendar: bookings and waitlist entries put (new or revised), events raised. */
export interface CalendarChange {
  put: BookingState[];
  waitlist: WaitEntry[];
  events: { topic: string; event: EventEnvelope }[];
  /** Ids of finished bookings and waitlist entries to move out of the calendar (they stay in the projection). */
  drop?: { bookings: string[]; entries: string[] };
}

export interface CalendarStore {
  /**
   * The resource's calendar; an empty one (version 0) if it has none yet. It may be a copy held in
   * memory, a little behind other replicas' writes, unless `fresh` asks for the stored document; for
   * `toDecide`, a held copy of any age (the decision's write is conditional on its version).
   */
  load(resourceId: string, options?: { fresh?: boolean; toDecide?: boolean }): Promise<Calendar>;
  /**
   * What answers need of several resources' calendars (see `CalendarOccupancy`), in the order asked:
   * one read of those not held, of those fields only. Held copies may be a little behind, as for `load`.
   */
  occupancyOf(resourceIds: string[]): Promise<CalendarOccupancy[]>;
  /**
   * Writes the change iff the calendar is still as read (at `calendar.version`, or a version that
   * only re-stored it): the calendar as written, or undefined when someone else got there first.
   */
  commit(calendar: Calendar, change: CalendarChange): Promise<Calendar | undefined>;
  resourceIdOfBooking(bookingId: string): Promise<string | undefined>;
  resourceIdOfWaitEntry(entryId: string): Promise<string | undefined>;
  resourceIdOfSeries(seriesId: string): Promise<string | undefined>;
  /** Calendars with waitlist entries, of one resource or with entries of `orgId` as requester. */
  waitlistsOf(filter: { resourceId?: string; orgId?: string }): Promise<Calendar[]>;
  /** Resources whose calendars still hold a booking or waitlist entry that ended before `cutoff`. */
  withFinishedBefore(cutoff: number): Promise<string[]>;
  /** Resources whose calendars hold an expired hold, or a confirmed booking started without check-in. */
  dueForScan(now: number): Promise<string[]>;
}

export interface BookingFilter {
  /** The caller's org: its bookings as consumer, and as provider too when `asProvider`. */
  visibleTo?: { org: string; asProvider: boolean };
  resourceId?: string;
  orgId?: string;
  status?: string;
  from?: number;
  to?: number;
}

/** Bookings list in start order, ties by id: a page continues after `[start, id]`. */
export type BookingKey = [number, string];

export interface BookingProjection {
  /** Keeps the newest version of each booking (older or equal versions are ignored). */
  save(booking: BookingState): Promise<void>;
  get(id: string): Promise<BookingState | undefined>;
  list(filter: BookingFilter, page: PageRequest<BookingKey>): Promise<BookingState[]>;
}

export interface ResourceFilter {
  kind?: string;
  orgId?: string;
  campus?: string;
  shared?: boolean;
}

/** Booking's read model of inventory's resources, fed by their snapshot events. */
export interface ResourceDirectory {
  save(resource: ResourceView): Promise<void>;
  /** Holds the snapshot in this replica's memory only (every replica hears every snapshot). */
  remember(resource: ResourceView): void;
  get(resourceId: string): Promise<ResourceView | undefined>;
  /** Like `get`, but waits a bounded while for a snapshot still on its way (a resource created a moment ago). */
  getOrAwait(resourceId: string): Promise<ResourceView | undefined>;
  /** Active resources matching the filter, in id order after `after`. */
  search(filter: ResourceFilter, page: PageRequest<string>): Promise<ResourceView[]>;
}

/** Booking's read model of inventory's organisations (their kind decides the price column). */
export interface OrgDirectory {
  save(org: Org): Promise<void>;
  /** Holds the snapshot in this replica's memory only (every replica hears every snapshot). */
  remember(org: Org): void;
  /** The org's kind, waiting a bounded while for an org registered a moment ago. */
  kindOf(orgId: string): Promise<OrgKind | undefined>;
}

export interface HeldQualification {
  name: string;
  /** Epoch ms; absent = never expires. */
  expiresAt?: number;
}

/** Booking's read model of the qualifications access grants. */
export interface QualificationDirectory {
  save(qualification: Qualification): Promise<void>;
  /** The unrevoked qualifications `userId` holds from `orgId`. */
  held(orgId: string, userId: string): Promise<HeldQualification[]>;
}

/**
 * Availability answers made before, handed out again (frozen) for the same key while it holds; the
 * key must fix the answer (`clockFreeKey`), so a remembered answer is never a stale one.
 */
export interface AnswerMemo {
  remember(key: string, make: () => ResourceAvailability): ResourceAvailability;
}

/** Booking's own events as this replica hears them: they keep what it holds of calendars current. */
export interface CalendarNews {
  heard(resourceId: string, bookings: Occupant[]): void;
  /** Every booking event published before `at` has been heard. */
  caughtUp(at: number): void;
  /** These resources' calendars are read ahead, in the background, for the searches to come. */
  prefetch(resourceIds: string[]): void;
}

/** A decision on a calendar: the change to write and what to answer, or a throw to refuse. */
export type Decide<T> = (calendar: Calendar) => { change: CalendarChange; result: T };

/**
 * What became of a decision handed to `CalendarTurns`: written (its change and its answer), met
 * another replica's write first (STALE: decide again), or refused by the decision itself.
 */
export type Decided = { change: CalendarChange; result: unknown } | typeof STALE | { refused: unknown };

/**
 * A calendar's decisions in this replica, taken in turns: those arriving while one is being written
 * are decided next, together, and written in one compare-and-set (see changeCalendar).
 */
export interface CalendarTurns {
  add(resourceId: string, decide: Decide<unknown>): Promise<Decided>;
}

/** What booking's use cases run on: its stores and read models, the injected clock and ids, settings. */
export interface BookingDeps {
  calendars: CalendarStore;
  /** A calendar's decisions in this replica, in turns, those waiting together (see changeCalendar). */
  calendarTurns: CalendarTurns;
  calendarNews: CalendarNews;
  projection: BookingProjection;
  resources: ResourceDirectory;
  orgs: OrgDirectory;
  qualifications: QualificationDirectory;
  answers: AnswerMemo;
  clock: () => Date;
  newId: () => string;
  correlationId: () => string | undefined;
  /** How long a hold lasts before it expires. */
  holdMs: number;
  /** How long a waitlist offer (a hold) waits for its confirmation. */
  offerMs: number;
  maxSeriesOccurrences: number;
}
