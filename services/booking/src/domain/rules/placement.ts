import {
  customerCategory,
  minutesBetween,
  priceTermsFor,
  sessionCharge,
  type OrgKind,
} from '@labshare/pricing';
import { checkBooking, type Violation } from '@labshare/availability';
import { occupies, type BookingState } from './booking-state';
import { withinQuota } from './quota';
import { blackoutIntervals, calendarSpec, type ResourceView } from './resource-view';

export type PlacementViolation = Violation | 'not_shared' | 'inactive' | 'unqualified' | 'quota_exceeded';

export interface Requester {
  orgId: string;
  orgKind: OrgKind;
  userId: string;
}

export interface Placement {
  resource: ResourceView;
  requester: Requester;
  /** Qualification names the user holds from the provider org, valid at the booked end. */
  qualifications: string[];
  now: number;
}

export interface Slot {
  start: number;
  end: number;
  quantity: number;
}

/**
 * Every rule a booking of `slot` breaks, and whether other bookings hold the units it needs.
 * `bookings` is the resource's calendar (plus occurrences placed earlier in the same series);
 * `excludeId` leaves out the booking being moved by a reschedule.
 */
export function evaluatePlacement(
  placement: Placement,
  bookings: BookingState[],
  slot: Slot,
  excludeId?: string,
): { violations: PlacementViolation[]; conflict: boolean } {
  const { resource, requester, now } = placement;
  const others = bookings.filter((b) => b.id !== excludeId);
  const check = checkBooking({
    spec: calendarSpec(resource),
    blackouts: blackoutIntervals(resource),
    occupancy: others.filter(occupies),
    request: slot,
    now,
  });
  const violations: PlacementViolation[] = [...check.violations];
  if (resource.status !== 'active') violations.push('inactive');
  if (!resource.shared && requester.orgId !== resource.orgId) violations.push('not_shared');
  if (!resource.requiredQualifications.every((q) => placement.qualifications.includes(q)))
    violations.push('unqualified');
  if (!withinQuota(resource, others, { consumerOrgId: requester.orgId, ...slot }))
    violations.push('quota_exceeded');
  return { violations, conflict: check.conflict };
}

/** Whether a booking of this requester waits for the provider's approval. */
export function needsApproval(resource: ResourceView, consumerOrgId: string): boolean {
  const { approval } = resource.policy;
  return approval === 'all' || (approval === 'external' && consumerOrgId !== resource.orgId);
}

/**
 * The requester's price terms on the resource's current rate card, and the booked span's price on
 * them (billing charges on the same terms, through the same `sessionCharge`).
 */
export function bookedPrice(resource: ResourceView, requester: Requester, slot: Slot) {
  const category = customerCategory(resource.orgId, requester.orgId, requester.orgKind);
  const priceTerms = priceTermsFor(resource, category);
  const { amount, currency } = sessionCharge(priceTerms, {
    bookedMinutes: minutesBetween(slot.start, slot.end),
    quantity: slot.quantity,
    outcome: { kind: 'quote' },
  });
  return { price: { amount, currency }, priceTerms };
}

export function newBooking(
  placement: Placement,
  slot: Slot,
  options: { id: string; hold: boolean; holdMs: number; purpose?: string; seriesId?: string },
): BookingState {
  const { resource, requester, now } = placement;
  const status = options.hold ? 'held' : needsApproval(resource, requester.orgId) ? 'pending' : 'confirmed';
  return {
    id: options.id,
    resourceId: resource.id,
    resourceKind: resource.kind,
    providerOrgId: resource.orgId,
    consumerOrgId: requester.orgId,
    consumerKind: requester.orgKind,
    userId: requester.userId,
    start: slot.start,
    end: slot.end,
    quantity: slot.quantity,
    status,
    external: requester.orgId !== resource.orgId,
    ...bookedPrice(resource, requester, slot),
    ...(options.purpose ? { purpose: options.purpose } : {}),
    ...(options.seriesId ? { seriesId: options.seriesId } : {}),
    createdAt: now,
    updatedAt: now,
    ...(options.hold ? { expiresAt: now + options.holdMs } : {}),
    version: 1,
  };
}
