import {
  booking,
  bookingListQuery,
  calendarFeedQuery,
  createBookingBody,
  idParams,
  page,
  reasonBody,
  rejectBody,
  rescheduleBody,
  z,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BookingDeps } from '../../domain/ports';
import { approveBooking } from '../../domain/use-cases/approve-booking';
import { cancelBooking } from '../../domain/use-cases/cancel-booking';
import { confirmBooking } from '../../domain/use-cases/confirm-booking';
import { createBooking } from '../../domain/use-cases/create-booking';
import { getBooking } from '../../domain/use-cases/get-booking';
import { listBookings } from '../../domain/use-cases/list-bookings';
import { listFeedBookings } from '../../domain/use-cases/list-feed-bookings';
import { rejectBooking } from '../../domain/use-cases/reject-booking';
import { rescheduleBooking } from '../../domain/use-cases/reschedule-booking';
import { renderCalendarFeed } from './calendar-feed';
import { bookingCursor } from './paging';

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
      handler: ({ principal, body }) => createBooking(deps, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/bookings',
      summary: "List bookings the caller may see (its org's, and its org's resources' for an org_admin)",
      tag,
      query: bookingListQuery,
      response: { status: 200, schema: page(booking) },
      handler: async ({ principal, query }) => {
        const { cursor, limit, from, to, ...filter } = query;
        const found = await listBookings(
          deps,
          principal,
          { ...filter, from: from?.getTime(), to: to?.getTime() },
          { limit, after: bookingCursor.read(cursor) },
        );
        return { items: found.items, nextCursor: bookingCursor.write(found.next) };
      },
    })
    .add({
      method: 'get',
      path: '/v1/calendar.ics',
      summary:
        'An RFC 5545 feed of the bookings of a resource or an org (cancelled ones as STATUS:CANCELLED)',
      tag,
      query: calendarFeedQuery,
      response: { status: 200, contentType: 'text/calendar', schema: z.string() },
      handler: async ({ principal, query }) =>
        renderCalendarFeed(
          `LabShare ${query.resourceId ?? query.orgId}`,
          await listFeedBookings(deps, principal, query),
        ),
    })
    .add({
      method: 'get',
      path: '/v1/bookings/:id',
      summary: 'A booking',
      tag,
      params: idParams,
      response: { status: 200, schema: booking },
      handler: ({ principal, params }) => getBooking(deps, principal, params.id),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/confirm',
      summary: 'Confirm a hold (becomes confirmed, or pending where approval applies)',
      tag,
      params: idParams,
      response: { status: 200, schema: booking },
      handler: ({ principal, params }) => confirmBooking(deps, principal, params.id),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/approve',
      summary: "Approve a pending booking (the provider's org_admin)",
      tag,
      access: ['org_admin'],
      params: idParams,
      response: { status: 200, schema: booking },
      handler: ({ principal, params }) => approveBooking(deps, principal, params.id),
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
      handler: ({ principal, params, body }) => rejectBooking(deps, principal, params.id, body.reason),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/cancel',
      summary: 'Cancel a booking; a late cancel owes the fee shown in `fee`',
      tag,
      params: idParams,
      body: reasonBody,
      response: { status: 200, schema: booking },
      handler: ({ principal, params, body }) => cancelBooking(deps, principal, params.id, body.reason),
    })
    .add({
      method: 'post',
      path: '/v1/bookings/:id/reschedule',
      summary: 'Move a booking to new times atomically (same id), or 409 and unchanged',
      tag,
      params: idParams,
      body: rescheduleBody,
      response: { status: 200, schema: booking },
      handler: ({ principal, params, body }) => rescheduleBooking(deps, principal, params.id, body),
    });
}
