import {
  cancelSeriesBody,
  createSeriesBody,
  idParams,
  joinWaitlistBody,
  page,
  seriesCancelled,
  seriesCreated,
  waitlistEntry,
  waitlistQuery,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BookingDeps } from '../../domain/ports';
import { cancelSeries } from '../../domain/use-cases/cancel-series';
import { createSeries } from '../../domain/use-cases/create-series';
import { joinWaitlist } from '../../domain/use-cases/join-waitlist';
import { leaveWaitlist } from '../../domain/use-cases/leave-waitlist';
import { listWaitlist } from '../../domain/use-cases/list-waitlist';

export function addSeriesAndWaitlistRoutes(routes: RouteTable, deps: BookingDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/series',
      summary:
        "Book a recurring series (expanded in the resource's zone); fail = all or nothing, skip = book the rest",
      tag: 'Series',
      access: ['booker', 'org_admin'],
      body: createSeriesBody,
      idempotent: true,
      response: { status: 201, schema: seriesCreated },
      handler: ({ principal, body }) => createSeries(deps, principal, body),
    })
    .add({
      method: 'post',
      path: '/v1/series/:id/cancel',
      summary: 'Cancel every occurrence of a series, or those from `from` on',
      tag: 'Series',
      params: idParams,
      body: cancelSeriesBody,
      response: { status: 200, schema: seriesCancelled },
      handler: ({ principal, params, body }) => cancelSeries(deps, principal, params.id, body.from),
    })
    .add({
      method: 'post',
      path: '/v1/waitlist',
      summary: 'Wait for a taken time: the oldest fitting request is offered freed units as a hold',
      tag: 'Waitlist',
      access: ['booker', 'org_admin'],
      body: joinWaitlistBody,
      idempotent: true,
      response: { status: 201, schema: waitlistEntry },
      handler: ({ principal, body }) => joinWaitlist(deps, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/waitlist',
      summary: "The caller's waitlist requests (an org_admin: also those on its org's resources)",
      tag: 'Waitlist',
      query: waitlistQuery,
      response: { status: 200, schema: page(waitlistEntry) },
      handler: async ({ principal, query }) => ({
        items: await listWaitlist(deps, principal, query.resourceId),
        nextCursor: null,
      }),
    })
    .add({
      method: 'delete',
      path: '/v1/waitlist/:id',
      summary: 'Leave the waitlist (an open offer is released to the next request)',
      tag: 'Waitlist',
      params: idParams,
      response: { status: 200, schema: waitlistEntry },
      handler: ({ principal, params }) => leaveWaitlist(deps, principal, params.id),
    });
}
