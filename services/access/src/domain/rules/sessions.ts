import type { Booking, CheckInAnswer, CheckOutAnswer } from '@labshare/contracts';

/** A check-in: one per booking, open until a device checks out or the scan closes it (epoch ms). */
export interface SessionState {
  id: string;
  bookingId: string;
  resourceId: string;
  providerOrgId: string;
  consumerOrgId: string;
  userId: string;
  passJti: string;
  /** The device (token `sub`) that checked in. */
  checkedInBy: string;
  startedAt: number;
  /** The booking's end + the grace: the scan closes the session from then on. */
  autoCloseAt: number;
  /** The booking as it stood at check-in: the usage record's booked terms. */
  booking: Booking;
  status: 'open' | 'closed';
  endedAt?: number;
  minutes?: number;
  closedBy?: 'device' | 'auto';
}

export type ClosedSession = SessionState & {
  status: 'closed';
  endedAt: number;
  minutes: number;
  closedBy: 'device' | 'auto';
};

const MINUTE = 60_000;

/**
 * A booking has one session at most, whatever the number of replicas or repeats: the id comes from
 * the booking, and the store inserts it only once (a unique `_id`).
 */
export function sessionIdFor(bookingId: string): string {
  return `session-${bookingId}`;
}

/** Whole minutes of use, rounded up (the contract): 60 s is 1, 60.001 s is 2, none is 0. */
export function sessionMinutes(startedAt: number, endedAt: number): number {
  return Math.max(0, Math.ceil((endedAt - startedAt) / MINUTE));
}

export function openSession(input: {
  booking: Booking;
  passJti: string;
  device: string;
  now: number;
  autoCheckoutGraceMs: number;
}): SessionState {
  const { booking } = input;
  return {
    id: sessionIdFor(booking.id),
    bookingId: booking.id,
    resourceId: booking.resourceId,
    providerOrgId: booking.providerOrgId,
    consumerOrgId: booking.consumerOrgId,
    userId: booking.userId,
    passJti: input.passJti,
    checkedInBy: input.device,
    startedAt: input.now,
    autoCloseAt: Date.parse(booking.end) + input.autoCheckoutGraceMs,
    booking,
    status: 'open',
  };
}

/**
 * The session closed now: by a device at `now`, or by the scan at the booked end (nobody checked
 * out: the use is counted to the end of the booking, not to when the scan noticed). Never before
 * the check-in.
 */
export function closeSession(session: SessionState, by: 'device' | 'auto', now: number): ClosedSession {
  const until = by === 'auto' ? Math.min(now, Date.parse(session.booking.end)) : now;
  const endedAt = Math.max(session.startedAt, until);
  return {
    ...session,
    status: 'closed',
    endedAt,
    minutes: sessionMinutes(session.startedAt, endedAt),
    closedBy: by,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toCheckInAnswer(session: SessionState): CheckInAnswer {
  return { sessionId: session.id, bookingId: session.bookingId, startedAt: iso(session.startedAt) };
}

export function toCheckOutAnswer(session: ClosedSession): CheckOutAnswer {
  return {
    sessionId: session.id,
    bookingId: session.bookingId,
    startedAt: iso(session.startedAt),
    endedAt: iso(session.endedAt),
    minutes: session.minutes,
  };
}
