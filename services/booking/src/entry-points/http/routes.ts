import { RouteTable } from '@labshare/http';
import type { ServiceDeps } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { addAvailabilityRoutes } from './availability.routes';
import { addBookingRoutes } from './booking.routes';
import { addSeriesAndWaitlistRoutes } from './series-waitlist.routes';

/** Booking's HTTP API: one table, so validation, roles, idempotency and OpenAPI come from one place. */
export function buildBookingRoutes(service: ServiceDeps, deps: BookingDeps): RouteTable {
  const routes = new RouteTable({
    title: 'LabShare booking API',
    version: '1.0.0',
    authenticator: service.authenticator,
    idempotency: service.idempotency,
  });
  addAvailabilityRoutes(routes, deps);
  addBookingRoutes(routes, deps);
  addSeriesAndWaitlistRoutes(routes, deps);
  return routes;
}
