import {
  bookingListQuery,
  createBookingBody,
  booking,
  page,
  reasonBody,
  rejectBody,
  rescheduleBody,
  z,
} from '@labshare/contracts';
import { decodeCursor, encodeCursor, type RouteTable } from '@labshare/http';
import { toBookingDto } from '../../domain/booking-dto';
import { bookingActions } from '../../domain/use-cases/booking-actions';
import type { BookingDeps } from '../../domain/use-cases/booking-deps';
import { createBooking } from '../../domain/use-cases/create-booking';
import { visibleBooking } from '../../domain/use-cases/get-booking';
import { listBookings } from '../../domain/use-cases/list-bookings';
import { rescheduleBooking } from '../../domain/use-cases/reschedule-booking';
import type { Principal } from '@labshare/auth';
import { renderCalendarFeed } from './calendar-feed';
import { transitionBooking } from '../../domain/use-cases/transition-booking';

const idParams = z.object({ id: z.string().min(1).max(100) });
const tag = 'Bookings';

/** Bookings: create, read, list, and the moves of their life. Thin: each route calls one use case. */
export function addBookingRoutes(routes: RouteTable, deps: BookingDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/bookings',
      summary: 'Book units of a resource (or hold them)',
      tag,
      access: ['booker', 'org_admin'],
      body: createBookingBody,
      idempotent: true,
      response: { status: 201, schema: booking },
      handler: ({ principal, body, req }) =>
        createBooking(deps, principal, body, req.header('authorization')),
    })
    .add({
      method: 'get',
      path: '/v1/bookings',
      summary: "List bookings the caller may see (its org's, and its org's resources' for an org_admin)",
      tag,
      query: bookingListQuery,
      response: { status: 200, schema: page(booking) },
      handler: async ({ principal, query }) => {
        const { cursor, ...rest } = query;
        const result = await listBookings(deps, principal, {
          ...rest,
          after: decodeCursor<[number, string]>(cursor),
        });
        return { items: result.items, nextCursor: result.last ? encodeCursor(result.last) : null };
      },
    })
    .add({
      method: 'get',
      path: '/v1/calendar.ics',
      summary:
        'An RFC 5545 feed of the bookings of a resource or an org (cancelled ones as STATUS:CANCELLED)',
      tag,
      query: z
        .object({ resourceId: z.string().max(100).optional(), orgId: z.string().max(100).optional() })
        .refine((q) => q.resourceId || q.orgId, {
          message: 'give resourceId or orgId',
          path: ['resourceId'],
        }),
      response: { status: 200, contentType: 'text/calendar', schema: z.string() },
      handler: async ({ principal, query, res }) => {
        const bookings = await allBookings(deps, principal, query);
        res
          .type('text/calendar; charset=utf-8')
          .send(renderCalendarFeed(`LabShare ${query.resourceId ?? query.orgId}`, bookings));
      },
    })
    .add({
      method: 'get',
      path: '/v1/bookings/:id',
      summary: 'A booking',
      tag,
      params: idParams,
      response: { status: 200, schema: booking },
      handler: async ({ principal, params }) =>
        toBookingDto(await visibleBooking(deps, principal, params.id)),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/confirm',
      summary: 'Confirm a hold (becomes confirmed, or pending where approval applies)',
      tag,
      params: idParams,
      response: { status: 200, schema: booking },
      handler: ({ principal, params }) =>
        transitionBooking(deps, principal, params.id, bookingActions.confirm),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/approve',
      summary: "Approve a pending booking (the provider's org_admin)",
      tag,
      access: ['org_admin'],
      params: idParams,
      response: { status: 200, schema: booking },
      handler: ({ principal, params }) =>
        transitionBooking(deps, principal, params.id, bookingActions.approve),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/reject',
      summary: "Reject a pending booking (the provider's org_admin)",
      tag,
      access: ['org_admin'],
      params: idParams,
      body: rejectBody,
      response: { status: 200, schema: booking },
      handler: ({ principal, params, body }) =>
        transitionBooking(deps, principal, params.id, bookingActions.reject(body.reason)),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/cancel',
      summary: 'Cancel a booking; a late cancel owes the fee shown in `fee`',
      tag,
      params: idParams,
      body: reasonBody,
      response: { status: 200, schema: booking },
      handler: ({ principal, params, body }) =>
        transitionBooking(deps, principal, params.id, bookingActions.cancel(body.reason)),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/reschedule',
      summary: 'Move a booking to new times atomically (same id), or 409 and unchanged',
      tag,
      params: idParams,
      body: rescheduleBody,
      response: { status: 200, schema: booking },
      handler: ({ principal, params, body, req }) =>
        rescheduleBooking(deps, principal, params.id, body, req.header('authorization')),
    });
}

/** Up to 5,000 bookings for a feed, page by page (a feed has no cursor of its own). */
async function allBookings(
  deps: BookingDeps,
  caller: Principal,
  filter: { resourceId?: string; orgId?: string },
) {
  const all = [];
  let after: [number, string] | undefined;
  do {
    const page = await listBookings(deps, caller, { ...filter, limit: 500, after });
    all.push(...page.items);
    after = page.last;
  } while (after && all.length < 5000);
  return all;
}
