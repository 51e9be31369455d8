import type { Booking } from '@labshare/contracts';

/** A pass as access keeps it: what it was issued for, and when it was revoked (epoch ms). */
export interface PassRecord {
  jti: string;
  kid: string;
  bookingId: string;
  resourceId: string;
  userId: string;
  /** The booking's times when the pass was issued: a pass is for exactly those. */
  bookingStart: number;
  bookingEnd: number;
  validFrom: number;
  validUntil: number;
  issuedAt: number;
  revokedAt?: number;
}

/**
 * Whether the booking (its newest snapshot) still stands behind the pass: confirmed, and at the times
 * the pass was issued for. Cancelled, rejected, expired, no-show or rescheduled: it does not.
 */
export function honours(booking: Booking, pass: PassRecord): boolean {
  return (
    booking.status === 'confirmed' &&
    booking.id === pass.bookingId &&
    Date.parse(booking.start) === pass.bookingStart &&
    Date.parse(booking.end) === pass.bookingEnd
  );
}

/** The passes of the booking to revoke now (those it no longer honours and that are not revoked yet). */
export function passesToRevoke(booking: Booking, passes: PassRecord[]): string[] {
  return passes.filter((p) => p.revokedAt === undefined && !honours(booking, p)).map((p) => p.jti);
}

/**
 * What a device passes as `since` next time: the read's time less an overlap, because a revocation
 * stamped a moment before the read may still be on its way into the database. Entries seen twice
 * are harmless (a device keeps a set of jtis).
 */
export function syncedTo(now: number, overlapMs: number): number {
  return now - overlapMs;
}
