import { importReport, importResourcesBody, importResourcesQuery } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import { importResources } from '../../domain/import/import-resources';
import type { InventoryDeps } from '../../domain/ports';

export const IMPORT_PATH = '/v1/resources/import';

export function addImportRoutes(routes: RouteTable, inventory: InventoryDeps): void {
  routes.add({
    method: 'post',
    path: IMPORT_PATH,
    summary:
      'Import resources from a CSV (text/csv body, or JSON { csv }): all rows or none unless skipInvalid; see services/inventory/README.md for the columns',
    tag: 'resources',
    access: ['org_admin'],
    query: importResourcesQuery,
    body: importResourcesBody,
    idempotent: true,
    response: { status: 200, schema: importReport },
    handler: ({ query, body, principal }) => importResources(inventory, principal, body, query),
  });
}
