import type { Principal } from '@labshare/auth';
import { errors } from '@labshare/errors';
import type { Placement, Requester } from '../placement';
import type { ResourceView } from '../resource-view';
import { validAt } from '../qualifications';
import type { BookingDeps } from './booking-deps';

/** The caller's org kind decides their price column; an org inventory never heard of cannot book. */
export async function requesterOf(
  deps: BookingDeps,
  caller: Principal,
  authorization?: string,
): Promise<Requester> {
  const orgKind = await deps.orgs.kindOf(caller.org, authorization);
  if (!orgKind) throw errors.unprocessable('unknown_org', `Organisation ${caller.org} is not registered.`);
  return { orgId: caller.org, orgKind, userId: caller.sub };
}

export async function resourceOrNotFound(
  deps: BookingDeps,
  resourceId: string,
  authorization?: string,
): Promise<ResourceView> {
  const resource = await deps.resources.get(resourceId, authorization);
  if (!resource) throw errors.notFound(`Resource ${resourceId}`);
  return resource;
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
