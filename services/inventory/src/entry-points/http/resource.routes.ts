import {
  createResourceBody,
  listResourcesQuery,
  page,
  patchResourceBody,
  resource,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { InventoryDeps } from '../../domain/ports';
import { createResource } from '../../domain/resources/create-resource';
import { getResource } from '../../domain/resources/get-resource';
import { listResources } from '../../domain/resources/list-resources';
import { retireResource } from '../../domain/resources/retire-resource';
import { updateResource } from '../../domain/resources/update-resource';
import { creationKey, idParams, nextCursor, readCursor } from './paging';

export function addResourceRoutes(routes: RouteTable, inventory: InventoryDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/resources',
      summary: 'List a resource (org_admin of orgId); publishes resource.created.v1',
      tag: 'resources',
      access: ['org_admin'],
      body: createResourceBody,
      idempotent: true,
      response: { status: 201, schema: resource },
      handler: ({ body, principal }) => createResource(inventory, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/resources',
      summary: "Find resources (other orgs' unshared ones are never listed)",
      tag: 'resources',
      query: listResourcesQuery,
      response: { status: 200, schema: page(resource) },
      handler: async ({ query, principal }) => {
        const { limit, cursor, q, ...filter } = query;
        const paging = { limit, after: readCursor(creationKey, cursor) };
        const found = await listResources(inventory, principal, { ...filter, text: q }, paging);
        return { items: found.items, nextCursor: nextCursor(found.next) };
      },
    })
    .add({
      method: 'get',
      path: '/v1/resources/:id',
      summary: 'Get a resource (retired ones too)',
      tag: 'resources',
      params: idParams,
      response: { status: 200, schema: resource },
      handler: ({ params, principal }) => getResource(inventory, principal, params.id),
    })
    .add({
      method: 'patch',
      path: '/v1/resources/:id',
      summary: 'Change a resource: policy, rates and location merge, other fields replace',
      tag: 'resources',
      access: ['org_admin'],
      params: idParams,
      body: patchResourceBody,
      response: { status: 200, schema: resource },
      handler: ({ params, body, principal }) => updateResource(inventory, principal, params.id, body),
    })
    .add({
      method: 'delete',
      path: '/v1/resources/:id',
      summary: 'Retire a resource (kept with its history; no new bookings); publishes resource.retired.v1',
      tag: 'resources',
      access: ['org_admin'],
      params: idParams,
      response: { status: 200, schema: resource },
      handler: ({ params, principal }) => retireResource(inventory, principal, params.id),
    });
}
