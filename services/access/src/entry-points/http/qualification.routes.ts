import {
  grantQualificationBody,
  idParams,
  page,
  qualification,
  qualificationListQuery,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { AccessDeps } from '../../domain/ports';
import { grantQualification } from '../../domain/use-cases/grant-qualification';
import { listQualifications } from '../../domain/use-cases/list-qualifications';
import { revokeQualification } from '../../domain/use-cases/revoke-qualification';
import { qualificationCursor } from './paging';

const tag = 'Qualifications';

/** Qualifications: granted and revoked by an org_admin in its org's name; booking and check-in require them. */
export function addQualificationRoutes(routes: RouteTable, deps: AccessDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/qualifications',
      summary: "Grant a qualification in the caller's org's name (optionally until expiresAt)",
      tag,
      access: ['org_admin'],
      body: grantQualificationBody,
      idempotent: true,
      response: { status: 201, schema: qualification },
      handler: ({ principal, body }) => grantQualification(deps, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/qualifications',
      summary: "List qualifications: an org_admin its org's grants, anyone else their own",
      tag,
      query: qualificationListQuery,
      response: { status: 200, schema: page(qualification) },
      handler: async ({ principal, query }) => {
        const found = await listQualifications(deps, principal, query.userId, {
          limit: query.limit,
          after: qualificationCursor.read(query.cursor),
        });
        return { items: found.items, nextCursor: qualificationCursor.write(found.next) };
      },
    })
    .add({
      method: 'delete',
      path: '/v1/qualifications/:id',
      summary: 'Revoke a qualification (the granting org_admin); idempotent',
      tag,
      access: ['org_admin'],
      params: idParams,
      response: { status: 200, schema: qualification },
      handler: ({ principal, params }) => revokeQualification(deps, principal, params.id),
    });
}
