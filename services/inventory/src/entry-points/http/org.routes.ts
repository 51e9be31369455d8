import { createOrgBody, idParams, org, page, pageQuery, patchOrgBody } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { InventoryDeps } from '../../domain/ports';
import { createOrg } from '../../domain/use-cases/create-org';
import { getOrg } from '../../domain/use-cases/get-org';
import { listOrgs } from '../../domain/use-cases/list-orgs';
import { updateOrg } from '../../domain/use-cases/update-org';
import { creationCursor } from './paging';

export function addOrgRoutes(routes: RouteTable, deps: InventoryDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/orgs',
      summary: 'Register an organisation (admin)',
      tag: 'orgs',
      access: ['admin'],
      body: createOrgBody,
      idempotent: true,
      response: { status: 201, schema: org },
      handler: ({ body }) => createOrg(deps, body),
    })
    .add({
      method: 'get',
      path: '/v1/orgs',
      summary: 'List organisations',
      tag: 'orgs',
      query: pageQuery,
      response: { status: 200, schema: page(org) },
      handler: async ({ query }) => {
        const found = await listOrgs(deps, { limit: query.limit, after: creationCursor.read(query.cursor) });
        return { items: found.items, nextCursor: creationCursor.write(found.next) };
      },
    })
    .add({
      method: 'get',
      path: '/v1/orgs/:id',
      summary: 'Get an organisation',
      tag: 'orgs',
      params: idParams,
      response: { status: 200, schema: org },
      handler: ({ params }) => getOrg(deps, params.id),
    })
    .add({
      method: 'patch',
      path: '/v1/orgs/:id',
      summary: 'Rename an organisation or change its kind (admin); publishes org.updated.v1',
      tag: 'orgs',
      access: ['admin'],
      params: idParams,
      body: patchOrgBody,
      response: { status: 200, schema: org },
      handler: ({ params, body }) => updateOrg(deps, params.id, body),
    });
}
