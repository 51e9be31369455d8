import type { Principal, ResourceAvailability } from '@labshare/contracts';
import type { ListPage, PageRequest } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { BookingDeps, ResourceFilter } from '../ports';
import { availabilityOf, type AvailabilityRequest } from '../rules/availability-answer';
import { canSeeResource } from '../rules/booking-access';

const BATCH = 100;

/**
 * "Which microscope is free Tuesday afternoon": every resource matching the filter that the caller
 * may see and that has a fitting slot, scanned in id order, worked out from what answers need of
 * each calendar (`occupancyOf`); a page continues after the last resource scanned.
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
  const readBatch = async (after: string | undefined) => {
    const batch = await deps.resources.search(filter, { limit: BATCH, after });
    const visible = batch.filter((resource) => canSeeResource(caller, resource));
    return { batch, occupancies: await deps.calendars.occupancyOf(visible.map((r) => r.id)) };
  };
  const items: ResourceAvailability[] = [];
  let after = page.after;
  let reading = readBatch(after);
  for (;;) {
    const { batch, occupancies } = await reading;
    if (batch.length === BATCH) {
      // The next batch is read while this one is worked out; a page filled before it drops it.
      reading = readBatch(batch.at(-1)!.id);
      reading.catch(() => undefined);
    }
    const byResource = new Map(occupancies.map((c) => [c.resourceId, c]));
    const now = deps.clock().getTime();
    for (const resource of batch) {
      after = resource.id;
      const occupancy = byResource.get(resource.id);
      if (!occupancy) continue; // not the caller's to see
      const answer = availabilityOf(resource, occupancy, request, now);
      if ((answer.slots?.length ?? 0) > 0) items.push(answer);
      if (items.length === page.limit) return { items, next: after };
    }
    if (batch.length < BATCH) return { items };
  }
}
