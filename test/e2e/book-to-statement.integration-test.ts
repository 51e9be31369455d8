import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, exited, readyUrl, startChildUntil, testEnv, tokenFor, waitFor } from '@labshare/testkit';

const MINUTE = 60_000;

/**
 * The whole mission through `npm start`'s gateway, on the real clock: a provider opens a resource,
 * an outside firm with an innovation voucher books it, its user checks in and out at the door, and
 * finance finds the usage charge, the voucher's cover, the provider's subsidy and an issued
 * statement whose CSV adds up to the page.
 */
describe('inventory → booking → access → billing through the gateway', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-e2e-billing-'));
  let platform: ChildProcess;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    const env = testEnv({ PORT: '0', LABSHARE_DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const started = await startChildUntil('infra/platform/src/start-platform.ts', env, readyUrl, 120_000);
    [platform, api] = [started.child, apiClient(started.found)];
  }, 180_000);
  afterAll(async () => {
    platform?.kill('SIGTERM');
    if (platform) await exited(platform);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when a voucher-holding firm books, checks in and out, then the ledger, credit, subsidy and issued statement agree with its CSV', async () => {
    const admin = tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });
    const newOrg = async (name: string, kind: string) => {
      const answer = await api('POST', '/v1/orgs', { token: admin, body: { name, kind } });
      expect(answer.status).toBe(201);
      return answer.body.id as string;
    };
    const provider = await newOrg('Pilot Zone University', 'university');
    const consumer = await newOrg('Riverside Robotics', 'enterprise');
    const labManager = tokenFor({ sub: 'lab-manager', org: provider, roles: ['org_admin'] });
    const booker = tokenFor({ sub: 'engineer', org: consumer, roles: ['booker'] });
    const device = tokenFor({ sub: 'door-1', org: provider, roles: ['device'] });
    const finance = tokenFor({ sub: 'accountant', org: consumer, roles: ['finance'] });

    const resource = await api('POST', '/v1/resources', {
      token: labManager,
      body: {
        orgId: provider,
        kind: 'equipment',
        name: 'Scanning electron microscope',
        policy: { slotMinutes: 5, minMinutes: 5, passEarlyMinutes: 60 },
        rates: { perHour: { internal: 0, enterprise: 12_000 }, incrementMinutes: 15 },
      },
    });
    expect(resource.status).toBe(201);
    const voucher = await api('POST', '/v1/credits/grants', {
      token: admin,
      body: {
        orgId: consumer,
        amount: 2_000,
        fundingSource: 'Zone innovation vouchers',
        expiresAt: new Date(Date.now() + 60 * 24 * 60 * MINUTE).toISOString(),
        coversPercent: 100,
      },
    });
    expect(voucher.status).toBe(201);
    const policy = await api('PUT', '/v1/subsidy/policy', {
      token: admin,
      body: {
        currency: 'CNY',
        perHour: { lab: 6_000, equipment: 6_000, classroom: 3_000 },
        consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1, government: 1, other: 1 },
        capPerProvider: 1_000_000,
      },
    });
    expect(policy.status).toBeLessThan(300);

    // The next 5-minute slot, 30 minutes long: 30 min × 120.00 CNY/h = 60.00 CNY, booked basis.
    const start = Math.ceil((Date.now() + MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
    const booking = await waitFor(
      async () => {
        const answer = await api('POST', '/v1/bookings', {
          token: booker,
          body: {
            resourceId: resource.body.id,
            start: new Date(start).toISOString(),
            end: new Date(start + 30 * MINUTE).toISOString(),
          },
        });
        return answer.status === 201 && answer.body;
      },
      { what: 'the booking accepted once booking knows the resource' },
    );
    expect(booking.price).toMatchObject({ amount: 6_000 });

    const pass = await waitFor(
      async () => {
        const answer = await api('POST', '/v1/passes', { token: booker, body: { bookingId: booking.id } });
        return answer.status === 201 && answer.body;
      },
      { what: 'a pass once access knows the booking' },
    );
    const checkIn = await api('POST', '/v1/access/check-in', {
      token: device,
      body: { token: pass.token, resourceId: resource.body.id },
    });
    expect(checkIn.status).toBe(200);
    const checkOut = await api('POST', '/v1/access/check-out', {
      token: device,
      body: { sessionId: checkIn.body.sessionId },
    });
    expect(checkOut.status).toBe(200);

    // The month, in the billing zone (default Asia/Shanghai), in which the session ended.
    const period = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const ledgerOf = async (orgId: string, side: string) =>
      (await api('GET', `/v1/ledger?orgId=${orgId}&side=${side}&period=${period}`, { token: admin })).body;
    const charged = await waitFor(
      async () => {
        const ledger = await ledgerOf(consumer, 'consumer');
        const kinds = ledger.items.map((e: { kind: string }) => e.kind).sort();
        return kinds?.join() === 'credit_applied,usage' && ledger;
      },
      { what: 'the usage line and the voucher cover on the consumer side' },
    );
    const usage = charged.items.find((e: { kind: string }) => e.kind === 'usage');
    const credit = charged.items.find((e: { kind: string }) => e.kind === 'credit_applied');
    expect(usage).toMatchObject({ bookingId: booking.id, amount: 6_000, counterpartyOrgId: provider });
    expect(credit).toMatchObject({ bookingId: booking.id, amount: -2_000 });
    expect(usage.period).toBe(period);
    const earned = await ledgerOf(provider, 'provider');
    expect(earned.items.find((e: { kind: string }) => e.kind === 'usage')).toMatchObject({ amount: 6_000 });

    const subsidy = await waitFor(
      async () => {
        const report = await api('GET', `/v1/subsidies?period=${period}&providerOrgId=${provider}`, {
          token: admin,
        });
        return report.body.items?.[0]?.sessions === 1 && report.body.items[0];
      },
      { what: "the provider's subsidy accrued" },
    );
    expect(subsidy).toMatchObject({ providerOrgId: provider, consumerOrgs: 1, status: 'accruing' });
    expect(subsidy.externalMinutes).toBe(checkOut.body.minutes);
    // minutes / 60 × 60.00 CNY × 1.5, rounded half up to the fen
    expect(subsidy.accrued).toBe(Math.round((checkOut.body.minutes * 6_000 * 1.5) / 60));

    const statementUrl = `/v1/statements?orgId=${consumer}&period=${period}`;
    const open = await waitFor(
      async () => {
        const answer = await api('GET', statementUrl, { token: finance });
        return answer.body.lines?.length === 2 && answer.body;
      },
      { what: 'both lines on the open statement' },
    );
    expect(open).toMatchObject({ status: 'open', gross: 6_000, credits: 2_000, net: 4_000 });
    const issued = await api('POST', '/v1/statements/issue', {
      token: admin,
      body: { orgId: consumer, period },
    });
    expect(issued.status).toBeLessThan(300);
    const page = await api('GET', statementUrl, { token: finance });
    expect(page.body).toMatchObject({
      status: 'issued',
      gross: 6_000,
      credits: 2_000,
      net: 4_000,
      total: 4_000,
    });
    expect(page.body.number).toMatch(/^LS-\d{6}-\d{6}$/);

    const csv = await api('GET', `/v1/statements.csv?orgId=${consumer}&period=${period}`, { token: finance });
    expect(csv.status).toBe(200);
    const [header, ...rows] = (csv.body as string)
      .trim()
      .split('\r\n')
      .map((row) => row.split(','));
    const column = (name: string) => header!.indexOf(name);
    const lineRows = rows.filter((r) => !['gross', 'credits', 'net'].includes(r[column('kind')]!));
    const netRow = rows.find((r) => r[column('kind')] === 'net')!;
    const linesTotal = lineRows.reduce((sum, r) => sum + Number(r[column('amount')]), 0);
    expect(lineRows).toHaveLength(page.body.lines.length);
    expect(linesTotal).toBe(page.body.total);
    expect(Number(netRow[column('amount')])).toBe(page.body.total);
  }, 240_000);
});
