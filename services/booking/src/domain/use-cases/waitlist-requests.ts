import { hasRole, isAdmin, type Principal } from '@labshare/auth';
import { errors } from '@labshare/errors';
import type { WaitEntry } from '../booking-state';
import { cancel } from '../booking-transitions';
import { evaluatePlacement } from '../placement';
import { offerFreedUnits } from '../waitlist';
import type { BookingDeps } from './booking-deps';
import { bookingEvent } from './booking-events';
import { changeCalendar } from './change-calendar';
import { changeWithOffers } from './change-with-offers';
import { placementFor, requesterOf, resourceOrNotFound } from './requester';

export interface WaitlistEntryView {
  id: string;
  resourceId: string;
  consumerOrgId: string;
  userId: string;
  start: string;
  end: string;
  quantity: number;
  status: WaitEntry['status'];
  bookingId?: string;
  expiresAt?: string;
  createdAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toEntryView(e: WaitEntry): WaitlistEntryView {
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

/**
 * Joins the waitlist for a time that is taken now. The request must be bookable apart from the
 * units (422 otherwise); if units happen to be free already, it is offered a hold at once.
 */
export async function joinWaitlist(
  deps: BookingDeps,
  caller: Principal,
  request: { resourceId: string; start: Date; end: Date; quantity: number },
  authorization?: string,
): Promise<WaitlistEntryView> {
  const resource = await resourceOrNotFound(deps, request.resourceId, authorization);
  const requester = await requesterOf(deps, caller, authorization);
  const slot = { start: request.start.getTime(), end: request.end.getTime(), quantity: request.quantity };
  const placement = await placementFor(deps, resource, requester, slot.end);
  const id = deps.newId();
  return changeCalendar(deps, resource.id, (calendar) => {
    const verdict = evaluatePlacement(placement, calendar.bookings, slot);
    if (verdict.violations.length > 0) throw errors.policyViolation(verdict.violations);
    const entry: WaitEntry = {
      id,
      resourceId: resource.id,
      consumerOrgId: requester.orgId,
      consumerOrgKind: requester.orgKind,
      userId: requester.userId,
      ...slot,
      status: 'waiting',
      createdAt: placement.now,
    };
    const waitlist = [...calendar.waitlist, entry];
    // Free already? Then the entry gets its offer in this same write.
    const offers = verdict.conflict
      ? { bookings: [], entries: [] }
      : offerFreedUnits({
          bookings: calendar.bookings,
          waitlist,
          freed: true,
          resource,
          now: placement.now,
          offerMs: deps.offerMs,
          newId: deps.newId,
        });
    const final = offers.entries.find((e) => e.id === id) ?? entry;
    return {
      change: {
        put: offers.bookings,
        waitlist: [final, ...offers.entries.filter((e) => e.id !== id)],
        events: offers.bookings.map((b) => bookingEvent('created', b, placement.now)),
      },
      result: toEntryView(final),
    };
  });
}

/** A caller's view of waitlists: its own org's requests, or (org_admin) those on its resources. */
export async function listWaitlist(
  deps: BookingDeps,
  caller: Principal,
  resourceId?: string,
): Promise<WaitlistEntryView[]> {
  const calendars = await deps.calendars.waitlistsOf({
    resourceId,
    ...(isAdmin(caller) || resourceId ? {} : { orgId: caller.org }),
  });
  const entries = calendars.flatMap((c) => c.waitlist);
  const visible = await Promise.all(
    entries.map(async (e) => {
      if (isAdmin(caller) || e.consumerOrgId === caller.org) return e;
      if (!hasRole(caller, 'org_admin')) return undefined;
      const resource = await deps.resources.get(e.resourceId);
      return resource?.orgId === caller.org ? e : undefined;
    }),
  );
  return visible
    .filter((e): e is WaitEntry => e !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map(toEntryView);
}

/** Leaves the waitlist; an open offer (a hold) is cancelled with it, freeing its units for the next. */
export async function leaveWaitlist(
  deps: BookingDeps,
  caller: Principal,
  entryId: string,
): Promise<WaitlistEntryView> {
  const resourceId = await deps.calendars.resourceIdOfWaitEntry(entryId);
  if (!resourceId) throw errors.notFound(`Waitlist entry ${entryId}`);
  const resource = await resourceOrNotFound(deps, resourceId);
  return changeCalendar(deps, resourceId, (calendar) => {
    const now = deps.clock().getTime();
    const entry = calendar.waitlist.find((e) => e.id === entryId);
    if (!entry || (!isAdmin(caller) && entry.consumerOrgId !== caller.org))
      throw errors.notFound(`Waitlist entry ${entryId}`);
    if (entry.status !== 'waiting' && entry.status !== 'offered') {
      return { change: { put: [], waitlist: [], events: [] }, result: toEntryView(entry) };
    }
    const left: WaitEntry = { ...entry, status: 'cancelled' };
    const waitlist = calendar.waitlist.map((e) => (e.id === entryId ? left : e));
    const hold = calendar.bookings.find((b) => b.id === entry.bookingId && b.status === 'held');
    const changes = hold
      ? [{ booking: cancel(hold, resource, 'left the waitlist', now), event: 'cancelled' as const }]
      : [];
    const change = changeWithOffers(deps, calendar, resource, now, changes, waitlist);
    return {
      change: { ...change, waitlist: [left, ...change.waitlist.filter((e) => e.id !== entryId)] },
      result: toEntryView(left),
    };
  });
}
