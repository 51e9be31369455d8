import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceSnapshot, waitFor } from '@labshare/testkit';
import {
  finance,
  ledgerOf,
  memberOf,
  publishUsage,
  startBillingService,
  usageRecord,
  type BillingHarness,
} from './billing-fixture';

/** The rows of one of our CSVs as objects (none of our values holds a comma, a quote or a line break). */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  const columns = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [columns[i], v])));
}

describe('statements', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await startBillingService();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function parties() {
    const provider = await h.announcer.org('university');
    const consumer = await h.announcer.org('enterprise');
    const resource = await h.announcer.resource(provider, {
      policy: { ...resourceSnapshot(provider).policy, billing: 'actual' },
    });
    return { provider, consumer, resource };
  }

  it('when usage arrives after its month was issued, then the issued statement stands and the usage is an adjustment next month', async () => {
    const { consumer, resource } = await parties();
    const early = usageRecord(resource, consumer, { start: '2026-09-10T02:00:00Z', minutes: 60 });
    await publishUsage(h.announcer, [early]);
    await waitFor(async () => (await ledgerOf(h, consumer.id, '2026-09')).items.length === 1);

    const issued = await h.api('POST', '/v1/statements/issue', {
      token: finance,
      body: { orgId: consumer.id, period: '2026-09' },
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      orgId: consumer.id,
      period: '2026-09',
      status: 'issued',
      number: expect.stringMatching(/^LS-202609-\d{6}$/),
      org: { name: consumer.name, kind: 'enterprise' },
      gross: 80000,
      credits: 0,
      net: 80000,
      total: 80000,
    });

    const late = usageRecord(resource, consumer, { start: '2026-09-20T02:00:00Z', minutes: 30 });
    await publishUsage(h.announcer, [late]);
    const october = await waitFor(async () => {
      const found = await ledgerOf(h, consumer.id, '2026-10');
      return found.items.length === 1 && found;
    });
    expect(october.items[0]).toMatchObject({
      id: `usage:${late.id}`,
      kind: 'adjustment',
      period: '2026-10',
      servicePeriod: '2026-09',
      amount: 40000,
    });

    const september = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=2026-09`, {
      token: memberOf(consumer),
    });
    expect(september.body).toEqual(issued.body);
    const next = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=2026-10`, { token: finance });
    expect(next.body).toMatchObject({ status: 'open', total: 40000 });
    expect(next.body.lines).toEqual([
      expect.objectContaining({ kind: 'adjustment', servicePeriod: '2026-09' }),
    ]);

    const again = await h.api('POST', '/v1/statements/issue', {
      token: finance,
      body: { orgId: consumer.id, period: '2026-09' },
    });
    expect(again.body).toEqual(issued.body);
  });

  it('when the ledger and the statement are exported as CSV, then their totals equal the pages', async () => {
    const { consumer, resource } = await parties();
    const records = [15, 45, 61, 120, 7].map((minutes, i) =>
      usageRecord(resource, consumer, { start: `2026-09-1${i}T02:00:00Z`, minutes }),
    );
    await publishUsage(h.announcer, records);
    const page = await waitFor(async () => {
      const found = await ledgerOf(h, consumer.id, '2026-09');
      // The items and their total are two reads: wait until both show every line.
      const sum = found.items.reduce((total, e) => total + e.amount, 0);
      return found.items.length === records.length && found.total === sum && found;
    });

    const ledgerCsv = await h.api('GET', `/v1/ledger.csv?orgId=${consumer.id}&period=2026-09`, {
      token: finance,
    });
    expect(ledgerCsv.status).toBe(200);
    expect(ledgerCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRows(ledgerCsv.body);
    expect(rows).toHaveLength(records.length);
    expect(rows.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(page.total);

    const statement = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=2026-09`, {
      token: finance,
    });
    expect(statement.body.total).toBe(page.total);
    const statementCsv = await h.api('GET', `/v1/statements.csv?orgId=${consumer.id}&period=2026-09`, {
      token: finance,
    });
    const lines = csvRows(statementCsv.body);
    const figures = Object.fromEntries(
      lines.filter((r) => !r.entryId).map((r) => [r.kind, Number(r.amount)]),
    );
    expect(figures).toEqual({ gross: page.total, credits: 0, net: page.total });
    expect(lines.filter((r) => r.entryId).reduce((sum, r) => sum + Number(r.amount), 0)).toBe(page.total);
  });

  it('when someone other than finance issues a statement, then it is 403', async () => {
    const { consumer } = await parties();
    const answer = await h.api('POST', '/v1/statements/issue', {
      token: memberOf(consumer),
      body: { orgId: consumer.id, period: '2026-09' },
    });
    expect(answer.status).toBe(403);
  });
});

describe('the scheduled statement close', () => {
  it("when the close runs, then last month's statements of every org with lines are issued", async () => {
    const h = await startBillingService({ BILLING_CLOSE_CRON: '*/1 * * * * *' });
    try {
      const provider = await h.announcer.org('university');
      const consumer = await h.announcer.org('enterprise');
      const resource = await h.announcer.resource(provider);
      // Last month in the billing zone, whatever today is.
      const lastMonth = new Date();
      lastMonth.setUTCDate(1);
      lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
      lastMonth.setUTCDate(10);
      const record = usageRecord(resource, consumer, { start: lastMonth.toISOString(), minutes: 60 });
      await publishUsage(h.announcer, [record]);
      const period = record.end.slice(0, 7);
      const issued = await waitFor(async () => {
        const answer = await h.api('GET', `/v1/statements?orgId=${consumer.id}&period=${period}`, {
          token: finance,
        });
        return answer.body.status === 'issued' && answer.body;
      });
      expect(issued).toMatchObject({
        total: 80000,
        lines: [expect.objectContaining({ entryId: `usage:${record.id}` })],
      });
    } finally {
      await h.stop();
    }
  });
});
