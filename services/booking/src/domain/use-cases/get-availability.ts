import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { availabilityOf, clockFreeKey, type AvailabilityRequest } from '../rules/availability-answer';
import { visibleResource } from '../support/lookups';

/**
 * Free intervals (and slots) of one resource the caller may see. An answer the clock plays no part
 * in is remembered by what fixes it (the resource's and the calendar's versions, the request), so a
 * calendar asked again before it changes is answered without working it out again.
 */
export async function getAvailability(
  deps: BookingDeps,
  caller: Principal,
  resourceId: string,
  request: AvailabilityRequest,
): Promise<ResourceAvailability> {
  const resource = await visibleResource(deps, caller, resourceId);
  const calendar = await deps.calendars.load(resource.id);
  const now = deps.clock().getTime();
  const make = () => availabilityOf(resource, calendar, request, now);
  const key = clockFreeKey(resource, calendar, request, now);
  return key === undefined ? make() : deps.answers.remember(key, make);
}
