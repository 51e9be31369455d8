import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, topics } from '@labshare/contracts';
import { bookingSnapshot, resourceSnapshot, waitFor } from '@labshare/testkit';
import {
  finance,
  ledgerOf,
  memberOf,
  publishUsage,
  startBillingService,
  usageEvent,
  usageRecord,
  type BillingHarness,
} from './billing-fixture';

describe('the billing ledger', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await startBillingService();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A provider with a resource (rate card version 3: 15-minute increments, 30-minute minimum), and a consumer. */
  async function parties(consumerKind: 'enterprise' | 'university' = 'enterprise') {
    const provider = await h.announcer.org('university');
    const consumer = await h.announcer.org(consumerKind);
    const resource = await h.announcer.resource(provider, {
      version: 3,
      policy: { ...resourceSnapshot(provider).policy, billing: 'actual' },
      rates: { ...resourceSnapshot(provider).rates, incrementMinutes: 15, minimumMinutes: 30 },
    });
    return { provider, consumer, resource };
  }

  it('when a usage record arrives, then both sides get a line with the amount on its rate-card version', async () => {
    const { provider, consumer, resource } = await parties();
    // 50 minutes used at 800 CNY/h, rounded up to 60: 80 000 fen.
    const record = usageRecord(resource, consumer, { start: '2026-10-05T02:00:00Z', minutes: 50 });
    await publishUsage(h.announcer, [record]);

    const charged = await waitFor(async () => {
      const ledger = await ledgerOf(h, consumer.id, '2026-10');
      return ledger.items.length === 1 && ledger;
    });
    expect(charged.items[0]).toMatchObject({
      id: `usage:${record.id}`,
      orgId: consumer.id,
      counterpartyOrgId: provider.id,
      side: 'consumer',
      kind: 'usage',
      amount: 80000,
      currency: 'CNY',
      bookingId: record.bookingId,
      period: '2026-10',
      rateCardVersion: 3,
      category: 'enterprise',
      minutes: 60,
      createdAt: record.recordedAt,
    });
    expect(charged.total).toBe(80000);
    const earned = await ledgerOf(h, provider.id, '2026-10', 'provider');
    expect(earned.items).toEqual([
      expect.objectContaining({ orgId: provider.id, counterpartyOrgId: consumer.id, amount: 80000 }),
    ]);
  });

  it('when the same usage record is delivered three times, then it is counted once', async () => {
    const { consumer, resource } = await parties();
    const record = usageRecord(resource, consumer, { start: '2026-10-06T02:00:00Z', minutes: 60 });
    const other = usageRecord(resource, consumer, { start: '2026-10-07T02:00:00Z', minutes: 60 });
    await h.announcer.bus.publish(topics.usage, [usageEvent(record), usageEvent(record)]);
    await publishUsage(h.announcer, [record, other]);

    // The later record arrives after every copy of the first (same key, same partition).
    await waitFor(async () => (await ledgerOf(h, consumer.id, '2026-10')).items.length >= 2);
    const ledger = await ledgerOf(h, consumer.id, '2026-10');
    expect(ledger.items.map((e) => e.id).sort()).toEqual([`usage:${record.id}`, `usage:${other.id}`].sort());
    expect(ledger.total).toBe(160000);
  });

  it('when a usage record names a resource billing does not know, then it waits for review and is rated when the resource arrives', async () => {
    const provider = await h.announcer.org('university');
    const consumer = await h.announcer.org('enterprise');
    const resource = resourceSnapshot(provider, { version: 2 });
    const record = usageRecord(resource, consumer, { start: '2026-10-08T02:00:00Z', minutes: 60 });
    await publishUsage(h.announcer, [record]);

    const pending = await waitFor(async () => {
      const review = await h.api('GET', '/v1/ledger/review?limit=500', { token: finance });
      return review.body.items.find((i: { id: string }) => i.id === `usage:${record.id}`);
    });
    // The orgs' events may still be on their way too; the resource never came.
    expect(pending).toMatchObject({ status: 'pending', resourceId: resource.id });
    expect(pending.reasons).toContain('unknown_resource');
    expect((await ledgerOf(h, consumer.id, '2026-10')).items).toEqual([]);

    await h.announcer.resourceState(resource);
    const ledger = await waitFor(async () => {
      const found = await ledgerOf(h, consumer.id, '2026-10');
      return found.items.length === 1 && found;
    });
    expect(ledger.items[0]).toMatchObject({ id: `usage:${record.id}`, amount: 80000, rateCardVersion: 2 });
    const rated = await h.api('GET', '/v1/ledger/review?status=rated&limit=500', { token: finance });
    expect(rated.body.items.map((i: { id: string }) => i.id)).toContain(`usage:${record.id}`);
  });

  it('when sessions end either side of midnight in the billing zone, then they fall in different months', async () => {
    const { consumer, resource } = await parties();
    // Asia/Shanghai is UTC+8: 1 November 00:00 local is 31 October 16:00 UTC.
    const before = usageRecord(resource, consumer, { start: '2026-10-31T15:00:00Z', minutes: 59 });
    const atMidnight = usageRecord(resource, consumer, { start: '2026-10-31T15:00:00Z', minutes: 60 });
    await publishUsage(h.announcer, [before, atMidnight]);

    await waitFor(async () => (await ledgerOf(h, consumer.id, '2026-11')).items.length === 1);
    expect((await ledgerOf(h, consumer.id, '2026-10')).items.map((e) => e.id)).toEqual([
      `usage:${before.id}`,
    ]);
    expect((await ledgerOf(h, consumer.id, '2026-11')).items.map((e) => e.id)).toEqual([
      `usage:${atMidnight.id}`,
    ]);
  });

  it('when a booking is cancelled late or missed, then its fee is charged once', async () => {
    const { consumer, resource } = await parties('university');
    const base = { start: '2026-10-09T02:00:00.000Z', end: '2026-10-09T03:00:00.000Z' };
    const cancelled = bookingSnapshot(resource, consumer, {
      ...base,
      status: 'cancelled',
      fee: { amount: 15000, currency: 'CNY' },
      version: 2,
    });
    const missed = bookingSnapshot(resource, consumer, {
      ...base,
      status: 'no_show',
      fee: { amount: 30000, currency: 'CNY' },
      version: 2,
    });
    await h.announcer.booking(cancelled, bookingEventTypes.cancelled);
    await h.announcer.booking(cancelled, bookingEventTypes.cancelled);
    await h.announcer.booking(missed, bookingEventTypes.noShow);

    const ledger = await waitFor(async () => {
      const found = await ledgerOf(h, consumer.id, '2026-10');
      return found.items.length === 2 && found;
    });
    expect(ledger.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'late_cancel_fee', amount: 15000, bookingId: cancelled.id }),
        expect.objectContaining({ kind: 'no_show_fee', amount: 30000, bookingId: missed.id }),
      ]),
    );
    expect(ledger.total).toBe(45000);
  });

  it('when a usage record corrects another, then a reversal line takes the first back and the total is the corrected charge', async () => {
    const { consumer, resource } = await parties();
    const original = usageRecord(resource, consumer, { start: '2026-10-10T02:00:00Z', minutes: 60 });
    const correction = {
      ...usageRecord(resource, consumer, { start: '2026-10-10T02:00:00Z', minutes: 30 }),
      corrects: original.id,
    };
    await publishUsage(h.announcer, [original, correction]);

    await waitFor(async () => (await ledgerOf(h, consumer.id, '2026-10')).items.length === 3);
    // Read again: the page and its total are two reads, and the reversal may land between them.
    const ledger = await ledgerOf(h, consumer.id, '2026-10');
    expect(ledger.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: `usage:${original.id}`, amount: 80000 }),
        expect.objectContaining({ id: `usage:${correction.id}`, amount: 40000 }),
        expect.objectContaining({
          id: `reversal:usage:${original.id}`,
          kind: 'adjustment',
          amount: -80000,
          corrects: `usage:${original.id}`,
        }),
      ]),
    );
    expect(ledger.total).toBe(40000);
  });

  it("when a member of another org asks for an org's ledger, then it is 403; its own members see it", async () => {
    const { consumer } = await parties();
    const stranger = await h.announcer.org('enterprise');
    const query = `/v1/ledger?orgId=${consumer.id}&period=2026-10`;
    expect((await h.api('GET', query, { token: memberOf(stranger) })).status).toBe(403);
    expect((await h.api('GET', query, { token: memberOf(consumer) })).status).toBe(200);
  });
});
