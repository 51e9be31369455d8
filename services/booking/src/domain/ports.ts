import type { EventEnvelope, OrgKind } from '@labshare/contracts';
import type { BookingState, Calendar, WaitEntry } from './booking-state';
import type { ResourceView } from './resource-view';

/** What one decision changes in a calendar: bookings and waitlist entries put (new or revised), events raised. */
export interface CalendarChange {
  put: BookingState[];
  waitlist: WaitEntry[];
  events: { topic: string; event: EventEnvelope }[];
  /** Ids of finished bookings and waitlist entries to move out of the calendar (they stay in the projection). */
  drop?: { bookings: string[]; entries: string[] };
}

export interface CalendarStore {
  /** The resource's calendar; an empty one (version 0) if it has none yet. */
  load(resourceId: string): Promise<Calendar>;
  /** Writes the change iff the calendar is still at `calendar.version`: false when someone else got there first. */
  commit(calendar: Calendar, change: CalendarChange): Promise<boolean>;
  resourceIdOfBooking(bookingId: string): Promise<string | undefined>;
  resourceIdOfWaitEntry(entryId: string): Promise<string | undefined>;
  resourceIdOfSeries(seriesId: string): Promise<string | undefined>;
  /** Calendars with waitlist entries of `orgId` (as requester) or, with `asProvider`, on its resources. */
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

export interface BookingProjection {
  /** Keeps the newest version of each booking (older or equal versions are ignored). */
  save(booking: BookingState): Promise<void>;
  get(id: string): Promise<BookingState | undefined>;
  list(filter: BookingFilter, page: { limit: number; after?: [number, string] }): Promise<BookingState[]>;
}

export interface ResourceDirectory {
  /** From the read model, or read through to inventory (with the caller's token) when it lags. */
  get(resourceId: string, authorization?: string): Promise<ResourceView | undefined>;
  search(
    filter: { kind?: string; orgId?: string; campus?: string; shared?: boolean },
    page: { limit: number; after?: string },
  ): Promise<ResourceView[]>;
}

export interface OrgDirectory {
  kindOf(orgId: string, authorization?: string): Promise<OrgKind | undefined>;
}

export interface HeldQualification {
  name: string;
  /** Epoch ms; absent = never expires. */
  expiresAt?: number;
}

export interface QualificationDirectory {
  /** The unrevoked qualifications `userId` holds from `orgId`. */
  held(orgId: string, userId: string): Promise<HeldQualification[]>;
}
