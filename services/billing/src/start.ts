import { topics, type Org, type Resource } from '@labshare/contracts';
import { SnapshotStore } from '@labshare/mongo';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadBillingConfig, type BillingConfig } from './config';
import { LedgerRepository } from './data-access/ledger.repository';
import { ReviewRepository } from './data-access/review.repository';
import { StatementLogReader } from './data-access/statement-log.reader';
import { StatementRepository } from './data-access/statement.repository';
import type { AfterChargeStep, BillingDeps } from './domain/ports';
import { buildBillingRoutes } from './entry-points/http/routes';
import { statementCloseJob } from './entry-points/jobs/statement-close.job';
import { bookingEventsConsumer } from './entry-points/messaging/booking-events.consumer';
import { orgEventsConsumer } from './entry-points/messaging/org-events.consumer';
import { resourceEventsConsumer } from './entry-points/messaging/resource-events.consumer';
import { statementEventsConsumer } from './entry-points/messaging/statement-events.consumer';
import { usageRecordsConsumer } from './entry-points/messaging/usage-records.consumer';

/** The group that reads billing's own issued statements back (rating waits for it after a start). */
const STATEMENTS_GROUP = 'billing.statements';

/** The steps run after each charge line (usage credits, subsidies plug in here). */
const afterCharge: AfterChargeStep[] = [];

/** Wires billing: repositories and read models → use cases → HTTP, consumers, the statement close. */
function build(config: BillingConfig, service: ServiceDeps) {
  const ledger = new LedgerRepository(service.db, service.nudgeRelay);
  const reviews = new ReviewRepository(service.db);
  const statements = new StatementRepository(service.db, service.nudgeRelay);
  const deps: BillingDeps = {
    ledger,
    reviews,
    statements,
    statementLog: new StatementLogReader(service.bus, STATEMENTS_GROUP),
    // Read models of inventory's orgs and resources, fed by their snapshot events. Billing never
    // waits for one: a fact naming an unknown record goes to review and is rated when it arrives.
    orgs: new SnapshotStore<Org>(service.db, 'orgs', { awaitMs: 0 }),
    resources: new SnapshotStore<Resource>(service.db, 'resources', { awaitMs: 0 }),
    afterCharge,
    timezone: config.BILLING_TIMEZONE,
    clock: service.clock,
    newId: service.newId,
    correlationId: service.correlationId,
  };
  return {
    routes: buildBillingRoutes(service, deps),
    repositories: [ledger, reviews, statements],
    consumers: [
      orgEventsConsumer(deps),
      resourceEventsConsumer(deps),
      usageRecordsConsumer(deps),
      bookingEventsConsumer(deps),
      statementEventsConsumer(deps, STATEMENTS_GROUP),
    ],
    jobs: [statementCloseJob(deps, config.BILLING_CLOSE_CRON)],
  };
}

export async function start(
  config: BillingConfig = loadBillingConfig(),
  options: { clock?: () => Date } = {},
): Promise<RunningService> {
  return startService({
    name: 'billing',
    config,
    clock: options.clock,
    topics: [topics.orgs, topics.resources, topics.bookings, topics.usage, topics.billing],
    build: (service) => build(config, service),
  });
}

export { loadBillingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
