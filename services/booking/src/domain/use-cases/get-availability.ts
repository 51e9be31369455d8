import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import {
  availabilityOf,
  clippedTo,
  clockFreeKey,
  earlyKey,
  type AvailabilityRequest,
} from '../rules/availability-answer';
import { visibleResource } from '../support/lookups';

/**
 * Free intervals (and slots) of one resource the caller may see. An answer the clock plays no part
 * in is remembered by what fixes it (the resource's and the calendar's versions, the request), so a
 * calendar asked again before it changes is answered without working it out again. Today's view (a
 * range from now) is worked out once a minute and clipped to the booking window on each request.
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
  if (key !== undefined) return deps.answers.remember(key, make);
  const early = earlyKey(resource, calendar, request, now);
  if (early === undefined) return make();
  const made = deps.answers.remember(early.key, () => availabilityOf(resource, calendar, request, early.at));
  return clippedTo(made, early.start);
}
