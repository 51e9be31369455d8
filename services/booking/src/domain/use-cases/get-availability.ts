import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import {
  availabilityOf,
  clippedTo,
  clockFreeKey,
  minuteKey,
  type AvailabilityRequest,
} from '../rules/availability-answer';
import { visibleResource } from '../support/lookups';

/**
 * Free intervals (and slots) of one resource the caller may see. An answer the clock plays no part
 * in is remembered by what fixes it (the resource's and the calendar's versions, the request), so a
 * calendar asked again before it changes is answered without working it out again. A range the
 * booking window clips (today's view, from now; one reaching past the horizon) is worked out once a
 * minute and clipped to the booking window on each request.
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
  const key = clockFreeKey(resource, calendar, request, now);
  if (key !== undefined)
    return deps.answers.remember(key, () => availabilityOf(resource, calendar, request, now));
  const minute = minuteKey(resource, calendar, request, now);
  const made = deps.answers.remember(minute.key, () =>
    availabilityOf(resource, calendar, request, now, minute.window),
  );
  return clippedTo(made, minute.now);
}
