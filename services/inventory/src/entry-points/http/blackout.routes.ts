import { z } from 'zod';
import {
  blackout,
  blackoutCreated,
  createBlackoutBody,
  idParams,
  page,
  pageQuery,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { InventoryDeps } from '../../domain/ports';
import { addBlackout } from '../../domain/use-cases/add-blackout';
import { listBlackouts } from '../../domain/use-cases/list-blackouts';
import { removeBlackout } from '../../domain/use-cases/remove-blackout';
import { blackoutCursor } from './paging';

export function addBlackoutRoutes(routes: RouteTable, deps: InventoryDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/resources/:id/blackouts',
      summary: 'Close a resource for a while; reports the bookings it hits (asked of the booking service)',
      tag: 'blackouts',
      access: ['org_admin'],
      params: idParams,
      body: createBlackoutBody,
      idempotent: true,
      response: { status: 201, schema: blackoutCreated },
      handler: ({ params, body, principal }) => addBlackout(deps, principal, params.id, body),
    })
    .add({
      method: 'get',
      path: '/v1/resources/:id/blackouts',
      summary: 'List the blackouts of a resource, by start',
      tag: 'blackouts',
      params: idParams,
      query: pageQuery,
      response: { status: 200, schema: page(blackout) },
      handler: async ({ params, query, principal }) => {
        const after = blackoutCursor.read(query.cursor);
        const found = await listBlackouts(deps, principal, params.id, { limit: query.limit, after });
        return { items: found.items, nextCursor: blackoutCursor.write(found.next) };
      },
    })
    .add({
      method: 'delete',
      path: '/v1/resources/:id/blackouts/:blackoutId',
      summary: 'Remove a blackout; answers with the blackout removed',
      tag: 'blackouts',
      access: ['org_admin'],
      params: idParams.extend({ blackoutId: z.string().min(1).max(100) }),
      response: { status: 200, schema: blackout },
      handler: ({ params, principal }) => removeBlackout(deps, principal, params.id, params.blackoutId),
    });
}
