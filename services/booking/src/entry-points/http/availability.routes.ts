import { availabilityQuery, page, resourceAvailability as availabilitySchema } from '@labshare/contracts';
import { decodeCursor, encodeCursor, type RouteTable } from '@labshare/http';
import { errors } from '@labshare/errors';
import { isAdmin } from '@labshare/auth';
import type { BookingDeps } from '../../domain/use-cases/booking-deps';
import { resourceAvailability, searchAvailability } from '../../domain/use-cases/get-availability';
import { resourceOrNotFound } from '../../domain/use-cases/requester';

/** Free intervals and slots, for one resource or for every resource matching the filters. */
export function addAvailabilityRoutes(routes: RouteTable, deps: BookingDeps): void {
  routes.add({
    method: 'get',
    path: '/v1/availability',
    summary: 'Free time of a resource, or of every matching resource with a fitting slot',
    tag: 'Availability',
    query: availabilityQuery,
    response: { status: 200, schema: availabilitySchema.or(page(availabilitySchema)) },
    handler: async ({ principal, query, req }) => {
      const request = {
        from: query.from,
        to: query.to,
        quantity: query.quantity,
        durationMinutes: query.durationMinutes,
      };
      if (query.resourceId) {
        const resource = await resourceOrNotFound(deps, query.resourceId, req.header('authorization'));
        if (!resource.shared && resource.orgId !== principal.org && !isAdmin(principal)) {
          throw errors.notFound(`Resource ${query.resourceId}`);
        }
        return resourceAvailability(deps, resource, request);
      }
      const filter = {
        kind: query.kind,
        orgId: query.orgId,
        campus: query.campus,
        shared: query.shared,
        ...(isAdmin(principal) ? {} : { visibleToOrg: principal.org }),
      };
      const result = await searchAvailability(deps, filter, request, {
        limit: query.limit,
        after: decodeCursor<string>(query.cursor),
      });
      return { items: result.items, nextCursor: result.last ? encodeCursor(result.last) : null };
    },
  });
}
