import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, subsidyEventTypes, topics } from '@labshare/contracts';
import { bookingSnapshot, eventTap, waitFor, type EventTap } from '@labshare/testkit';
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
let tap: EventTap;
beforeAll(async () => {
  h = await startBilling();
  tap = await eventTap(h.env, [topics.billing]);
  const policy = await h.api('PUT', '/v1/subsidy/policy', {
    token: admin,
    body: { period: '2026-12', ...POLICY },
  });
  expect(policy.status).toBe(200);
});
afterAll(async () => {
  await tap?.stop();
  await h?.stop();
});

const POLICY = {
  currency: 'CNY',
  perHour: { lab: 4_000, equipment: 6_000, classroom: 2_000 },
  consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1.25, government: 0.5, other: 1 },
  capPerProvider: 10_000,
};

async function subsidyOf(providerOrgId: string, period: string, sessions: number) {
  return waitFor(
    async () => {
      const answer = await h.api('GET', `/v1/subsidies?period=${period}&providerOrgId=${providerOrgId}`, {
        token: finance,
      });
      const [line] = answer.body.items;
      return line?.sessions === sessions ? line : undefined;
    },
    { what: `${sessions} subsidised sessions of ${providerOrgId} in ${period}` },
  );
}

describe('open-resource subsidy', () => {
  it('when a subsidised session is corrected, then only the corrected minutes accrue', async () => {
    const { provider, consumer, resource } = await aProviderAndConsumer(h);
    const original = usageRecord(resource, consumer, { start: '2026-12-06T01:00:00Z', minutes: 60 });
    const correction = {
      ...usageRecord(resource, consumer, { start: '2026-12-06T01:00:00Z', minutes: 20 }),
      corrects: original.id,
    };
    await publishUsage(h, original, correction);

    // 20 min × 6,000/h × 1.5 = 3,000: the 60 minutes first accrued no longer count.
    const line = await waitFor(
      async () => {
        const answer = await h.api('GET', `/v1/subsidies?period=2026-12&providerOrgId=${provider.id}`, {
          token: finance,
        });
        const [found] = answer.body.items;
        return found?.externalMinutes === 20 ? found : undefined;
      },
      { what: 'the corrected minutes only' },
    );
    expect(line).toMatchObject({ sessions: 1, externalMinutes: 20, accrued: 3_000, payable: 3_000 });
  });

  it('when external use crosses the cap inside a session, then that session is paid the rest, whatever the arrival order', async () => {
    const { provider, consumer, resource } = await aProviderAndConsumer(h);
    const school = await h.announcer.org('university');
    const own = usageRecord(resource, provider, { start: '2026-12-02T01:00:00Z', minutes: 60 });
    // 60 min × 6,000/h × 1.5 = 9,000; then 30 min × 6,000/h × 1 = 3,000 crosses the 10,000 cap.
    const first = usageRecord(resource, consumer, { start: '2026-12-03T01:00:00Z', minutes: 60 });
    const second = usageRecord(resource, school, { start: '2026-12-04T01:00:00Z', minutes: 30 });
    await publishUsage(h, own, second, first);

    expect(await subsidyOf(provider.id, '2026-12', 2)).toEqual({
      providerOrgId: provider.id,
      period: '2026-12',
      currency: 'CNY',
      externalMinutes: 90,
      sessions: 2,
      consumerOrgs: 2,
      accrued: 12_000,
      capped: 2_000,
      payable: 10_000,
      status: 'accruing',
    });
  });

  it('when a provider is settled twice, then the figures are frozen, one event is published, and later usage accrues to the next month', async () => {
    const { provider, consumer, resource } = await aProviderAndConsumer(h);
    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-05T01:00:00Z', minutes: 20 }));
    await subsidyOf(provider.id, '2026-12', 1);

    const settle = (body: Record<string, unknown>) =>
      h.api('POST', '/v1/subsidies/settle', { token: admin, body: { period: '2026-12', ...body } });
    const settled = await settle({ providerOrgId: provider.id });
    expect(settled.status).toBe(200);
    const line = settled.body.items[0];
    expect(line).toMatchObject({
      providerOrgId: provider.id,
      sessions: 1,
      accrued: 3_000,
      payable: 3_000,
      status: 'settled',
    });
    const event = await waitFor(() => tap.find(subsidyEventTypes.settled, provider.id), {
      what: 'the settlement event',
    });
    expect(event).toMatchObject({ id: `subsidy:${provider.id}:2026-12`, data: { subsidy: line } });

    // Again, for every provider: the same frozen figures, no second write.
    const again = await settle({});
    expect(again.body.items).toContainEqual(line);
    expect((await settle({ providerOrgId: provider.id })).body.items).toEqual([line]);

    // A session of December arriving after the settlement counts in January.
    const late = usageRecord(resource, consumer, { start: '2026-12-20T01:00:00Z', minutes: 40 });
    await publishUsage(h, late);
    expect(await subsidyOf(provider.id, '2027-01', 1)).toMatchObject({
      externalMinutes: 40,
      accrued: 6_000,
      status: 'accruing',
    });
    const december = await h.api('GET', `/v1/subsidies?period=2026-12&providerOrgId=${provider.id}`, {
      token: finance,
    });
    expect(december.body.items).toEqual([line]);
    expect(
      tap.all.filter((e) => e.type === subsidyEventTypes.settled && e.subject === provider.id),
    ).toHaveLength(1);
  });

  it('when a provider with no accruals is settled, then its month is frozen at zero and its use goes to the next', async () => {
    const { provider, consumer, resource } = await aProviderAndConsumer(h);
    const settled = await h.api('POST', '/v1/subsidies/settle', {
      token: admin,
      body: { period: '2026-12', providerOrgId: provider.id },
    });
    expect(settled.body.items).toEqual([
      expect.objectContaining({ sessions: 0, payable: 0, status: 'settled' }),
    ]);
    await publishUsage(h, usageRecord(resource, consumer, { start: '2026-12-06T01:00:00Z', minutes: 10 }));
    expect(await subsidyOf(provider.id, '2027-01', 1)).toMatchObject({ accrued: 1_500 });
  });

  it('when someone other than the admin sets or settles, or a multiplier has three decimals, then it is refused', async () => {
    const asFinance = await h.api('PUT', '/v1/subsidy/policy', { token: finance, body: POLICY });
    expect(asFinance.status).toBe(403);
    const bad = await h.api('PUT', '/v1/subsidy/policy', {
      token: admin,
      body: { ...POLICY, consumerMultiplier: { ...POLICY.consumerMultiplier, other: 1.255 } },
    });
    expect(bad.status).toBe(400);
    const settle = await h.api('POST', '/v1/subsidies/settle', {
      token: memberOf({ id: 'x' }),
      body: { period: '2026-12' },
    });
    expect(settle.status).toBe(403);
  });
});

