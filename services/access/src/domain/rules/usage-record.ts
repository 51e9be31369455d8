import type { UsageRecord } from '@labshare/contracts';
import type { ClosedSession } from './sessions';

/** The usage record of a session has one id, derived from the session: a replay cannot make a second. */
export function usageRecordId(sessionId: string): string {
  return `usage-${sessionId}`;
}

/**
 * The fact billing charges and the subsidy counts: who used what, when, for how many minutes, and
 * the booked terms (span, quantity, price, price terms) billing charges on when the basis is `booked`.
 * External = the consumer org is not the provider org.
 */
export function usageRecordOf(session: ClosedSession, now: number): UsageRecord {
  const { booking } = session;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: usageRecordId(session.id),
    sessionId: session.id,
    bookingId: session.bookingId,
    resourceId: session.resourceId,
    resourceKind: booking.resourceKind,
    providerOrgId: session.providerOrgId,
    consumerOrgId: session.consumerOrgId,
    consumerKind: booking.consumerKind,
    userId: session.userId,
    start: iso(session.startedAt),
    end: iso(session.endedAt),
    minutes: session.minutes,
    external: session.consumerOrgId !== session.providerOrgId,
    booked: { start: booking.start, end: booking.end, quantity: booking.quantity, price: booking.price },
    priceTerms: booking.priceTerms,
    closedBy: session.closedBy,
    recordedAt: iso(now),
  };
}
