import type { Resource } from '@labshare/contracts';
import type { Interval, ResourceCalendarSpec } from '@labshare/availability';

/** What booking needs of a resource, from its read model of inventory's snapshots. */
export type ResourceView = Resource;

export function calendarSpec(resource: ResourceView): ResourceCalendarSpec {
  return {
    timezone: resource.timezone,
    capacity: resource.capacity,
    openingHours: resource.openingHours,
    policy: resource.policy,
  };
}

export function blackoutIntervals(resource: ResourceView): Interval[] {
  return resource.blackouts.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
}
