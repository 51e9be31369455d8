import { afterAll, describe, expect, it } from 'vitest';
import { MessageBus } from '@labshare/messaging';
import { createLogger } from '@labshare/logging';
import { waitFor } from '@labshare/testkit';
import {
  admin,
  aProviderAndConsumer,
  finance,
  ledgerOf,
  publishUsage,
  startBilling,
  usageRecord,
  type Harness,
} from './extras-fixture';

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.stop().catch(() => undefined);
});

const groups = ['orgs', 'resources', 'usage', 'bookings', 'booking-snapshots', 'statements'].map(
  (g) => `billing.${g}`,
);

/** Every figure of the extras a test can compare, as the API answers them (bytes, not objects). */
async function figures(h: Harness, orgs: { consumer: string; provider: string }) {
  const get = async (path: string) => JSON.stringify((await h.api('GET', path, { token: finance })).body);
  return [
    await get('/v1/credits/redemptions?period=2026-12'),
    await get('/v1/subsidies?period=2026-12'),
    await get('/v1/subsidies?period=2027-01'),
    await get(`/v1/credits?orgId=${orgs.consumer}`),
    JSON.stringify(await ledgerOf(h, orgs.consumer, '2026-12')),
    await get('/v1/reports/open-use?period=2026-12'),
  ];
}

describe('rebuilding billing from the topics', () => {
  it('when the database is dropped and every topic replayed, then credits, subsidies and open use come back byte-identical', async () => {
    const first = await startBilling();
    harnesses.push(first);
    const { provider, consumer, resource } = await aProviderAndConsumer(first, {
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    const policy = {
      period: '2026-12',
      currency: 'CNY',
      perHour: { lab: 4_000, equipment: 6_000, classroom: 2_000 },
      consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1.25, government: 0.5, other: 1 },
      capPerProvider: 20_000,
    };
    expect((await first.api('PUT', '/v1/subsidy/policy', { token: admin, body: policy })).status).toBe(200);
    // Enough for every charge: which charge gets the last of an exhausted grant depends on the
    // order charges are rated (README, known limits), and a rebuild may rate them in another.
    const grant = await first.api('POST', '/v1/credits/grants', {
      token: admin,
      body: {
        orgId: consumer.id,
        amount: 200_000,
        coversPercent: 50,
        fundingSource: 'voucher',
        expiresAt: '2036-06-01T00:00:00Z',
      },
    });
    expect(grant.status).toBe(201);
    const sessions = [3, 4, 5].map((day) =>
      usageRecord(resource, consumer, { start: `2026-12-0${day}T01:00:00Z`, minutes: 60 + day }),
    );
    await publishUsage(first, ...sessions);
    await waitFor(
      async () =>
        (await ledgerOf(first, consumer.id, '2026-12')).filter((l) => l.kind === 'credit_applied').length ===
        3,
      { what: 'three charges credited' },
    );
    await waitFor(
      async () =>
        (
          await first.api('GET', `/v1/subsidies?period=2026-12&providerOrgId=${provider.id}`, {
            token: finance,
          })
        ).body.items[0]?.sessions === 3,
      { what: 'three sessions accrued' },
    );
    const settled = await first.api('POST', '/v1/subsidies/settle', {
      token: admin,
      body: { period: '2026-12' },
    });
    expect(settled.body.items[0]).toMatchObject({ status: 'settled', sessions: 3 });
    // December use arriving after the settlement: January's.
    await publishUsage(
      first,
      usageRecord(resource, consumer, { start: '2026-12-20T01:00:00Z', minutes: 30 }),
    );
    await waitFor(
      async () =>
        (
          await first.api('GET', `/v1/subsidies?period=2027-01&providerOrgId=${provider.id}`, {
            token: finance,
          })
        ).body.items[0]?.sessions === 1,
      { what: 'the late session in January' },
    );
    const orgs = { consumer: consumer.id, provider: provider.id };
    const before = await figures(first, orgs);
    await first.stop();
    harnesses.pop();

    // Same topics, a new empty database, every consumer group back at the beginning.
    const bus = new MessageBus({
      brokers: first.env.KAFKA_BROKERS!.split(','),
      clientId: 'replay-test',
      topicPrefix: first.env.KAFKA_TOPIC_PREFIX,
      logger: createLogger({ service: 'replay-test', level: 'silent' }),
    });
    const kafkaAdmin = bus.kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin
      .deleteGroups(groups.map((g) => `${first.env.KAFKA_TOPIC_PREFIX}${g}`))
      .catch(() => undefined);
    await kafkaAdmin.disconnect();
    await bus.disconnect();
    const second = await startBilling({
      KAFKA_TOPIC_PREFIX: first.env.KAFKA_TOPIC_PREFIX!,
      MONGO_DB_PREFIX: `${first.env.MONGO_DB_PREFIX}rebuilt_`,
    });
    harnesses.push(second);

    const after = await waitFor(
      async () => {
        const now = await figures(second, orgs);
        return now.every((f, i) => f === before[i]) ? now : undefined;
      },
      { what: 'the rebuilt figures', timeoutMs: 45_000 },
    ).catch(async () => figures(second, orgs));
    expect(after).toEqual(before);
  });
});