describe('open-use report', () => {
  it('when a shared resource has known hours, a blackout, bookings and sessions, then the report shows each figure', async () => {
    const { provider, consumer, resource } = await aProviderAndConsumer(h, {
      createdAt: '2026-11-01T00:00:00.000Z',
      openingHours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '09:00', end: '17:00' }],
      blackouts: [
        {
          id: 'bo-1',
          resourceId: 'set-below',
          start: '2026-12-08T02:00:00.000Z',
          end: '2026-12-08T04:00:00.000Z',
          reason: 'service',
          createdAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });
    await h.announcer.resource(provider, { shared: false });
    const school = await h.announcer.org('university');
    // Local 14:00–16:00 on the 8th, confirmed (120); a no-show 09:00–10:00 on the 9th (60); a cancelled day.
    await h.announcer.booking(
      bookingSnapshot(resource, consumer, {
        start: '2026-12-08T06:00:00.000Z',
        end: '2026-12-08T08:00:00.000Z',
      }),
    );
    await h.announcer.booking(
      bookingSnapshot(resource, consumer, {
        start: '2026-12-09T01:00:00.000Z',
        end: '2026-12-09T02:00:00.000Z',
        status: 'no_show',
      }),
      bookingEventTypes.noShow,
    );
    await h.announcer.booking(
      bookingSnapshot(resource, consumer, {
        start: '2026-12-10T01:00:00.000Z',
        end: '2026-12-10T09:00:00.000Z',
        status: 'cancelled',
      }),
      bookingEventTypes.cancelled,
    );
    await publishUsage(
      h,
      usageRecord(resource, consumer, { start: '2026-12-08T06:00:00Z', minutes: 100 }),
      usageRecord(resource, provider, { start: '2026-12-11T01:00:00Z', minutes: 45 }),
      usageRecord(resource, school, { start: '2026-12-14T01:00:00Z', minutes: 30 }),
    );
    await linesWhen(h, provider.id, '2026-12', (l) => l.length === 1, 'the internal session rated');

    const line = await waitFor(
      async () => {
        const report = await h.api('GET', '/v1/reports/open-use?period=2026-12', { token: finance });
        const mine = report.body.items.find(
          (i: { providerOrgId: string }) => i.providerOrgId === provider.id,
        );
        return mine?.usedMinutes === 175 && mine.bookedMinutes === 180 ? mine : undefined;
      },
      { what: 'the open-use figures' },
    );
    // December 2026 has 23 weekdays of 8 hours; the blackout takes 2 of them.
    expect(line).toEqual({
      providerOrgId: provider.id,
      sharedResources: 1,
      openMinutes: 23 * 480 - 120,
      bookedMinutes: 180,
      usedMinutes: 175,
      externalMinutes: 130,
      utilisation: Math.round((175 / 10_920) * 10_000) / 10_000,
      outsideOrgs: 2,
    });
  });

  it('when a booker asks for the report, then it is refused', async () => {
    expect(
      (await h.api('GET', '/v1/reports/open-use?period=2026-12', { token: memberOf({ id: 'x' }) })).status,
    ).toBe(403);
  });
});
