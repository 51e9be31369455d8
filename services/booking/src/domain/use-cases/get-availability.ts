import { errors } from '@labshare/errors';
import { freeIntervals, slots } from '@labshare/availability';
import { occupies } from '../booking-state';
import { blackoutIntervals, calendarSpec, type ResourceView } from '../resource-view';
import type { BookingDeps } from './booking-deps';

export interface AvailabilityRequest {
  from: Date;
  to: Date;
  quantity: number;
  durationMinutes?: number;
}

export interface ResourceAvailability {
  resourceId: string;
  timezone: string;
  free: { start: string; end: string; available: number }[];
  slots?: { start: string; end: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Free time of one resource, computed by the same engine that re-checks every booking, from the
 * calendar document the booking path writes: what is offered here can be booked.
 */
export async function resourceAvailability(
  deps: BookingDeps,
  resource: ResourceView,
  request: AvailabilityRequest,
): Promise<ResourceAvailability> {
  const calendar = await deps.calendars.load(resource.id);
  const input = {
    spec: calendarSpec(resource),
    blackouts: blackoutIntervals(resource),
    occupancy: calendar.bookings.filter(occupies),
    range: { start: request.from.getTime(), end: request.to.getTime() },
    quantity: request.quantity,
    now: deps.clock().getTime(),
  };
  const free = resource.status === 'active' ? freeIntervals(input) : [];
  const result: ResourceAvailability = {
    resourceId: resource.id,
    timezone: resource.timezone,
    free: free.map((p) => ({ start: iso(p.start), end: iso(p.end), available: p.available })),
  };
  if (request.durationMinutes !== undefined) {
    const found =
      resource.status === 'active' ? slots({ ...input, durationMinutes: request.durationMinutes }) : [];
    result.slots = found.map((s) => ({ start: iso(s.start), end: iso(s.end) }));
  }
  return result;
}

/** "Which microscope is free Tuesday afternoon": every matching resource with a fitting slot. */
export async function searchAvailability(
  deps: BookingDeps,
  filter: { kind?: string; orgId?: string; campus?: string; shared?: boolean; visibleToOrg?: string },
  request: AvailabilityRequest,
  page: { limit: number; after?: string },
): Promise<{ items: ResourceAvailability[]; last?: string }> {
  if (request.durationMinutes === undefined) {
    throw errors.validation([
      { field: 'query.durationMinutes', message: 'is required when no resourceId is given' },
    ]);
  }
  const items: ResourceAvailability[] = [];
  let after = page.after;
  // Scan resources in id order until a page of matches is found (or they run out).
  for (;;) {
    const batch = await deps.resources.search(filter, { limit: 100, after });
    for (const resource of batch) {
      after = resource.id;
      if (!resource.shared && resource.orgId !== filter.visibleToOrg && filter.visibleToOrg !== undefined)
        continue;
      const answer = await resourceAvailability(deps, resource, request);
      if ((answer.slots?.length ?? 0) > 0) items.push(answer);
      if (items.length === page.limit) return { items, last: after };
    }
    if (batch.length < 100) return { items };
  }
}
