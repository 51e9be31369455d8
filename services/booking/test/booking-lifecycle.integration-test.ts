import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, dayAt } from '@labshare/testkit';
import {
  admin,
  makeOrg,
  makeResource,
  startBookingService,
  type BookingHarness,
  type TestOrg,
} from './booking-fixture';

describe('booking lifecycle through the HTTP API', () => {
  let h: BookingHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  beforeAll(async () => {
    h = await startBookingService();
    provider = await makeOrg(h, 'university');
    consumer = await makeOrg(h, 'enterprise');
  });
  afterAll(() => h?.stop());

  it('when a booker books a free slot, then it is confirmed, external and priced by its org kind', async () => {
    const resource = await makeResource(h, provider);
    const answer = await h.api('POST', '/v1/bookings', {
      token: consumer.booker('alice'),
      body: { resourceId: resource.id, start: dayAt(2, 1), end: dayAt(2, 2, 30), purpose: 'SEM imaging' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      resourceId: resource.id,
      providerOrgId: provider.id,
      consumerOrgId: consumer.id,
      userId: 'alice',
      status: 'confirmed',
      external: true,
      quantity: 1,
      price: { amount: 120000, currency: 'CNY' }, // 1.5 h × 800 CNY
    });
    expect(answer.body.start).toMatch(/Z$/);
    const read = await h.api('GET', `/v1/bookings/${answer.body.id}`, { token: consumer.booker() });
    expect(read.body).toEqual(answer.body);
  });

  it('when a request breaks several rules, then all violations are listed at once with 422', async () => {
    const resource = await makeResource(h, provider, {
      openingHours: [{ rrule: 'FREQ=DAILY', start: '09:00', end: '17:00' }],
    });
    // 07:10–07:20 Shanghai: outside opening hours, misaligned, too short? no (15 min min) — 10 minutes is too short.
    const answer = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(2, 23, 10), end: dayAt(2, 23, 20), quantity: 2 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('policy_violation');
    expect(answer.body.violations).toEqual(
      expect.arrayContaining(['outside_opening_hours', 'misaligned', 'too_short', 'over_capacity']),
    );
  });

  it('when a booking is in the past or the resource is not shared, then those violations are named', async () => {
    const unshared = await makeResource(h, provider, { shared: false });
    const answer = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: unshared.id, start: dayAt(-1, 1), end: dayAt(-1, 2) },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.violations).toEqual(expect.arrayContaining(['in_past', 'not_shared']));
  });

  it('when the body is malformed, then it is a 400 naming each bad field', async () => {
    const answer = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: '', start: 'tomorrow', end: dayAt(2, 2), quantity: 0 },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.resourceId', 'body.start', 'body.quantity']));
    const none = await h.api('POST', '/v1/bookings', { token: consumer.booker() });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'body', message: 'is required (a JSON document)' }]);
  });

  it('when a hold is confirmed on a resource that needs approval, then it is pending until the provider approves', async () => {
    const resource = await makeResource(h, provider, {
      policy: { ...(await makeResource(h, provider)).policy, approval: 'external' },
    });
    const held = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(5, 1), end: dayAt(5, 2), hold: true },
    });
    expect(held.status).toBe(201);
    expect(held.body.status).toBe('held');
    expect(Date.parse(held.body.expiresAt)).toBeGreaterThan(Date.now());

    const confirmed = await h.api('POST', `/v1/bookings/${held.body.id}/confirm`, {
      token: consumer.booker(),
    });
    expect(confirmed.body.status).toBe('pending');
    expect(confirmed.body.expiresAt).toBeUndefined();

    const notAllowed = await h.api('POST', `/v1/bookings/${held.body.id}/approve`, {
      token: consumer.orgAdmin,
    });
    expect(notAllowed.status).toBe(403);
    const approved = await h.api('POST', `/v1/bookings/${held.body.id}/approve`, {
      token: provider.orgAdmin,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('confirmed');
    const again = await h.api('POST', `/v1/bookings/${held.body.id}/approve`, { token: provider.orgAdmin });
    expect(again.status).toBe(409);
  });

  it('when the provider rejects a pending booking, then its units are free again', async () => {
    const base = await makeResource(h, provider);
    const resource = await makeResource(h, provider, { policy: { ...base.policy, approval: 'all' } });
    const body = { resourceId: resource.id, start: dayAt(6, 1), end: dayAt(6, 2) };
    const pending = await h.api('POST', '/v1/bookings', { token: consumer.booker(), body });
    expect(pending.body.status).toBe('pending');
    expect((await h.api('POST', '/v1/bookings', { token: consumer.booker(), body })).status).toBe(409);
    const rejected = await h.api('POST', `/v1/bookings/${pending.body.id}/reject`, {
      token: provider.orgAdmin,
      body: { reason: 'instrument reserved for calibration' },
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reason: 'instrument reserved for calibration',
    });
    expect((await h.api('POST', '/v1/bookings', { token: consumer.booker(), body })).status).toBe(201);
  });

  it('when a confirmed booking is cancelled inside the free-cancel window, then the late fee is charged', async () => {
    const resource = await makeResource(h, provider);
    const soon = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: inHours(2), end: inHours(3) },
    });
    const cancelled = await h.api('POST', `/v1/bookings/${soon.body.id}/cancel`, {
      token: consumer.booker(),
      body: { reason: 'plans changed' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', fee: { amount: 40000, currency: 'CNY' } });

    const later = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(10, 1), end: dayAt(10, 2) },
    });
    const free = await h.api('POST', `/v1/bookings/${later.body.id}/cancel`, { token: consumer.booker() });
    expect(free.body.status).toBe('cancelled');
    expect(free.body.fee).toBeUndefined();
  });

  it('when a booking is rescheduled into a taken slot, then it is 409 and unchanged; into a free one, same id moved', async () => {
    const resource = await makeResource(h, provider);
    const first = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(7, 1), end: dayAt(7, 2) },
    });
    const second = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(7, 3), end: dayAt(7, 4) },
    });
    const clash = await h.api('POST', `/v1/bookings/${first.body.id}/reschedule`, {
      token: consumer.booker(),
      body: { start: dayAt(7, 3, 30), end: dayAt(7, 4, 30) },
    });
    expect(clash.status).toBe(409);
    expect((await h.api('GET', `/v1/bookings/${first.body.id}`, { token: admin })).body.start).toBe(
      first.body.start,
    );

    // Overlapping its own old time is fine: it does not conflict with itself.
    const moved = await h.api('POST', `/v1/bookings/${first.body.id}/reschedule`, {
      token: consumer.booker(),
      body: { start: dayAt(7, 1, 30), end: dayAt(7, 2, 30) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: first.body.id, start: dayAt(7, 1, 30), end: dayAt(7, 2, 30) });
    expect(moved.body.version).toBe(first.body.version + 1);
    expect(second.status).toBe(201);
  });

  it('when the same Idempotency-Key is retried, then the first booking is returned and no second is made', async () => {
    const resource = await makeResource(h, provider);
    const token = consumer.booker('retrier');
    const body = { resourceId: resource.id, start: dayAt(8, 1), end: dayAt(8, 2) };
    const headers = { 'idempotency-key': `key-${resource.id}` };
    const first = await h.api('POST', '/v1/bookings', { token, body, headers });
    const retry = await h.api('POST', '/v1/bookings', { token, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const list = await h.api('GET', `/v1/bookings?resourceId=${resource.id}`, { token: admin });
    expect(list.body.items).toHaveLength(1);
  });

  it('when callers lack a token, hold a bad one, or look at another org, then 401, 403 and 404 keep orgs apart', async () => {
    const resource = await makeResource(h, provider);
    const mine = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(9, 1), end: dayAt(9, 2) },
    });
    expect((await h.api('GET', `/v1/bookings/${mine.body.id}`)).status).toBe(401);
    const forged = tokenFor(
      { sub: 'x', org: consumer.id, roles: ['booker'] },
      'another-secret-of-enough-length',
    );
    expect((await h.api('GET', `/v1/bookings/${mine.body.id}`, { token: forged })).status).toBe(401);
    const stranger = await makeOrg(h, 'enterprise');
    expect((await h.api('GET', `/v1/bookings/${mine.body.id}`, { token: stranger.booker() })).status).toBe(
      404,
    );
    expect(
      (await h.api('POST', `/v1/bookings/${mine.body.id}/cancel`, { token: stranger.orgAdmin })).status,
    ).toBe(404);
    const device = tokenFor({ sub: 'door-1', org: consumer.id, roles: ['device'] });
    const byDevice = await h.api('POST', '/v1/bookings', {
      token: device,
      body: { resourceId: resource.id, start: dayAt(9, 3), end: dayAt(9, 4) },
    });
    expect(byDevice.status).toBe(403);
    // The provider's org_admin sees bookings on its resources; a provider booker does not.
    expect((await h.api('GET', `/v1/bookings/${mine.body.id}`, { token: provider.orgAdmin })).status).toBe(
      200,
    );
    expect((await h.api('GET', `/v1/bookings/${mine.body.id}`, { token: provider.booker() })).status).toBe(
      404,
    );
  });

  it('when availability is asked, then the free intervals exclude bookings and every offered slot can be booked', async () => {
    const resource = await makeResource(h, provider, { capacity: 2 });
    await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(11, 2), end: dayAt(11, 3), quantity: 2 },
    });
    const from = dayAt(11, 0);
    const to = dayAt(11, 6);
    const answer = await h.api(
      'GET',
      `/v1/availability?resourceId=${resource.id}&from=${from}&to=${to}&durationMinutes=60`,
      {
        token: consumer.booker(),
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.timezone).toBe('Asia/Shanghai');
    expect(answer.body.free).toEqual([
      { start: from, end: dayAt(11, 2), available: 2 },
      { start: dayAt(11, 3), end: to, available: 2 },
    ]);
    const slots: { start: string; end: string }[] = answer.body.slots;
    expect(slots.some((s) => s.start === dayAt(11, 1, 30))).toBe(false);
    // Offered slots, taken greedily so that they do not overlap each other, can all be booked.
    const picked: { start: string; end: string }[] = [];
    for (const slot of slots) {
      if (picked.length < 4 && (picked.length === 0 || slot.start >= picked.at(-1)!.end)) picked.push(slot);
    }
    expect(picked).toHaveLength(4);
    for (const slot of picked) {
      const booked = await h.api('POST', '/v1/bookings', {
        token: consumer.booker(),
        body: { resourceId: resource.id, ...slot },
      });
      expect(booked.status).toBe(201);
    }
  });

  it('when a consumer org reaches the weekly quota, then one more booking that week is refused with quota_exceeded', async () => {
    const resource = await makeResource(h, provider, { quota: { hoursPerWeek: 2 } });
    const quotaUser = await makeOrg(h, 'enterprise');
    // Two hours on a Wednesday of a week 3 weeks ahead (Asia/Shanghai weeks start on Monday).
    const wednesday = nextWeekday(3, 21);
    const book = (hour: number) =>
      h.api('POST', '/v1/bookings', {
        token: quotaUser.booker(),
        body: {
          resourceId: resource.id,
          start: shanghai(wednesday, hour),
          end: shanghai(wednesday, hour + 1),
        },
      });
    expect((await book(9)).status).toBe(201);
    expect((await book(10)).status).toBe(201);
    const third = await book(11);
    expect(third.status).toBe(422);
    expect(third.body.violations).toEqual(['quota_exceeded']);
    // Another org has its own quota.
    const other = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: shanghai(wednesday, 11), end: shanghai(wednesday, 12) },
    });
    expect(other.status).toBe(201);
  });

  it('when listing, then a booker sees its org only and pages follow the cursor', async () => {
    const resource = await makeResource(h, provider, { capacity: 5 });
    for (let i = 0; i < 5; i++) {
      await h.api('POST', '/v1/bookings', {
        token: consumer.booker(),
        body: { resourceId: resource.id, start: dayAt(12, i), end: dayAt(12, i + 1) },
      });
    }
    const firstPage = await h.api('GET', `/v1/bookings?resourceId=${resource.id}&limit=3`, {
      token: consumer.booker(),
    });
    expect(firstPage.body.items).toHaveLength(3);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const secondPage = await h.api(
      'GET',
      `/v1/bookings?resourceId=${resource.id}&limit=3&cursor=${firstPage.body.nextCursor}`,
      {
        token: consumer.booker(),
      },
    );
    expect(secondPage.body.items).toHaveLength(2);
    expect(secondPage.body.nextCursor).toBeNull();
    const other = await makeOrg(h, 'university');
    const theirs = await h.api('GET', `/v1/bookings?resourceId=${resource.id}`, { token: other.booker() });
    expect(theirs.body.items).toHaveLength(0);
  });
});

/** A grid-aligned instant about `hours` from now (inside a 24-hour free-cancel window, whatever the time of day). */
function inHours(hours: number): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil(Date.now() / quarter) * quarter + hours * 3_600_000).toISOString();
}

/** The local date (YYYY-MM-DD, Asia/Shanghai) of the first `weekday` (1 = Monday) at least `days` ahead. */
function nextWeekday(weekday: number, days: number): string {
  const date = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  while (((date.getUTCDay() + 6) % 7) + 1 !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function shanghai(date: string, hour: number): string {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
}
