import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { ListPage, PageRequest } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { BookingDeps, ResourceFilter } from '../ports';
import { availabilityOf, type AvailabilityRequest } from '../rules/availability-answer';
import { canSeeResource } from '../rules/booking-access';

const BATCH = 100;

/**
 * "Which microscope is free Tuesday afternoon": every resource matching the filter that the caller
 * may see and that has a fitting slot, scanned in id order; a page continues after the last
 * resource scanned.
 */
export async function searchAvailability(
  deps: BookingDeps,
  caller: Principal,
  filter: ResourceFilter,
  request: AvailabilityRequest,
  page: PageRequest<string>,
): Promise<ListPage<ResourceAvailability, string>> {
  if (request.durationMinutes === undefined) {
    throw errors.validation([
      { field: 'query.durationMinutes', message: 'is required when no resourceId is given' },
    ]);
  }
  const items: ResourceAvailability[] = [];
  let after = page.after;
  for (;;) {
    const batch = await deps.resources.search(filter, { limit: BATCH, after });
    const visible = batch.filter((resource) => canSeeResource(caller, resource));
    const loaded = await deps.calendars.loadMany(visible.map((r) => r.id));
    const calendars = new Map(loaded.map((c) => [c.resourceId, c]));
    const now = deps.clock().getTime();
    for (const resource of batch) {
      after = resource.id;
      const calendar = calendars.get(resource.id);
      if (!calendar) continue; // not the caller's to see
      const answer = availabilityOf(resource, calendar, request, now);
      if ((answer.slots?.length ?? 0) > 0) items.push(answer);
      if (items.length === page.limit) return { items, next: after };
    }
    if (batch.length < BATCH) return { items };
  }
}
