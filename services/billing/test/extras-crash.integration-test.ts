import { afterAll, describe, expect, it } from 'vitest';
import { topics } from '@labshare/contracts';
import { Announcer, apiClient, freePort, testEnv, tokenFor, waitFor } from '@labshare/testkit';
import { ledgerOf, publishUsage, usageRecord } from './billing-fixture';
import { killableBilling } from './support/killable-billing';

const RECORDS = Number(process.env.BILLING_EXTRAS_CRASH_RECORDS ?? 300);
const KILLS = Number(process.env.BILLING_CRASH_KILLS ?? 2);
const admin = tokenFor({ sub: 'zone-admin', org: 'zone-admin', roles: ['admin'] });
const finance = tokenFor({ sub: 'zone-finance', org: 'zone-finance', roles: ['finance'] });

/** 4,000/h on equipment × 1.5 for an enterprise = 100 fen a minute: each session accrues exactly minutes × 100. */
const POLICY = {
  period: '2026-12',
  currency: 'CNY',
  perHour: { lab: 4_000, equipment: 4_000, classroom: 4_000 },
  consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1, government: 1, other: 1 },
  capPerProvider: 1_000_000_000,
};

describe('billing killed while credited and subsidised usage flows in', () => {
  const env = testEnv();
  const announcer = new Announcer(env, 'billing-extras-crash-test');
  let billing: ReturnType<typeof killableBilling> | undefined;
  afterAll(async () => {
    await billing?.kill();
    await announcer.stop();
  });

  it(`when the process is SIGKILLed ${KILLS} times while ${RECORDS} records (some twice) draw on one grant, then the grant is drawn once per charge, exactly to zero, and each session accrues once`, async () => {
    await announcer.bus.ensureTopics(
      [topics.orgs, topics.resources, topics.bookings, topics.usage, topics.billing],
      3,
    );
    const providers = [await announcer.org('university'), await announcer.org('university')];
    const firm = await announcer.org('enterprise');
    const resources = await Promise.all(providers.map((p) => announcer.resource(p)));
    const port = await freePort();
    billing = killableBilling(env, port);
    await billing.start();
    const api = apiClient(`http://127.0.0.1:${port}`, { checkContract: false });
    expect((await api('PUT', '/v1/subsidy/policy', { token: admin, body: POLICY })).status).toBe(200);
    // About half of what the records charge: the grant runs out midway.
    const grantAmount = RECORDS * 20_000;
    const grant = await api('POST', '/v1/credits/grants', {
      token: admin,
      body: {
        orgId: firm.id,
        amount: grantAmount,
        fundingSource: 'voucher',
        expiresAt: '2036-06-01T00:00:00Z',
      },
    });
    expect(grant.status).toBe(201);
    // Made after the policy and the grant, as access would: a record made before them (recorded
    // now, its session being past) would be covered by neither.
    const records = Array.from({ length: RECORDS }, (_, i) =>
      usageRecord(resources[i % 2]!, firm, {
        start: new Date(Date.parse('2026-12-10T01:00:00Z') + i * 3_600_000).toISOString(),
        minutes: 1 + ((i * 37) % 90),
      }),
    );

    const publishing = (async () => {
      for (let i = 0; i < records.length; i += 50) {
        const batch = records.slice(i, i + 50);
        await publishUsage(announcer, [...batch, ...batch.filter((_, j) => j % 5 === 0)]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    for (let kill = 0; kill < KILLS; kill++) {
      const seen = await ledgerOf({ api }, firm.id, '2026-12').catch(() => ({ items: [] }));
      await waitFor(
        async () => (await ledgerOf({ api }, firm.id, '2026-12')).items.length > seen.items.length + 20,
        {
          timeoutMs: 120_000,
          what: 'billing to rate more lines',
        },
      ).catch(() => undefined);
      await billing.kill();
      await billing.start();
    }
    await publishing;

    // A run's charge lines are stored before its credits are drawn: wait for both (an overdraw
    // would pass this wait and fail the totals below).
    const ledger = await waitFor(
      async () => {
        const got = await ledgerOf({ api }, firm.id, '2026-12');
        const charged = got.items.filter((e) => e.kind === 'usage').length;
        const credited = -got.items
          .filter((e) => e.kind === 'credit_applied')
          .reduce((s, e) => s + e.amount, 0);
        return charged >= RECORDS && credited >= grantAmount && got;
      },
      { timeoutMs: 240_000, what: 'every charge and the whole grant drawn' },
    );
    const charges = ledger.items.filter((e) => e.kind === 'usage');
    const credits = ledger.items.filter((e) => e.kind === 'credit_applied');
    expect(charges).toHaveLength(RECORDS);
    expect(new Set(ledger.items.map((e) => e.id)).size).toBe(ledger.items.length);
    // One credit line per charge at most (one grant), never more than the charge, and the grant drawn to zero.
    const perCharge = new Map(charges.map((c) => [c.id, c.amount]));
    for (const credit of credits) {
      const chargeId = [...perCharge.keys()].find((id) => credit.id.startsWith(`credit:${id}:`));
      expect(chargeId, credit.id).toBeDefined();
      expect(-credit.amount).toBeLessThanOrEqual(perCharge.get(chargeId!)!);
    }
    expect(new Set(credits.map((c) => c.id.split(':').slice(0, -1).join(':'))).size).toBe(credits.length);
    expect(-credits.reduce((sum, c) => sum + c.amount, 0)).toBe(grantAmount);
    const balances = await api('GET', `/v1/credits?orgId=${firm.id}`, { token: finance });
    expect(balances.body.items[0]).toMatchObject({ balance: 0, applied: grantAmount });

    // Each external session accrued once: minutes × 100 fen.
    for (const [index, provider] of providers.entries()) {
      const mine = records.filter((_, i) => i % 2 === index);
      const line = await waitFor(
        async () => {
          const answer = await api('GET', `/v1/subsidies?period=2026-12&providerOrgId=${provider.id}`, {
            token: finance,
          });
          return answer.body.items[0]?.sessions === mine.length && answer.body.items[0];
        },
        { timeoutMs: 60_000, what: `every session of ${provider.id} accrued` },
      );
      expect(line).toMatchObject({
        externalMinutes: mine.reduce((sum, r) => sum + r.minutes, 0),
        accrued: mine.reduce((sum, r) => sum + r.minutes * 100, 0),
      });
    }
  }, 900_000);
});
