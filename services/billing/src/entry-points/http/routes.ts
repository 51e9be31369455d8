import { RouteTable } from '@labshare/http';
import type { ServiceDeps } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { addCreditRoutes } from './credit.routes';
import { addLedgerRoutes } from './ledger.routes';
import { addReportRoutes } from './report.routes';
import { addStatementRoutes } from './statement.routes';
import { addSubsidyRoutes } from './subsidy.routes';

/** Billing's HTTP API: one table, so validation, roles, idempotency and OpenAPI come from one place. */
export function buildBillingRoutes(service: ServiceDeps, deps: BillingDeps): RouteTable {
  const routes = new RouteTable({
    title: 'LabShare billing API',
    version: '1.0.0',
    authenticator: service.authenticator,
    idempotency: service.idempotency,
  });
  addLedgerRoutes(routes, deps);
  addStatementRoutes(routes, deps);
  addCreditRoutes(routes, deps);
  addSubsidyRoutes(routes, deps);
  addReportRoutes(routes, deps);
  return routes;
}
