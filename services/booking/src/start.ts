import { randomUUID } from 'node:crypto';
import { topics } from '@labshare/contracts';
import { RouteTable } from '@labshare/http';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { BookingProjectionRepository } from './data-access/booking-projection.repository';
import { CalendarRepository } from './data-access/calendar.repository';
import { InventoryClient } from './data-access/inventory.client';
import {
  OrgReadModel,
  QualificationReadModel,
  ResourceReadModel,
} from './data-access/read-models.repository';
import type { BookingDeps } from './domain/use-cases/booking-deps';
import { addAvailabilityRoutes } from './entry-points/http/availability.routes';
import { addBookingRoutes } from './entry-points/http/booking.routes';
import { addSeriesAndWaitlistRoutes } from './entry-points/http/series-waitlist.routes';
import { bookingScanJob } from './entry-points/jobs/booking-scan.job';
import { calendarPruneJob } from './entry-points/jobs/calendar-prune.job';
import { bookingConsumers } from './entry-points/messaging/booking-consumers';
import { loadBookingConfig, type BookingConfig } from './config';

/** Wires the booking service: repositories and read models → use cases → HTTP, consumers, scans. */
function build(config: BookingConfig, service: ServiceDeps) {
  const inventory = new InventoryClient(config.INVENTORY_URL);
  const calendars = new CalendarRepository(service.db);
  const projection = new BookingProjectionRepository(service.db);
  const resources = new ResourceReadModel(service.db, inventory);
  const orgs = new OrgReadModel(service.db, inventory);
  const qualifications = new QualificationReadModel(service.db);
  const deps: BookingDeps = {
    calendars,
    projection,
    resources,
    orgs,
    qualifications,
    clock: service.clock,
    newId: randomUUID,
    holdMs: config.HOLD_MINUTES * 60_000,
    offerMs: config.OFFER_MINUTES * 60_000,
    maxSeriesOccurrences: config.MAX_SERIES_OCCURRENCES,
    afterCommit: service.nudgeRelay,
  };
  const routes = new RouteTable({
    title: 'LabShare booking API',
    version: '1.0.0',
    authenticator: service.authenticator,
    idempotency: service.idempotency,
  });
  addAvailabilityRoutes(routes, deps);
  addBookingRoutes(routes, deps);
  addSeriesAndWaitlistRoutes(routes, deps);
  return {
    routes,
    outboxSources: [calendars.outboxSource],
    consumers: bookingConsumers({ deps, resources, orgs, qualifications, projection }),
    jobs: [
      bookingScanJob(deps, config.BOOKING_SCAN_CRON),
      calendarPruneJob(deps, config.BOOKING_PRUNE_CRON, config.BOOKING_RETENTION_DAYS),
    ],
    ensureIndexes: async () => {
      await calendars.ensureIndexes();
      await projection.ensureIndexes();
    },
  };
}

export async function start(
  config: BookingConfig = loadBookingConfig(),
  options: { clock?: () => Date } = {},
): Promise<RunningService> {
  return startService({
    name: 'booking',
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    topics: [topics.orgs, topics.resources, topics.qualifications, topics.sessions, topics.bookings],
    build: (service) => build(config, service),
  });
}

export { loadBookingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
