import { RouteTable } from '@labshare/http';
import type { ServiceDeps } from '@labshare/runtime';

export function buildAccessRoutes(deps: ServiceDeps): RouteTable {
  return new RouteTable({
    title: 'LabShare access API',
    version: '1.0.0',
    authenticator: deps.authenticator,
    idempotency: deps.idempotency,
  });
}
