import { RouteTable } from '@labshare/http';
import type { ServiceDeps } from '@labshare/runtime';
import type { AccessDeps } from '../../domain/ports';
import { addDeviceRoutes } from './device.routes';
import { addPassRoutes } from './pass.routes';
import { addQualificationRoutes } from './qualification.routes';

/** Access's HTTP API: one table, so validation, roles, idempotency and OpenAPI come from one place. */
export function buildAccessRoutes(service: ServiceDeps, deps: AccessDeps): RouteTable {
  const routes = new RouteTable({
    title: 'LabShare access API',
    version: '1.0.0',
    authenticator: service.authenticator,
    idempotency: service.idempotency,
  });
  addQualificationRoutes(routes, deps);
  addPassRoutes(routes, deps);
  addDeviceRoutes(routes, deps);
  return routes;
}
