import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { availabilityOf, type AvailabilityRequest } from '../rules/availability-answer';
import { visibleResource } from '../support/lookups';

/** Free intervals (and slots) of one resource the caller may see. */
export async function getAvailability(
  deps: BookingDeps,
  caller: Principal,
  resourceId: string,
  request: AvailabilityRequest,
): Promise<ResourceAvailability> {
  const resource = await visibleResource(deps, caller, resourceId);
  const calendar = await deps.calendars.load(resource.id);
  return availabilityOf(resource, calendar, request, deps.clock().getTime());
}
