import { instant, z } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BookingDeps } from '../../domain/use-cases/booking-deps';
import { cancelSeries } from '../../domain/use-cases/cancel-series';
import { createSeries } from '../../domain/use-cases/create-series';
import { joinWaitlist, leaveWaitlist, listWaitlist } from '../../domain/use-cases/waitlist-requests';

const seriesBody = z
  .object({
    resourceId: z.string().min(1).max(100),
    start: instant,
    end: instant,
    rrule: z.string().trim().min(1).max(500).openapi({ example: 'FREQ=WEEKLY;BYDAY=TU;COUNT=16' }),
    quantity: z.number().int().min(1).max(10_000).default(1),
    purpose: z.string().trim().max(500).optional(),
    onConflict: z.enum(['fail', 'skip']).default('fail'),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('CreateSeriesBody');

const waitBody = z
  .object({
    resourceId: z.string().min(1).max(100),
    start: instant,
    end: instant,
    quantity: z.number().int().min(1).max(10_000).default(1),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('JoinWaitlistBody');

const idParams = z.object({ id: z.string().min(1).max(100) });

export function addSeriesAndWaitlistRoutes(routes: RouteTable, deps: BookingDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/series',
      summary:
        "Book a recurring series (expanded in the resource's zone); fail = all or nothing, skip = book the rest",
      tag: 'Series',
      access: ['booker', 'org_admin'],
      body: seriesBody,
      idempotent: true,
      response: { status: 201 },
      handler: ({ principal, body, req }) => createSeries(deps, principal, body, req.header('authorization')),
    })
    .add({
      method: 'post',
      path: '/v1/series/:id/cancel',
      summary: 'Cancel every occurrence of a series, or those from `from` on',
      tag: 'Series',
      params: idParams,
      body: z.object({ from: instant.optional() }).strict().default({}),
      response: { status: 200 },
      handler: ({ principal, params, body }) => cancelSeries(deps, principal, params.id, body.from),
    })
    .add({
      method: 'post',
      path: '/v1/waitlist',
      summary: 'Wait for a taken time: the oldest fitting request is offered freed units as a hold',
      tag: 'Waitlist',
      access: ['booker', 'org_admin'],
      body: waitBody,
      idempotent: true,
      response: { status: 201 },
      handler: ({ principal, body, req }) => joinWaitlist(deps, principal, body, req.header('authorization')),
    })
    .add({
      method: 'get',
      path: '/v1/waitlist',
      summary: "The caller's waitlist requests (an org_admin: also those on its org's resources)",
      tag: 'Waitlist',
      query: z.object({ resourceId: z.string().max(100).optional() }),
      response: { status: 200 },
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
      response: { status: 200 },
      handler: ({ principal, params }) => leaveWaitlist(deps, principal, params.id),
    });
}
