import { issuedPass, issuePassBody, jwks } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { AccessDeps } from '../../domain/ports';
import { getJwks } from '../../domain/use-cases/get-jwks';
import { issuePass } from '../../domain/use-cases/issue-pass';

const tag = 'Passes';

/** Passes for confirmed bookings, and the public keys that verify them. */
export function addPassRoutes(routes: RouteTable, deps: AccessDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/passes',
      summary: "A signed pass (JWT with kid) for a confirmed booking of the caller's org",
      tag,
      access: ['booker', 'org_admin'],
      body: issuePassBody,
      idempotent: true,
      response: { status: 201, schema: issuedPass },
      handler: ({ principal, body }) => issuePass(deps, principal, body.bookingId),
    })
    .add({
      method: 'get',
      path: '/.well-known/jwks.json',
      summary: 'The public keys passes are signed with (JWKS), retired ones until their last pass expires',
      tag,
      access: 'public',
      response: { status: 200, schema: jwks },
      handler: () => getJwks(deps),
    });
}
