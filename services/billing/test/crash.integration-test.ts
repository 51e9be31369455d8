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
    /** Each line's amount by line id, to name the lines that differ when a total does. */
    const expectedLine = new Map<string, number>();
    for (const record of records) {
      const category = record.priceTerms.category;
      expectedLine.set(`usage:${record.id}`, expectedAmount(record, resource.rates.perHour[category]));
      const key = `${record.consumerOrgId} ${Date.parse(record.end) >= Date.parse('2026-10-31T16:00:00Z') ? '2026-11' : '2026-10'}`;
      const sum = expected.get(key) ?? { amount: 0, lines: 0 };
      sum.amount += expectedAmount(record, resource.rates.perHour[category]);
      sum.lines += 1;
      expected.set(key, sum);
    }

    const port = await freePort();
    billing = killableBilling(env, port);
    await billing.start();
    // Publish in the background (a tenth of them twice), paced to go on across the kills, while
    // the process is killed and restarted.
    const batches = Math.ceil(records.length / 100);
    const pauseMs = Math.max(20, Math.round((KILLS * 6_000) / batches));
    let published = false;
    const publishing = (async () => {
      for (let i = 0; i < records.length; i += 100) {
        const batch = records.slice(i, i + 100);
        await publishUsage(announcer, [...batch, ...batch.filter((_, j) => j % 10 === 0)]);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      published = true;
    })();
    const api = apiClient(`http://127.0.0.1:${port}`, { checkContract: false });
    /** Lines rated so far, over every org and month of the run. */
    const rated = async () => {
      let lines = 0;
      for (const key of expected.keys()) {
        const [orgId, period] = key.split(' ') as [string, string];
        lines += (await ledgerOf({ api }, orgId, period)).items.length;
      }
      return lines;
    };
    let killedMidFlow = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill while it rates: as soon as new lines appear since this start (or once it has rated
      // everything, so a fast run never waits for lines that cannot come).
      const seen = await waitFor(() => rated().then((n) => ({ n })), { what: 'billing to answer' });
      const now = await waitFor(
        async () => {
          const n = await rated();
          return (n > seen.n || (published && n >= records.length)) && { n };
        },
        { timeoutMs: 120_000, intervalMs: 200, what: 'billing to rate more lines' },
      );
      if (now.n < records.length) killedMidFlow += 1;
      await billing.kill();
      await billing.start();
    }
    await publishing;
    console.info(`[billing crash] ${killedMidFlow} of ${KILLS} kills landed with lines still to rate`);
    expect(killedMidFlow, 'kills that landed while lines were still to rate').toBeGreaterThan(0);

    for (const [key, want] of expected) {
      const [orgId, period] = key.split(' ') as [string, string];
      await waitFor(async () => (await ledgerOf({ api }, orgId, period)).items.length >= want.lines, {
        timeoutMs: 240_000,
        what: `every line of ${key}`,
      });
      // Read again once every line is in: a page's items and its total are two reads, so the read
      // that saw the last lines may have summed the total just before the last run was stored.
      const got = await ledgerOf({ api }, orgId, period);
      const differing = got.items.filter((e) => e.amount !== expectedLine.get(e.id));
      expect({ lines: got.items.length, amount: got.total, differing: differing.slice(0, 5) }).toEqual({
        lines: want.lines,
        amount: want.amount,
        differing: [],
      });
      expect(new Set(got.items.map((e) => e.id)).size).toBe(want.lines);
    }
  }, 900_000);
});
