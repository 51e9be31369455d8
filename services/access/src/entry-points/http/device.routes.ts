import {
  checkInAnswer,
  checkInBody,
  checkOutAnswer,
  checkOutBody,
  revocationList,
  revocationsQuery,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { AccessDeps } from '../../domain/ports';
import { checkIn } from '../../domain/use-cases/check-in';
import { checkOut } from '../../domain/use-cases/check-out';
import { listRevocations } from '../../domain/use-cases/list-revocations';
import { revocationCursor } from './paging';

const tag = 'Devices';

/** What door controllers and instrument interlocks call: check-in, check-out, the revocation list. */
export function addDeviceRoutes(routes: RouteTable, deps: AccessDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/access/check-in',
      summary:
        "A device of the resource's org presents a pass: a session (the same one on a repeat), or 403 with the reason's code",
      tag,
      access: ['device'],
      body: checkInBody,
      response: { status: 200, schema: checkInAnswer },
      handler: ({ principal, body }) => checkIn(deps, principal, body),
    })
    .add({
      method: 'post',
      path: '/v1/access/check-out',
      summary: 'Close a session (whole minutes, rounded up); its usage record follows. Idempotent',
      tag,
      access: ['device'],
      body: checkOutBody,
      response: { status: 200, schema: checkOutAnswer },
      handler: ({ principal, body }) => checkOut(deps, principal, body.sessionId),
    })
    .add({
      method: 'get',
      path: '/v1/access/revocations',
      summary: 'Revoked passes not yet expired, revoked at or after `since`: for offline devices',
      tag,
      access: ['device', 'org_admin'],
      query: revocationsQuery,
      response: { status: 200, schema: revocationList },
      handler: async ({ query }) => {
        const found = await listRevocations(
          deps,
          { since: query.since?.getTime(), resourceId: query.resourceId },
          { limit: query.limit, after: revocationCursor.read(query.cursor) },
        );
        return {
          items: found.items,
          nextCursor: revocationCursor.write(found.next),
          syncedTo: found.syncedTo,
        };
      },
    });
}
