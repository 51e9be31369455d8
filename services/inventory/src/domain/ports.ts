import type { EventEnvelope, Org, Resource } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';

/** Where the use cases keep and find things; data-access implements these, unit tests may fake them. */

/** An event written in the same document write as the change that caused it (the outbox). */
export interface PendingEvent {
  topic: string;
  event: EventEnvelope;
}

/** Lists run in creation order; a page continues after the key of the last item served. */
export interface CreationKey {
  createdAt: string;
  id: string;
}

export interface ResourceFilter {
  kind?: Resource['kind'];
  orgId?: string;
  shared?: boolean;
  campus?: string;
  /** Case-insensitive substring of name or description. */
  text?: string;
  status?: Resource['status'];
  /** Non-admins see shared resources and the unshared ones of this org only. */
  visibleToOrg?: string;
}

export interface ResourceStore {
  insert(resource: Resource, events: PendingEvent[]): Promise<void>;
  findById(id: string): Promise<Resource | undefined>;
  list(filter: ResourceFilter, page: PageRequest<CreationKey>): Promise<Resource[]>;
  /** Writes `next` only if the stored version is still `expectedVersion`; false if another write came first. */
  replace(next: Resource, expectedVersion: number, events: PendingEvent[]): Promise<boolean>;
}

export interface OrgStore {
  /** `name_taken`: another organisation has this name already. */
  insert(org: Org, events: PendingEvent[]): Promise<'inserted' | 'name_taken'>;
  findById(id: string): Promise<Org | undefined>;
  list(page: PageRequest<CreationKey>): Promise<Org[]>;
  replace(
    next: Org,
    expectedVersion: number,
    events: PendingEvent[],
  ): Promise<'replaced' | 'stale' | 'name_taken'>;
}

/** A booking as the booking service lists it (only what conflict reporting needs). */
export interface BookingSummary {
  id: string;
  status: string;
  start: string;
  end: string;
}

/** The booking service, asked (on the caller's behalf) which bookings a window of a resource holds. */
export interface BookingDirectory {
  /** Bookings of the resource overlapping the window; `undefined` when booking could not be asked. */
  overlapping(resourceId: string, window: { start: Date; end: Date }): Promise<BookingSummary[] | undefined>;
}

/** What inventory's use cases run on: its stores, booking's API, and the injected clock and ids. */
export interface InventoryDeps {
  resources: ResourceStore;
  orgs: OrgStore;
  bookings: BookingDirectory;
  clock: () => Date;
  newId: () => string;
  correlationId: () => string | undefined;
}
