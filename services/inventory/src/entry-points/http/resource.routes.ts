import {
  createResourceBody,
  idParams,
  listResourcesQuery,
  page,
  patchResourceBody,
  resource,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { InventoryDeps } from '../../domain/ports';
import { createResource } from '../../domain/use-cases/create-resource';
import { getResource } from '../../domain/use-cases/get-resource';
import { listResources } from '../../domain/use-cases/list-resources';
import { retireResource } from '../../domain/use-cases/retire-resource';
import { updateResource } from '../../domain/use-cases/update-resource';
import { creationCursor } from './paging';

export function addResourceRoutes(routes: RouteTable, deps: InventoryDeps): void {
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
      handler: ({ body, principal }) => createResource(deps, principal, body),
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
        const paging = { limit, after: creationCursor.read(cursor) };
        const found = await listResources(deps, principal, { ...filter, text: q }, paging);
        return { items: found.items, nextCursor: creationCursor.write(found.next) };
      },
    })
    .add({
      method: 'get',
      path: '/v1/resources/:id',
      summary: 'Get a resource (retired ones too)',
      tag: 'resources',
      params: idParams,
      response: { status: 200, schema: resource },
      handler: ({ params, principal }) => getResource(deps, principal, params.id),
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
      handler: ({ params, body, principal }) => updateResource(deps, principal, params.id, body),
    })
    .add({
      method: 'delete',
      path: '/v1/resources/:id',
      summary: 'Retire a resource (kept with its history; no new bookings); publishes resource.retired.v1',
      tag: 'resources',
      access: ['org_admin'],
      params: idParams,
      response: { status: 200, schema: resource },
      handler: ({ params, principal }) => retireResource(deps, principal, params.id),
    });
}
