import {
  occupyingStatuses,
  type BookingStatus,
  type Money,
  type OrgKind,
  type PriceTerms,
  type Resource,
  type WaitlistStatus,
} from '@labshare/contracts';

/** A booking as the domain sees it: instants in epoch milliseconds. */
export interface BookingState {
  id: string;
  resourceId: string;
  resourceKind: Resource['kind'];
  providerOrgId: string;
  consumerOrgId: string;
  consumerKind: OrgKind;
  userId: string;
  start: number;
  end: number;
  quantity: number;
  status: BookingStatus;
  external: boolean;
  price: Money;
  priceTerms: PriceTerms;
  fee?: Money;
  purpose?: string;
  seriesId?: string;
  reason?: string;
  createdAt: number;
  updatedAt: number;
  expiresAt?: number;
  checkedInAt?: number;
  version: number;
}

/** A waitlist request: offered a held booking when units it fits into free up. */
export interface WaitEntry {
  id: string;
  resourceId: string;
  consumerOrgId: string;
  /** Kept from the request, so an offer can be priced without asking inventory mid-decision. */
  consumerOrgKind: OrgKind;
  userId: string;
  start: number;
  end: number;
  quantity: number;
  status: WaitlistStatus;
  bookingId?: string;
  expiresAt?: number;
  createdAt: number;
}

/**
 * The aggregate that makes "no double booking" a single-document decision: every live booking of
 * one resource (and its waitlist) in one document whose `version` guards each change.
 */
export interface Calendar {
  resourceId: string;
  version: number;
  bookings: BookingState[];
  waitlist: WaitEntry[];
}

/** What a booking that holds units says about them: all an availability answer reads of it. */
export type Occupant = Pick<BookingState, 'status' | 'start' | 'end' | 'quantity'>;

/**
 * What availability answers are worked out from: a calendar's version and the bookings that hold
 * units (a `Calendar` is one). A search reads only this of the calendars it has not held.
 */
export interface CalendarOccupancy {
  resourceId: string;
  version: number;
  bookings: Occupant[];
}

/** Held, pending and confirmed bookings hold their units. */
export function occupies(booking: Pick<BookingState, 'status'>): boolean {
  return occupyingStatuses.includes(booking.status);
}
