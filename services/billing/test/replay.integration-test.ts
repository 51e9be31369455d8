import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, topics } from '@labshare/contracts';
import { apiClient, bookingSnapshot, resourceSnapshot, waitFor } from '@labshare/testkit';
import { loadBillingConfig } from '../src/config';
import { start } from '../src/start';
import {
  finance,
  ledgerOf,
  publishUsage,
  startBillingService,
  usageRecord,
  type BillingHarness,
} from './billing-fixture';

/** Billing's consumer groups and the topic each reads. */
const groups = [
  ['billing.orgs', topics.orgs],
  ['billing.resources', topics.resources],
  ['billing.usage', topics.usage],
  ['billing.bookings', topics.bookings],
  ['billing.booking-snapshots', topics.bookings],
  ['billing.statements', topics.billing],
] as const;

/** Every figure billing shows for these orgs and months, as the API serialises it. */
async function figures(api: BillingHarness['api'], orgIds: string[], periods: string[]): Promise<string> {
  const shown: unknown[] = [];
  for (const orgId of orgIds) {
    for (const period of periods) {
      shown.push(await ledgerOf({ api }, orgId, period, 'consumer'));
      shown.push(await ledgerOf({ api }, orgId, period, 'provider'));
      shown.push(
        (await api('GET', `/v1/statements?orgId=${orgId}&period=${period}`, { token: finance })).body,
      );
    }
  }
  return JSON.stringify(shown);
}

describe('a replay from the topics', () => {
  let h: BillingHarness | undefined;
  afterAll(async () => {
    await h?.stop();
  });

  it("when billing's database is dropped and every topic replayed from the beginning, then ledger and statements come out byte-identical", async () => {
    h = await startBillingService();
    const { announcer } = h;
    const provider = await announcer.org('university');
    const firm = await announcer.org('enterprise');
    const school = await announcer.org('training_body');
    const resource = await announcer.resource(provider, {
      policy: { ...resourceSnapshot(provider).policy, billing: 'actual' },
      rates: { ...resourceSnapshot(provider).rates, incrementMinutes: 15, minimumMinutes: 30 },
    });
    const records = Array.from({ length: 24 }, (_, i) =>
      usageRecord(resource, i % 3 === 0 ? school : i % 3 === 1 ? firm : provider, {
        start: new Date(Date.parse('2026-09-25T01:00:00Z') + i * 20 * 3_600_000).toISOString(),
        minutes: 7 + i * 11,
      }),
    );
    await publishUsage(announcer, records);
    const fee = bookingSnapshot(resource, firm, {
      start: '2026-10-03T02:00:00.000Z',
      end: '2026-10-03T04:00:00.000Z',
      status: 'no_show',
      fee: { amount: 160000, currency: 'CNY' },
      version: 2,
    });
    await announcer.booking(fee, bookingEventTypes.noShow);
    // A resource announced only after its usage: reviewed, then rated.
    const lateResource = resourceSnapshot(provider);
    await publishUsage(announcer, [
      usageRecord(lateResource, firm, { start: '2026-10-04T02:00:00Z', minutes: 45 }),
    ]);
    await announcer.resourceState(lateResource);
    const api = h.api;
    const orgIds = [provider.id, firm.id, school.id];
    const periods = ['2026-09', '2026-10', '2026-11'];
    const linesCharged = async () => {
      let count = 0;
      for (const orgId of orgIds)
        for (const period of periods) count += (await ledgerOf({ api }, orgId, period)).items.length;
      return count;
    };
    await waitFor(async () => (await linesCharged()) === records.length + 2, { what: 'every line' });

    // September of the training body is issued; usage of September that comes later is October's adjustment.
    const issued = await api('POST', '/v1/statements/issue', {
      token: finance,
      body: { orgId: school.id, period: '2026-09' },
    });
    expect(issued.body.status).toBe('issued');
    const late = usageRecord(resource, school, { start: '2026-09-29T02:00:00Z', minutes: 90 });
    await publishUsage(announcer, [late]);
    await waitFor(async () =>
      (await ledgerOf({ api }, school.id, '2026-10')).items.some((e) => e.id === `usage:${late.id}`),
    );

    const before = await figures(api, orgIds, periods);
    expect(before).toContain('"kind":"adjustment"');

    // Lose billing's database; replay every topic it reads from the beginning.
    await h.service.stop();
    const mongo = new MongoClient(h.env.MONGO_URL!);
    await mongo.db(`${h.env.MONGO_DB_PREFIX}billing`).dropDatabase();
    await mongo.close();
    const admin = announcer.bus.kafka.admin();
    await admin.connect();
    for (const [group, topic] of groups) {
      await admin.resetOffsets({
        groupId: announcer.bus.group(group),
        topic: announcer.bus.topic(topic),
        earliest: true,
      });
    }
    await admin.disconnect();

    const rebuilt = await start(loadBillingConfig(h.env));
    h.service = rebuilt;
    const rebuiltApi = apiClient(rebuilt.url);
    const after = await waitFor(
      async () => {
        const shown = await figures(rebuiltApi, orgIds, periods);
        return shown === before && shown;
      },
      { timeoutMs: 60_000, what: 'the rebuilt figures to match' },
    ).catch(async () => figures(rebuiltApi, orgIds, periods));
    expect(after).toBe(before);
  }, 180_000);
});
