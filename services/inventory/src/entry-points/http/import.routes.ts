import { importReport, importResourcesBody, importResourcesQuery, z } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { InventoryDeps } from '../../domain/ports';
import { importResources } from '../../domain/use-cases/import-resources';

export const IMPORT_PATH = '/v1/resources/import';

export function addImportRoutes(routes: RouteTable, deps: InventoryDeps): void {
  routes.add({
    method: 'post',
    path: IMPORT_PATH,
    summary:
      'Import resources from a CSV (text/csv body, or JSON { csv }): all rows or none unless skipInvalid; see services/inventory/README.md for the columns',
    tag: 'resources',
    access: ['org_admin'],
    query: importResourcesQuery,
    body: importResourcesBody,
    bodyContent: {
      'text/csv': z.string().openapi({ description: 'The spreadsheet (header row + one resource per row)' }),
      'application/json': z.object({ csv: z.string() }).strict(),
    },
    idempotent: true,
    response: { status: 200, schema: importReport },
    handler: ({ query, body, principal }) => importResources(deps, principal, body, query),
  });
}
