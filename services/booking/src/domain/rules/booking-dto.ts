import type { Booking, WaitlistEntry } from '@labshare/contracts';
import type { BookingState, WaitEntry } from './booking-state';

const iso = (ms: number) => new Date(ms).toISOString();

/** The public shape of a booking (HTTP responses and event snapshots): instants as UTC ISO strings. */
export function toBookingDto(b: BookingState): Booking {
  return {
    id: b.id,
    resourceId: b.resourceId,
    resourceKind: b.resourceKind,
    providerOrgId: b.providerOrgId,
    consumerOrgId: b.consumerOrgId,
    consumerKind: b.consumerKind,
    userId: b.userId,
    start: iso(b.start),
    end: iso(b.end),
    quantity: b.quantity,
    status: b.status,
    external: b.external,
    price: b.price,
    priceTerms: b.priceTerms,
    ...(b.fee ? { fee: b.fee } : {}),
    ...(b.purpose ? { purpose: b.purpose } : {}),
    ...(b.seriesId ? { seriesId: b.seriesId } : {}),
    ...(b.reason ? { reason: b.reason } : {}),
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
    ...(b.expiresAt !== undefined ? { expiresAt: iso(b.expiresAt) } : {}),
    version: b.version,
  };
}

/** Back from the public shape (event snapshots) to the domain's. */
export function fromBookingDto(b: Booking): BookingState {
  const ms = (v: string) => Date.parse(v);
  const { start, end, createdAt, updatedAt, expiresAt, ...rest } = b;
  return {
    ...rest,
    start: ms(start),
    end: ms(end),
    createdAt: ms(createdAt),
    updatedAt: ms(updatedAt),
    ...(expiresAt ? { expiresAt: ms(expiresAt) } : {}),
  };
}

/** The public shape of a waitlist entry. */
export function toWaitlistEntryDto(e: WaitEntry): WaitlistEntry {
  return {
    id: e.id,
    resourceId: e.resourceId,
    consumerOrgId: e.consumerOrgId,
    userId: e.userId,
    start: iso(e.start),
    end: iso(e.end),
    quantity: e.quantity,
    status: e.status,
    ...(e.bookingId ? { bookingId: e.bookingId } : {}),
    ...(e.expiresAt !== undefined ? { expiresAt: iso(e.expiresAt) } : {}),
    createdAt: iso(e.createdAt),
  };
}
