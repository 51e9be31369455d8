import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@labshare/contracts';
import { waitFor } from '@labshare/testkit';
import { CreditGrantRepository } from '../src/data-access/credit-grant.repository';
import {
  admin,
  aProviderAndConsumer,
  finance,
  linesWhen,
  memberOf,
  publishUsage,
  startBilling,
  usageRecord,
  type Harness,
} from './extras-fixture';

let h: Harness;
beforeAll(async () => {
  // Two replicas, so charges of one org are rated side by side; the expiry scan every second.
  h = await startBilling({ BILLING_CREDIT_EXPIRY_CRON: '* * * * * *' }, 2);
});
afterAll(() => h?.stop());

const PERIOD = '2026-12';
const grantFor = (orgId: string, body: Record<string, unknown>) =>
  h.api('POST', '/v1/credits/grants', {
    token: admin,
    body: { orgId, fundingSource: 'lingang-voucher', expiresAt: '2036-06-01T00:00:00Z', ...body },
  });
const usageOf = (lines: LedgerEntry[]) => lines.filter((l) => l.kind === 'usage');
const creditsOf = (lines: LedgerEntry[]) => lines.filter((l) => l.kind === 'credit_applied');

describe('usage credits', () => {
  it('when a 50 % grant covers a charge, then half of it is a credit_applied line and the statement nets it', async () => {
    const { consumer, resource } = await aProviderAndConsumer(h);
    expect((await grantFor(consumer.id, { amount: 1_000_000, coversPercent: 50 })).status).toBe(201);
    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-03T02:00:00Z', minutes: 60 }));

    const lines = await linesWhen(
      h,
      consumer.id,
      PERIOD,
      (l) => creditsOf(l).length === 1,
      'the credit line',
    );
    const charge = usageOf(lines)[0]!.amount;
    expect(charge).toBeGreaterThan(0);
    expect(creditsOf(lines)[0]).toMatchObject({
      amount: -Math.round(charge / 2),
      counterpartyOrgId: resource.orgId,
    });

    const statement = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=${PERIOD}`, {
      token: finance,
    });
    expect(statement.body).toMatchObject({
      gross: charge,
      credits: Math.round(charge / 2),
      net: charge - Math.round(charge / 2),
    });
  });

  it('when a 100 % grant covers one charge fully and the next partly, then it ends exhausted at zero', async () => {
    const { consumer, resource } = await aProviderAndConsumer(h);
    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-04T02:00:00Z', minutes: 60 }));
    const [first] = await linesWhen(
      h,
      consumer.id,
      PERIOD,
      (l) => usageOf(l).length === 1,
      'the first charge',
    );
    const charge = first!.amount;
    // Granted after the first charge was recorded: it covers the charges recorded from then on.
    h.clock.set('2026-12-05T00:00:00Z');
    const grant = await grantFor(consumer.id, { amount: charge + 1_000 }).finally(
      () => (h.clock.fixed = undefined),
    );
    expect(grant.body).toMatchObject({
      balance: charge + 1_000,
      applied: 0,
      status: 'active',
      coversPercent: 100,
    });

    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-05T02:00:00Z', minutes: 60 }));
    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-06T02:00:00Z', minutes: 60 }));
    const lines = await linesWhen(
      h,
      consumer.id,
      PERIOD,
      (l) => creditsOf(l).length === 2,
      'two credit lines',
    );
    expect(
      creditsOf(lines)
        .map((l) => l.amount)
        .sort((a, b) => a - b),
    ).toEqual([-charge, -1_000]);

    const credits = await h.api('GET', `/v1/credits?orgId=${consumer.id}`, { token: memberOf(consumer) });
    expect(credits.body).toMatchObject({ orgId: consumer.id, balance: 0 });
    expect(credits.body.items[0]).toMatchObject({ balance: 0, applied: charge + 1_000, status: 'exhausted' });

    const redemptions = await h.api(
      'GET',
      `/v1/credits/redemptions?period=${PERIOD}&fundingSource=lingang-voucher`,
      {
        token: finance,
      },
    );
    expect(redemptions.body.items).toContainEqual({
      fundingSource: 'lingang-voucher',
      providerOrgId: resource.orgId,
      currency: 'CNY',
      amount: charge + 1_000,
      redemptions: 2,
      consumerOrgs: 1,
    });
  });

  it('when a credited session is corrected, then its credit goes back to the grant and the corrected charge draws anew', async () => {
    const { consumer, resource } = await aProviderAndConsumer(h);
    expect((await grantFor(consumer.id, { amount: 1_000_000, coversPercent: 100 })).status).toBe(201);
    const original = usageRecord(resource, consumer, { start: '2026-12-05T02:00:00Z', minutes: 60 });
    const correction = {
      ...usageRecord(resource, consumer, { start: '2026-12-05T02:00:00Z', minutes: 30 }),
      corrects: original.id,
    };
    await publishUsage(h, original, correction);

    // The charge and its credit, both reversed; the corrected charge and its credit.
    const lines = await linesWhen(h, consumer.id, PERIOD, (l) => l.length === 6, 'six lines');
    const corrected = lines.find((l) => l.id === `usage:${correction.id}`)!.amount;
    expect(
      lines
        .filter((l) => l.kind === 'adjustment')
        .map((l) => l.corrects)
        .sort(),
    ).toEqual(
      [`usage:${original.id}`, expect.stringMatching(new RegExp(`^credit:usage:${original.id}:`))].sort(),
    );
    expect(lines.reduce((total, l) => total + l.amount, 0)).toBe(0);

    const statement = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=${PERIOD}`, {
      token: finance,
    });
    expect(statement.body).toMatchObject({ gross: corrected, credits: corrected, net: 0 });
    const credits = await h.api('GET', `/v1/credits?orgId=${consumer.id}`, { token: finance });
    expect(credits.body).toMatchObject({ balance: 1_000_000 - corrected });
    const redemptions = await h.api('GET', `/v1/credits/redemptions?period=${PERIOD}`, { token: finance });
    expect(redemptions.body.items).toContainEqual(
      expect.objectContaining({ providerOrgId: resource.orgId, amount: corrected, redemptions: 1 }),
    );
  });

  it('when the provider uses its own resource, then no credit of its own grant applies', async () => {
    const { provider, resource } = await aProviderAndConsumer(h);
    await grantFor(provider.id, { amount: 1_000_000 });
    const own = usageRecord(resource, provider, { start: '2026-12-07T02:00:00Z', minutes: 60 });
    const other = await aProviderAndConsumer(h);
    await publishUsage(h, own);
    await publishUsage(
      h,
      usageRecord(other.resource, provider, { start: '2026-12-07T05:00:00Z', minutes: 60 }),
    );
    const lines = await linesWhen(
      h,
      provider.id,
      PERIOD,
      (l) => usageOf(l).length === 2 && creditsOf(l).length === 1,
      'both charges and the external credit',
    );
    expect(creditsOf(lines)[0]!.counterpartyOrgId).toBe(other.resource.orgId);
    expect(usageOf(lines)).toHaveLength(2);
  });

  it('when eight charges of one org race over two replicas for one grant, then it is drawn exactly to zero and never twice', async () => {
    const consumer = await h.announcer.org('enterprise');
    const scenes = await Promise.all([1, 2, 3, 4].map(() => aProviderAndConsumer(h)));
    // The grant first: a record made before it (recorded now, its session being past) is not covered.
    await grantFor(consumer.id, { amount: 250_000 });
    const records = scenes.flatMap(({ resource }, i) =>
      [0, 1].map((j) =>
        usageRecord(resource, consumer, { start: `2026-12-1${i}T0${j + 2}:00:00Z`, minutes: 60 }),
      ),
    );
    await publishUsage(h, ...records);
    // Redelivered: every fact twice.
    await publishUsage(h, ...records);

    const lines = await linesWhen(
      h,
      consumer.id,
      PERIOD,
      (l) => usageOf(l).length === 8 && creditsOf(l).reduce((s, c) => s + c.amount, 0) === -250_000,
      'the grant drawn to zero',
    );
    const byCharge = new Map<string, number>();
    for (const credit of creditsOf(lines)) {
      const charge = usageOf(lines).find((u) => credit.id.startsWith(`credit:${u.id}:`));
      if (!charge) throw new Error(`${credit.id} covers no charge of the org`);
      expect(-credit.amount).toBeLessThanOrEqual(charge.amount);
      expect(byCharge.has(charge.id)).toBe(false);
      byCharge.set(charge.id, -credit.amount);
    }
    const credits = await h.api('GET', `/v1/credits?orgId=${consumer.id}`, { token: finance });
    expect(credits.body.items[0]).toMatchObject({ balance: 0, applied: 250_000 });
  });

  it('when a grant expires exactly at one session end, then that session is covered, the next minute not, and the scan closes it', async () => {
    h.clock.set('2026-12-10T00:00:00Z');
    try {
      const { consumer, resource } = await aProviderAndConsumer(h);
      await grantFor(consumer.id, { amount: 1_000_000, expiresAt: '2026-12-15T03:00:00Z' });
      const atExpiry = usageRecord(resource, consumer, { start: '2026-12-15T02:00:00Z', minutes: 60 });
      const after = usageRecord(resource, consumer, { start: '2026-12-15T02:01:00Z', minutes: 60 });
      await publishUsage(h, atExpiry, after);
      const lines = await linesWhen(
        h,
        consumer.id,
        PERIOD,
        (l) => usageOf(l).length === 2 && creditsOf(l).length >= 1,
        'both charges',
      );
      expect(creditsOf(lines)).toHaveLength(1);
      expect(creditsOf(lines)[0]!.id.startsWith(`credit:usage:${atExpiry.id}:`)).toBe(true);

      h.clock.set('2026-12-15T03:00:01Z');
      const closed = await waitFor(
        async () => {
          const credits = await h.api('GET', `/v1/credits?orgId=${consumer.id}`, { token: finance });
          return credits.body.items[0].status === 'expired' ? credits.body : undefined;
        },
        { what: 'the grant closed by the expiry scan' },
      );
      expect(closed.items[0]).toMatchObject({ expiredAt: '2026-12-15T03:00:01.000Z' });
      expect(closed.balance).toBe(0);
    } finally {
      h.clock.fixed = undefined;
    }
  });

  it('when a grant is asked for by someone other than the admin, or already expired, then it is refused', async () => {
    const { consumer } = await aProviderAndConsumer(h);
    const asFinance = await h.api('POST', '/v1/credits/grants', {
      token: finance,
      body: { orgId: consumer.id, amount: 1, fundingSource: 'x', expiresAt: '2036-01-01T00:00:00Z' },
    });
    expect(asFinance.status).toBe(403);
    expect((await grantFor(consumer.id, { amount: 1, expiresAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    const other = await h.api('GET', `/v1/credits?orgId=${consumer.id}`, {
      token: memberOf({ id: 'someone-else' }),
    });
    expect(other.status).toBe(403);
  });
});

describe('credit grant draws against the database', () => {
  it('when 40 draws race on one grant, then exactly what the balance allows succeeds, and one charge draws once', async () => {
    const connection = await mongoose
      .createConnection(h.env.MONGO_URL!, {
        dbName: `${h.env.MONGO_DB_PREFIX}race_${randomUUID().slice(0, 6)}`,
      })
      .asPromise();
    try {
      const grants = new CreditGrantRepository(connection, () => {});
      await grants.ensureIndexes();
      const grant = {
        id: 'g-race',
        orgId: 'firm',
        fundingSource: 'voucher',
        amount: 1_000,
        currency: 'CNY',
        balance: 1_000,
        expiresAt: Date.parse('2036-01-01'),
        coversPercent: 100,
        resourceKinds: [],
        createdAt: Date.now(),
        applications: [],
      };
      expect(await grants.insert(grant, [])).toBe(true);
      const draw = (chargeId: string) =>
        grants.draw('g-race', {
          chargeId,
          amount: 100,
          providerOrgId: 'uni',
          consumerOrgId: 'firm',
          period: PERIOD,
          appliedAt: Date.now(),
        });
      const distinct = await Promise.all(Array.from({ length: 30 }, (_, i) => draw(`charge-${i}`)));
      const repeated = await Promise.all(Array.from({ length: 10 }, () => draw('charge-again')));
      expect(distinct.filter(Boolean)).toHaveLength(10);
      expect(repeated.filter(Boolean)).toHaveLength(0);
      const [stored] = await grants.ofOrg('firm');
      expect(stored).toMatchObject({ balance: 0 });
      expect(stored!.applications).toHaveLength(10);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });

  it('when one charge draws twice at once on a grant with room, then only one draw lands', async () => {
    const connection = await mongoose
      .createConnection(h.env.MONGO_URL!, {
        dbName: `${h.env.MONGO_DB_PREFIX}twice_${randomUUID().slice(0, 6)}`,
      })
      .asPromise();
    try {
      const grants = new CreditGrantRepository(connection, () => {});
      const base = {
        orgId: 'firm',
        fundingSource: 'v',
        currency: 'CNY',
        expiresAt: Date.parse('2036-01-01'),
      };
      await grants.insert(
        {
          ...base,
          id: 'g',
          amount: 10_000,
          balance: 10_000,
          coversPercent: 100,
          resourceKinds: [],
          createdAt: 0,
          applications: [],
        },
        [],
      );
      const app = {
        chargeId: 'c1',
        amount: 100,
        providerOrgId: 'u',
        consumerOrgId: 'firm',
        period: PERIOD,
        appliedAt: 0,
      };
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => grants.draw('g', app)));
      const [stored] = await grants.ofOrg('firm');
      // Seen once under the full suite's load: no draw reported landed. The grant as stored then
      // tells whether the write was lost or only its report.
      const seen = `outcomes ${JSON.stringify(outcomes)}, stored ${JSON.stringify(stored)}`;
      expect(outcomes.filter(Boolean), seen).toHaveLength(1);
      expect(
        stored!.applications.map((d) => d.amount),
        seen,
      ).toEqual([100]);
      expect(stored!.balance, seen).toBe(9_900);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
