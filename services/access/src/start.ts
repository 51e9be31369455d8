import { topics, type Booking, type Resource } from '@labshare/contracts';
import { SnapshotStore } from '@labshare/mongo';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadAccessConfig, type AccessConfig } from './config';
import { PassKeyring, configuredPassKeys } from './data-access/pass-keyring';
import { PassRepository } from './data-access/pass.repository';
import { QualificationRepository } from './data-access/qualification.repository';
import { SessionRepository } from './data-access/session.repository';
import type { AccessDeps } from './domain/ports';
import { buildAccessRoutes } from './entry-points/http/routes';
import { sessionCloseJob } from './entry-points/jobs/session-close.job';
import { bookingEventsConsumer } from './entry-points/messaging/booking-events.consumer';
import { resourceEventsConsumer } from './entry-points/messaging/resource-events.consumer';

/** Wires access: repositories, read models and the pass keys → use cases → HTTP, consumers, the session scan. */
function build(config: AccessConfig, service: ServiceDeps) {
  const readModels = { awaitMs: config.READ_MODEL_WAIT_MS };
  const qualifications = new QualificationRepository(service.db, service.nudgeRelay);
  const passes = new PassRepository(service.db);
  const sessions = new SessionRepository(service.db, service.nudgeRelay);
  const signer = new PassKeyring(service.db, configuredPassKeys(config), config.ACCESS_PASS_ISSUER);
  const deps: AccessDeps = {
    qualifications,
    passes,
    sessions,
    // Read models of booking's bookings and inventory's resources, fed by their snapshot events.
    bookings: new SnapshotStore<Booking>(service.db, 'bookings', readModels),
    resources: new SnapshotStore<Resource>(service.db, 'resources', readModels),
    signer,
    clock: service.clock,
    newId: service.newId,
    correlationId: service.correlationId,
    autoCheckoutGraceMs: config.ACCESS_AUTO_CHECKOUT_GRACE_MINUTES * 60_000,
    revocationOverlapMs: config.ACCESS_REVOCATION_OVERLAP_SECONDS * 1000,
  };
  return {
    routes: buildAccessRoutes(service, deps),
    repositories: [qualifications, passes, sessions, signer],
    consumers: [bookingEventsConsumer(deps), resourceEventsConsumer(deps)],
    jobs: [sessionCloseJob(deps, config.ACCESS_SCAN_CRON)],
  };
}

export async function start(
  config: AccessConfig = loadAccessConfig(),
  options: { clock?: () => Date } = {},
): Promise<RunningService> {
  return startService({
    name: 'access',
    config,
    clock: options.clock,
    topics: [topics.resources, topics.bookings, topics.qualifications, topics.sessions, topics.usage],
    build: (service) => build(config, service),
  });
}

export { loadAccessConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
