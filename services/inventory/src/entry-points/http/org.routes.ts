import { createOrgBody, org, page, pageQuery, patchOrgBody } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import { createOrg } from '../../domain/orgs/create-org';
import { listOrgs } from '../../domain/orgs/list-orgs';
import { getOrg } from '../../domain/orgs/get-org';
import { updateOrg } from '../../domain/orgs/update-org';
import type { InventoryDeps } from '../../domain/ports';
import { creationKey, idParams, nextCursor, readCursor } from './paging';

export function addOrgRoutes(routes: RouteTable, inventory: InventoryDeps): void {
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
      handler: ({ body }) => createOrg(inventory, body),
    })
    .add({
      method: 'get',
      path: '/v1/orgs',
      summary: 'List organisations',
      tag: 'orgs',
      query: pageQuery,
      response: { status: 200, schema: page(org) },
      handler: async ({ query }) => {
        const found = await listOrgs(inventory, {
          limit: query.limit,
          after: readCursor(creationKey, query.cursor),
        });
        return { items: found.items, nextCursor: nextCursor(found.next) };
      },
    })
    .add({
      method: 'get',
      path: '/v1/orgs/:id',
      summary: 'Get an organisation',
      tag: 'orgs',
      params: idParams,
      response: { status: 200, schema: org },
      handler: ({ params }) => getOrg(inventory, params.id),
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
      handler: ({ params, body }) => updateOrg(inventory, params.id, body),
    });
}
