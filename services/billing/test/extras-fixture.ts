import { randomUUID } from 'node:crypto';
import {
  newEvent,
  topics,
  usageRecordTypes,
  type EventEnvelope,
  type LedgerEntry,
  type Org,
  type Resource,
  type UsageRecord,
} from '@labshare/contracts';
import type { RunningService } from '@labshare/runtime';
import { Announcer, apiClient, testEnv, tokenFor, waitFor } from '@labshare/testkit';
import { loadBillingConfig } from '../src/config';
import { start } from '../src/start';

export const admin = tokenFor({ sub: 'zone-admin', org: 'zone-admin', roles: ['admin'] });
export const finance = tokenFor({ sub: 'zone-finance', org: 'zone-finance', roles: ['finance'] });
export const MINUTE = 60_000;
const never = '0 0 0 1 1 *';

/**
 * Billing really started (real Kafka, real MongoDB-wire server) for the credits, subsidy and
 * open-use tests, learning orgs, resources, bookings and usage from their events, published here.
 * `clock.set` freezes the service's clock (the expiry scan, grant creation); real time otherwise.
 */
export async function startBilling(overrides: Record<string, string> = {}, replicas = 1) {
  const env = testEnv({ BILLING_CLOSE_CRON: never, BILLING_CREDIT_EXPIRY_CRON: never, ...overrides });
  const clock = {
    fixed: undefined as number | undefined,
    now: () => new Date(clock.fixed ?? Date.now()),
    set: (at: string) => void (clock.fixed = Date.parse(at)),
  };
  const services: RunningService[] = [];
  for (let i = 0; i < replicas; i++) services.push(await start(loadBillingConfig(env), { clock: clock.now }));
  const announcer = new Announcer(env, 'billing-extras-test');
  return {
    env,
    clock,
    announcer,
    api: apiClient(services[0]!.url),
    async stop() {
      await announcer.stop();
      await Promise.all(services.map((s) => s.stop()));
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startBilling>>;

/** A member of the org, as a bearer header. */
export function memberOf(org: { id: string }): string {
  return tokenFor({ sub: `user-${randomUUID().slice(0, 8)}`, org: org.id, roles: ['booker'] });
}

/** An org and a resource of another announced as inventory would, plus a consumer org. */
export async function aProviderAndConsumer(
  h: Harness,
  resource: Partial<Resource> = {},
  consumerKind: Org['kind'] = 'enterprise',
) {
  const provider = await h.announcer.org('university');
  const consumer = await h.announcer.org(consumerKind);
  const shared = await h.announcer.resource(provider, resource);
  return { provider, consumer, resource: shared };
}

export { usageRecord } from './billing-fixture';

/** Publishes the records' events as access would (event id = record id). */
export async function publishUsage(h: Harness, ...records: UsageRecord[]): Promise<void> {
  const events: EventEnvelope[] = records.map((record) => ({
    ...newEvent({
      source: 'test/access',
      type: usageRecordTypes.recorded,
      subject: record.providerOrgId,
      time: new Date(record.recordedAt),
      data: { usageRecord: record },
    }),
    id: record.id,
  }));
  await h.announcer.bus.publish(topics.usage, events);
}

type Entry = LedgerEntry;

/** One side of an org's month through the ledger API (all pages). */
export async function ledgerOf(h: Harness, orgId: string, period: string, side = 'consumer') {
  const items: Entry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `orgId=${orgId}&period=${period}&side=${side}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await h.api('GET', `/v1/ledger?${query}`, { token: finance });
    if (page.status !== 200) throw new Error(`ledger answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Waits until the org's month holds lines `accept` is happy with, and returns them. */
export function linesWhen(
  h: Harness,
  orgId: string,
  period: string,
  accept: (lines: Entry[]) => boolean,
  what: string,
) {
  return waitFor(
    async () => {
      const lines = await ledgerOf(h, orgId, period);
      return accept(lines) ? lines : undefined;
    },
    { what },
  );
}
