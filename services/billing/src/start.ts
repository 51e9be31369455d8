import { topics, type Booking, type Org, type Resource } from '@labshare/contracts';
import { SnapshotStore } from '@labshare/mongo';
import { runAsMain, startService, type RunningService, type ServiceDeps } from '@labshare/runtime';
import { loadBillingConfig, type BillingConfig } from './config';
import { CreditGrantRepository } from './data-access/credit-grant.repository';
import { LedgerRepository } from './data-access/ledger.repository';
import { OpenUseRepository } from './data-access/open-use.repository';
import { ReviewRepository } from './data-access/review.repository';
import { StatementLogReader } from './data-access/statement-log.reader';
import { StatementRepository } from './data-access/statement.repository';
import { SubsidyPolicyRepository } from './data-access/subsidy-policy.repository';
import { SubsidyRepository } from './data-access/subsidy.repository';
import type { AfterChargeStep, BillingDeps } from './domain/ports';
import { accrueSubsidy } from './domain/support/accrue-subsidy';
import { applyCredits } from './domain/support/apply-credits';
import { recordOpenUse } from './domain/support/record-open-use';
import { buildBillingRoutes } from './entry-points/http/routes';
import { creditExpiryJob } from './entry-points/jobs/credit-expiry.job';
import { statementCloseJob } from './entry-points/jobs/statement-close.job';
import { bookingEventsConsumer } from './entry-points/messaging/booking-events.consumer';
import { bookingSnapshotsConsumer } from './entry-points/messaging/booking-snapshots.consumer';
import { orgEventsConsumer } from './entry-points/messaging/org-events.consumer';
import { resourceEventsConsumer } from './entry-points/messaging/resource-events.consumer';
import { statementEventsConsumer } from './entry-points/messaging/statement-events.consumer';
import { usageRecordsConsumer } from './entry-points/messaging/usage-records.consumer';

/** The group that reads billing's own issued statements back (rating waits for it after a start). */
const STATEMENTS_GROUP = 'billing.statements';

/** The steps run after each charge line (usage credits, subsidies plug in here). */
const afterCharge: AfterChargeStep[] = [applyCredits, accrueSubsidy, recordOpenUse];

/** Wires billing: repositories and read models → use cases → HTTP, consumers, the statement close. */
function build(config: BillingConfig, service: ServiceDeps) {
  const ledger = new LedgerRepository(service.db, service.nudgeRelay);
  const reviews = new ReviewRepository(service.db);
  const statements = new StatementRepository(service.db, service.nudgeRelay);
  const credits = new CreditGrantRepository(service.db, service.nudgeRelay);
  const subsidyPolicies = new SubsidyPolicyRepository(service.db, service.nudgeRelay);
  const subsidies = new SubsidyRepository(service.db, service.nudgeRelay);
  const openUse = new OpenUseRepository(service.db);
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
    credits,
    subsidyPolicies,
    subsidies,
    openUse,
    // Booking's bookings, for the open-use report's booked minutes.
    bookings: new SnapshotStore<Booking>(service.db, 'bookings', { awaitMs: 0 }),
    timezone: config.BILLING_TIMEZONE,
    clock: service.clock,
    newId: service.newId,
    correlationId: service.correlationId,
  };
  return {
    routes: buildBillingRoutes(service, deps),
    repositories: [ledger, reviews, statements, credits, subsidyPolicies, subsidies, openUse],
    consumers: [
      orgEventsConsumer(deps),
      resourceEventsConsumer(deps),
      usageRecordsConsumer(deps),
      bookingEventsConsumer(deps),
      bookingSnapshotsConsumer(deps),
      statementEventsConsumer(deps, STATEMENTS_GROUP),
    ],
    jobs: [
      statementCloseJob(deps, config.BILLING_CLOSE_CRON),
      creditExpiryJob(deps, config.BILLING_CREDIT_EXPIRY_CRON),
    ],
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
