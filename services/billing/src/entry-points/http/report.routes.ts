import { openUseQuery, openUseReport } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BillingDeps } from '../../domain/ports';
import { reportOpenUse } from '../../domain/use-cases/report-open-use';

/** Reports for the zone administration. */
export function addReportRoutes(routes: RouteTable, deps: BillingDeps): void {
  routes.add({
    method: 'get',
    path: '/v1/reports/open-use',
    summary:
      "Per provider: shared resources' open, booked, used and externally used minutes, utilisation, outside orgs",
    tag: 'Reports',
    access: ['finance'],
    query: openUseQuery,
    response: { status: 200, schema: openUseReport },
    handler: ({ principal, query }) => reportOpenUse(deps, principal, query.period),
  });
}
