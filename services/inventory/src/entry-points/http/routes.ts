import express, { type Express } from 'express';
import { RouteTable } from '@labshare/http';
import type { ServiceDeps } from '@labshare/runtime';
import type { InventoryDeps } from '../../domain/ports';
import { addBlackoutRoutes } from './blackout.routes';
import { addImportRoutes, IMPORT_PATH } from './import.routes';
import { addOrgRoutes } from './org.routes';
import { addResourceRoutes } from './resource.routes';

/** The shared app parses JSON only; the import also takes a spreadsheet as `text/csv`. */
class InventoryRouteTable extends RouteTable {
  override mount(app: Express): void {
    app.use(IMPORT_PATH, express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }));
    super.mount(app);
  }
}

export function buildInventoryRoutes(service: ServiceDeps, deps: InventoryDeps): RouteTable {
  const routes = new InventoryRouteTable({
    title: 'LabShare inventory API',
    version: '1.0.0',
    authenticator: service.authenticator,
    idempotency: service.idempotency,
  });
  addOrgRoutes(routes, deps);
  addImportRoutes(routes, deps);
  addResourceRoutes(routes, deps);
  addBlackoutRoutes(routes, deps);
  return routes;
}
