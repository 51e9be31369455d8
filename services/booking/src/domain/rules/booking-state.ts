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

/**
 * What an availability answer reads of a booking: its units and times, and whether it holds them
 * (with its id and version, so the newest of each booking is kept).
 */
export type Occupant = Pick<BookingState, 'id' | 'version' | 'status' | 'start' | 'end' | 'quantity'>;

/** What availability answers are worked out from: a calendar's bookings as answers read them (a `Calendar` is one). */
export interface CalendarOccupancy {
  resourceId: string;
  bookings: Occupant[];
}

export const occupantOf = ({ id, version, status, start, end, quantity }: Occupant): Occupant => ({
  id,
  version,
  status,
  start,
  end,
  quantity,
});

/** Held, pending and confirmed bookings hold their units. */
export function occupies(booking: Pick<BookingState, 'status'>): boolean {
  return occupyingStatuses.includes(booking.status);
}
