import type { Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { canSee, canSeeResource } from '../rules/booking-access';
import type { BookingState } from '../rules/booking-state';
import type { Placement, Requester } from '../rules/placement';
import { validAt } from '../rules/qualifications';
import type { ResourceView } from '../rules/resource-view';

/**
 * The resource a request names. A resource created a moment ago may not have reached booking's read
 * model yet: it is awaited for a bounded while, which is what makes a resource bookable as soon as
 * inventory answered 201. (Booking another org's unshared resource is a `not_shared` violation.)
 */
export async function resourceForRequest(deps: BookingDeps, resourceId: string): Promise<ResourceView> {
  const resource = await deps.resources.getOrAwait(resourceId);
  if (!resource) throw errors.notFound(`Resource ${resourceId}`);
  return resource;
}

/** The same, for reads: other orgs' unshared resources are "not found", never "forbidden". */
export async function visibleResource(
  deps: BookingDeps,
  caller: Principal,
  resourceId: string,
): Promise<ResourceView> {
  const resource = await resourceForRequest(deps, resourceId);
  if (!canSeeResource(caller, resource)) throw errors.notFound(`Resource ${resourceId}`);
  return resource;
}

/** A resource booking already holds bookings of (scans, changes of existing bookings). */
export async function knownResource(deps: BookingDeps, resourceId: string): Promise<ResourceView> {
  const resource = await deps.resources.get(resourceId);
  if (!resource) throw errors.notFound(`Resource ${resourceId}`);
  return resource;
}

/** The caller's org kind decides their price column; an org inventory never heard of cannot book. */
export async function requesterOf(deps: BookingDeps, caller: Principal): Promise<Requester> {
  const orgKind = await deps.orgs.kindOf(caller.org);
  if (!orgKind) throw errors.unprocessable('unknown_org', `Organisation ${caller.org} is not registered.`);
  return { orgId: caller.org, orgKind, userId: caller.sub };
}

/** Everything a placement decision needs that is read before the calendar is, for a booking ending at `end`. */
export async function placementFor(
  deps: BookingDeps,
  resource: ResourceView,
  requester: Requester,
  end: number,
): Promise<Placement> {
  const held = await heldQualifications(deps, resource, requester);
  return { resource, requester, qualifications: validAt(held, end), now: deps.clock().getTime() };
}

/** The requester's qualifications from the provider org (none fetched when the resource needs none). */
export async function heldQualifications(deps: BookingDeps, resource: ResourceView, requester: Requester) {
  return resource.requiredQualifications.length
    ? deps.qualifications.held(resource.orgId, requester.userId)
    : [];
}

/** A booking the caller may see, else 404 (whether it exists or not is not the caller's business). */
export async function visibleBooking(
  deps: BookingDeps,
  caller: Principal,
  id: string,
): Promise<BookingState> {
  const booking = (await deps.projection.get(id)) ?? (await fromCalendar(deps, id));
  if (!booking || !canSee(caller, booking)) throw errors.notFound(`Booking ${id}`);
  return booking;
}

/** The projection may lag its calendar by a moment after a crash; the calendar is the truth. */
async function fromCalendar(deps: BookingDeps, id: string): Promise<BookingState | undefined> {
  const resourceId = await deps.calendars.resourceIdOfBooking(id);
  if (!resourceId) return undefined;
  return (await deps.calendars.load(resourceId)).bookings.find((b) => b.id === id);
}
