import { minutesBetween, sessionCharge } from '@labshare/pricing';
import { errors } from '@labshare/errors';
import type { BookingStatus } from '@labshare/contracts';
import type { BookingState } from './booking-state';
import { needsApproval } from './placement';
import type { ResourceView } from './resource-view';

/** Returns the booking changed as `patch` says, one version later. */
export function revise(booking: BookingState, patch: Partial<BookingState>, now: number): BookingState {
  return { ...booking, ...patch, updatedAt: now, version: booking.version + 1 };
}

function requireStatus(booking: BookingState, allowed: BookingStatus[], action: string): void {
  if (!allowed.includes(booking.status)) {
    throw errors.conflict(
      `A ${booking.status} booking cannot be ${action}.`,
      { status: booking.status },
      'invalid_state',
    );
  }
}

/** held → confirmed, or pending where the resource asks for approval. */
export function confirm(booking: BookingState, resource: ResourceView, now: number): BookingState {
  requireStatus(booking, ['held'], 'confirmed');
  if (booking.expiresAt !== undefined && booking.expiresAt <= now) {
    throw errors.conflict('The hold has expired.', {}, 'hold_expired');
  }
  const status = needsApproval(resource, booking.consumerOrgId) ? 'pending' : 'confirmed';
  const { expiresAt: _expired, ...rest } = booking;
  return revise(rest, { status }, now);
}

export function approve(booking: BookingState, now: number): BookingState {
  requireStatus(booking, ['pending'], 'approved');
  return revise(booking, { status: 'confirmed' }, now);
}

export function reject(booking: BookingState, reason: string, now: number): BookingState {
  requireStatus(booking, ['pending'], 'rejected');
  return revise(booking, { status: 'rejected', reason }, now);
}

/**
 * Cancels a live booking. A confirmed booking cancelled within `freeCancelMinutes` of its start owes
 * the late-cancel fee (the booked price × `lateCancelFeePercent`); held and pending ones never do.
 */
export function cancel(
  booking: BookingState,
  resource: ResourceView,
  reason: string | undefined,
  now: number,
): BookingState {
  requireStatus(booking, ['held', 'pending', 'confirmed'], 'cancelled');
  const { freeCancelMinutes, lateCancelFeePercent } = resource.policy;
  const late = booking.status === 'confirmed' && now > booking.start - freeCancelMinutes * 60_000;
  const fee = late ? feeOf(booking, { kind: 'late_cancel', feePercent: lateCancelFeePercent }) : undefined;
  return revise(
    booking,
    { status: 'cancelled', ...(reason ? { reason } : {}), ...(fee ? { fee } : {}) },
    now,
  );
}

export function expire(booking: BookingState, now: number): BookingState {
  requireStatus(booking, ['held'], 'expired');
  return revise(booking, { status: 'expired' }, now);
}

/**
 * No check-in by start + grace: the booking becomes `no_show` and owes the no-show fee. A no-show
 * holds no units, so the rest of its time is free for others from now on.
 */
export function recordNoShow(booking: BookingState, resource: ResourceView, now: number): BookingState {
  requireStatus(booking, ['confirmed'], 'marked as a no-show');
  const fee = feeOf(booking, { kind: 'no_show', feePercent: resource.policy.noShowFeePercent });
  return revise(booking, { status: 'no_show', fee }, now);
}

/** A fee on the booking's own price terms, through the one pricing path billing uses too. */
function feeOf(booking: BookingState, outcome: { kind: 'late_cancel' | 'no_show'; feePercent: number }) {
  const { amount, currency } = sessionCharge(booking.priceTerms, {
    bookedMinutes: minutesBetween(booking.start, booking.end),
    quantity: booking.quantity,
    outcome,
  });
  return { amount, currency };
}
