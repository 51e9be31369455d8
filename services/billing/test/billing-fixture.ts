import { randomUUID } from 'node:crypto';
import {
  newEvent,
  topics,
  usageRecordTypes,
  type EventEnvelope,
  type Org,
  type Resource,
  type UsageRecord,
} from '@labshare/contracts';
import { customerCategory, minutesBetween, priceTermsFor, sessionCharge } from '@labshare/pricing';
import type { RunningService } from '@labshare/runtime';
import { Announcer, apiClient, testEnv, tokenFor } from '@labshare/testkit';
import { loadBillingConfig } from '../src/config';
import { start } from '../src/start';

export const finance = tokenFor({ sub: 'zone-finance', org: 'zone-finance', roles: ['finance'] });
export const MINUTE = 60_000;

/**
 * The billing service really started (real Kafka, real MongoDB-wire server), learning orgs,
 * resources, bookings and usage the way it does in production: from their events, published here.
 */
export async function startBillingService(overrides: Record<string, string> = {}) {
  const env = testEnv({ BILLING_CLOSE_CRON: '0 0 0 1 1 *', ...overrides });
  const service: RunningService = await start(loadBillingConfig(env));
  const announcer = new Announcer(env, 'billing-test');
  return {
    env,
    service,
    /** Plays inventory, booking and access on the bus. */
    announcer,
    api: apiClient(service.url),
    async stop() {
      await announcer.stop();
      await service.stop();
    },
  };
}

export type BillingHarness = Awaited<ReturnType<typeof startBillingService>>;

/** A member of the org, as a bearer header. */
export function memberOf(org: { id: string }): string {
  return tokenFor({ sub: `user-${randomUUID().slice(0, 8)}`, org: org.id, roles: ['booker'] });
}

/**
 * A closed session's usage record as access publishes it: booked for an hour from `start`, used
 * `minutes` from `start`, priced on the resource's card for the consumer's category.
 */
export function usageRecord(
  resource: Resource,
  consumer: Pick<Org, 'id' | 'kind'>,
  options: { start: string; minutes: number; bookedMinutes?: number; quantity?: number; bookingId?: string },
): UsageRecord {
  const start = Date.parse(options.start);
  const bookedEnd = start + (options.bookedMinutes ?? 60) * MINUTE;
  const end = start + options.minutes * MINUTE;
  const quantity = options.quantity ?? 1;
  const priceTerms = priceTermsFor(resource, customerCategory(resource.orgId, consumer.id, consumer.kind));
  const quote = sessionCharge(priceTerms, {
    bookedMinutes: minutesBetween(start, bookedEnd),
    quantity,
    outcome: { kind: 'quote' },
  });
  const sessionId = `ses-${randomUUID()}`;
  return {
    id: `usage-${sessionId}`,
    sessionId,
    bookingId: options.bookingId ?? `bkg-${randomUUID()}`,
    resourceId: resource.id,
    resourceKind: resource.kind,
    providerOrgId: resource.orgId,
    consumerOrgId: consumer.id,
    consumerKind: consumer.kind,
    userId: 'user-1',
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    minutes: options.minutes,
    external: consumer.id !== resource.orgId,
    booked: {
      start: new Date(start).toISOString(),
      end: new Date(bookedEnd).toISOString(),
      quantity,
      price: { amount: quote.amount, currency: quote.currency },
    },
    priceTerms,
    closedBy: 'device',
    // Access records a session when it ends, never before it makes the record: a session dated in
    // the past is recorded now (after the test's policy and rate cards were set, as in real use).
    recordedAt: new Date(Math.max(end + 1000, Date.now())).toISOString(),
  };
}

/** The event access publishes for a record (its id is the record's, as access makes it). */
export function usageEvent(record: UsageRecord): EventEnvelope {
  const event = newEvent({
    source: 'test/access',
    type: usageRecordTypes.recorded,
    subject: record.providerOrgId,
    time: new Date(record.recordedAt),
    data: { usageRecord: record },
  });
  return { ...event, id: record.id };
}

/** Publishes the records' events as access would, in batches. */
export async function publishUsage(announcer: Announcer, records: UsageRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await announcer.bus.publish(topics.usage, records.slice(i, i + 500).map(usageEvent));
  }
}

/** Every entry of one side of an org's month, through the paged API, with the page's total. */
export async function ledgerOf(
  h: Pick<BillingHarness, 'api'>,
  orgId: string,
  period: string,
  side: 'consumer' | 'provider' = 'consumer',
) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the bodies
  const items: any[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const query: string = `orgId=${orgId}&period=${period}&side=${side}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await h.api('GET', `/v1/ledger?${query}`, { token: finance });
    if (page.status !== 200) throw new Error(`ledger answered ${page.status}`);
    items.push(...page.body.items);
    total = page.body.total;
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, total };
}
