import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadBookingConfig, type BookingConfig } from './config';
import { AnswerCache } from './data-access/answer-cache';
import { BookingProjectionRepository } from './data-access/booking-projection.repository';
import { CalendarCache } from './data-access/calendar-cache';
import { CalendarRepository } from './data-access/calendar.repository';
import { OccupancyView } from './data-access/occupancy-view';
import {
  OrgReadModel,
  QualificationReadModel,
  ResourceReadModel,
} from './data-access/read-models.repository';
import type { BookingDeps } from './domain/ports';
import { calendarTurns } from './domain/support/change-calendar';
import { repairProjection } from './domain/use-cases/repair-projection';
import { buildBookingRoutes } from './entry-points/http/routes';
import { bookingScanJob } from './entry-points/jobs/booking-scan.job';
import { calendarPruneJob } from './entry-points/jobs/calendar-prune.job';
import { accessEventsConsumer } from './entry-points/messaging/access-events.consumer';
import { calendarNewsConsumer } from './entry-points/messaging/calendar-news.consumer';
import { inventoryMemoryConsumer } from './entry-points/messaging/inventory-memory.consumer';
import { inventorySnapshotsConsumer } from './entry-points/messaging/inventory-snapshots.consumer';

/**
 * How long a calendar a search holds is kept current from events alone before it is read again (a
 * bound on what a change without an event could leave wrong: every change answers read has one today).
 */
const OCCUPANCY_REREAD_MS = 10 * 60_000;

/** Wires booking: repositories and read models → use cases → HTTP, consumers, scheduled scans. */
function build(config: BookingConfig, service: ServiceDeps) {
  const readModels = { awaitMs: config.READ_MODEL_WAIT_MS };
  const projection = new BookingProjectionRepository(service.db);
  const calendars = new CalendarRepository(service.db, service.nudgeRelay, {
    headBookings: config.CALENDAR_HEAD_BOOKINGS,
    logger: service.logger,
    beforeSend: (events) => repairProjection({ projection }, events),
  });
  const resources = new ResourceReadModel(service.db, readModels);
  const held = { maxAgeMs: config.CALENDAR_CACHE_MS, maxEntries: config.CALENDAR_CACHE_ENTRIES };
  const occupancies = new OccupancyView((ids) => calendars.occupancyOf(ids), {
    ...held,
    rereadMs: OCCUPANCY_REREAD_MS,
    logger: service.logger,
  });
  const replica = service.newId();
  const calendarCache = new CalendarCache(calendars, occupancies, {
    ...held,
    holdMs: Math.max(config.CALENDAR_HOLD_MS, config.CALENDAR_CACHE_MS),
    maxBookings: config.CALENDAR_CACHE_BOOKINGS,
  });
  const deps: BookingDeps = {
    calendars: calendarCache,
    calendarTurns: calendarTurns(calendarCache),
    calendarNews: calendarCache,
    projection,
    resources,
    orgs: new OrgReadModel(service.db, readModels),
    qualifications: new QualificationReadModel(service.db),
    answers: new AnswerCache(config.AVAILABILITY_ANSWER_PIECES),
    clock: service.clock,
    newId: service.newId,
    correlationId: service.correlationId,
    holdMs: config.HOLD_MINUTES * 60_000,
    offerMs: config.OFFER_MINUTES * 60_000,
    maxSeriesOccurrences: config.MAX_SERIES_OCCURRENCES,
  };
  return {
    routes: buildBookingRoutes(service, deps),
    repositories: [calendars, projection, resources],
    consumers: [
      inventorySnapshotsConsumer(deps),
      inventoryMemoryConsumer(deps, replica),
      calendarNewsConsumer(deps, replica),
      accessEventsConsumer(deps),
    ],
    jobs: [
      bookingScanJob(deps, config.BOOKING_SCAN_CRON),
      calendarPruneJob(deps, config.BOOKING_PRUNE_CRON, config.BOOKING_RETENTION_DAYS),
    ],
  };
}

export async function start(
  config: BookingConfig = loadBookingConfig(),
  options: { clock?: () => Date } = {},
): Promise<RunningService> {
  return startService({
    name: 'booking',
    config,
    clock: options.clock,
    topics: [topics.orgs, topics.resources, topics.qualifications, topics.sessions, topics.bookings],
    build: (service) => build(config, service),
  });
}

export { loadBookingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
