import { afterAll, describe, expect, it } from 'vitest';
import { topics, type UsageRecord } from '@labshare/contracts';
import { Announcer, apiClient, freePort, resourceSnapshot, testEnv, waitFor } from '@labshare/testkit';
import { ledgerOf, publishUsage, usageRecord } from './billing-fixture';
import { killableBilling } from './support/killable-billing';

/** 1,000 records in the normal run; `BILLING_CRASH_RECORDS=10000` for the full proof. */
const RECORDS = Number(process.env.BILLING_CRASH_RECORDS ?? 1000);
const KILLS = Number(process.env.BILLING_CRASH_KILLS ?? 3);

/**
 * What the test expects billing to charge, computed here without the pricing library: a 15-minute
 * increment and a 30-minute minimum at an hourly rate divisible by 4, so each quarter hour costs
 * exactly a quarter of the rate.
 */
function expectedAmount(record: UsageRecord, perHour: number): number {
  const quarters = Math.max(Math.ceil(record.minutes / 15), 2);
  return quarters * (perHour / 4);
}

describe('billing killed while usage flows in', () => {
  const env = testEnv();
  const announcer = new Announcer(env, 'billing-crash-test');
  let billing: ReturnType<typeof killableBilling> | undefined;
  afterAll(async () => {
    await billing?.kill();
    await announcer.stop();
  });

  it(`when the billing process is SIGKILLed ${KILLS} times while ${RECORDS} usage records (some twice) flow in, then the ledger equals the totals computed here`, async () => {
    await announcer.bus.ensureTopics(
      [topics.orgs, topics.resources, topics.bookings, topics.usage, topics.billing],
      3,
    );
    const provider = await announcer.org('university');
    const consumers = [await announcer.org('enterprise'), await announcer.org('training_body'), provider];
    const resource = await announcer.resource(provider, {
      policy: { ...resourceSnapshot(provider).policy, billing: 'actual' },
      rates: {
        currency: 'CNY',
        perHour: {
          internal: 4000,
          university: 30000,
          enterprise: 80000,
          training_body: 24000,
          government: 30000,
          other: 80000,
        },
        incrementMinutes: 15,
        minimumMinutes: 30,
      },
    });
    const records = Array.from({ length: RECORDS }, (_, i) =>
      usageRecord(resource, consumers[i % consumers.length]!, {
        // Across the end of October in Shanghai, so two periods are counted.
        start: new Date(Date.parse('2026-10-31T06:00:00Z') + i * 60_000).toISOString(),
        minutes: 1 + ((i * 37) % 180),
      }),
    );
    const expected = new Map<string, { amount: number; lines: number }>();
    for (const record of records) {
      const category = record.priceTerms.category;
      const key = `${record.consumerOrgId} ${Date.parse(record.end) >= Date.parse('2026-10-31T16:00:00Z') ? '2026-11' : '2026-10'}`;
      const sum = expected.get(key) ?? { amount: 0, lines: 0 };
      sum.amount += expectedAmount(record, resource.rates.perHour[category]);
      sum.lines += 1;
      expected.set(key, sum);
    }

    const port = await freePort();
    billing = killableBilling(env, port);
    await billing.start();
    // Publish in the background (a tenth of them twice), while the process is killed and restarted.
    const publishing = (async () => {
      for (let i = 0; i < records.length; i += 100) {
        const batch = records.slice(i, i + 100);
        await publishUsage(announcer, [...batch, ...batch.filter((_, j) => j % 10 === 0)]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const api = apiClient(`http://127.0.0.1:${port}`, { checkContract: false });
    for (let kill = 0; kill < KILLS; kill++) {
      // Let it rate a while: until some new lines appear since the last start.
      const [firstKey] = expected.keys();
      const [orgId, period] = firstKey!.split(' ') as [string, string];
      const seen = await ledgerOf({ api }, orgId, period).catch(() => ({ items: [] }));
      await waitFor(async () => (await ledgerOf({ api }, orgId, period)).items.length > seen.items.length, {
        timeoutMs: 120_000,
        what: 'billing to rate more lines',
      }).catch(() => undefined);
      await billing.kill();
      await billing.start();
    }
    await publishing;

    for (const [key, want] of expected) {
      const [orgId, period] = key.split(' ') as [string, string];
      const got = await waitFor(
        async () => {
          const ledger = await ledgerOf({ api }, orgId, period);
          return ledger.items.length >= want.lines && ledger;
        },
        { timeoutMs: 240_000, what: `every line of ${key}` },
      );
      expect({ lines: got.items.length, amount: got.total }).toEqual({
        lines: want.lines,
        amount: want.amount,
      });
      expect(new Set(got.items.map((e) => e.id)).size).toBe(want.lines);
    }
  }, 900_000);
});
