import { availabilityQuery, page, resourceAvailability } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BookingDeps } from '../../domain/ports';
import { getAvailability } from '../../domain/use-cases/get-availability';
import { searchAvailability } from '../../domain/use-cases/search-availability';
import { withClippedJson } from './clipped-json';
import { resourceCursor } from './paging';

/** Free intervals and slots, for one resource or for every resource matching the filters. */
export function addAvailabilityRoutes(routes: RouteTable, deps: BookingDeps): void {
  routes.add({
    method: 'get',
    path: '/v1/availability',
    summary: 'Free time of a resource, or of every matching resource with a fitting slot',
    tag: 'Availability',
    query: availabilityQuery,
    response: { status: 200, schema: resourceAvailability.or(page(resourceAvailability)) },
    handler: async ({ principal, query }) => {
      const { resourceId, from, to, quantity, durationMinutes, kind, orgId, campus, shared } = query;
      const request = { from, to, quantity, durationMinutes };
      if (resourceId) return withClippedJson(await getAvailability(deps, principal, resourceId, request));
      const paging = { limit: query.limit, after: resourceCursor.read(query.cursor) };
      const found = await searchAvailability(
        deps,
        principal,
        { kind, orgId, campus, shared },
        request,
        paging,
      );
      return { items: found.items, nextCursor: resourceCursor.write(found.next) };
    },
  });
}
