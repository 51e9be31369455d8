import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, topics, usageRecordTypes, type Resource } from '@labshare/contracts';
import { waitFor, type EventTap } from '@labshare/testkit';
import {
  bookWithPass,
  revocationListed,
  startScene,
  type AccessHarness,
  type Scene,
  type TestOrg,
} from './access-fixture';

const MINUTE = 60_000;

describe('passes, check-in and check-out, usage records', () => {
  let scene: Scene;
  let h: AccessHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  let resource: Resource;
  let tap: EventTap;
  beforeAll(async () => {
    scene = await startScene([topics.usage, topics.sessions]);
    ({ h, tap, provider, consumer, resource } = scene);
  });
  afterAll(() => scene?.stop());

  it('when a booked user checks in and out, then the usage record arrives on Kafka with the exact minutes', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    const start = Date.parse(booking.start);
    expect(pass.validFrom).toBe(new Date(start - 10 * MINUTE).toISOString());
    expect(pass.validUntil).toBe(booking.end);

    h.clock.set(start - 3 * MINUTE);
    const checkIn = await h.api('POST', '/v1/access/check-in', {
      token: provider.device(),
      body: { token: pass.token, resourceId: resource.id },
    });
    expect(checkIn.status).toBe(200);
    expect(checkIn.body).toEqual({
      sessionId: `session-${booking.id}`,
      bookingId: booking.id,
      startedAt: new Date(start - 3 * MINUTE).toISOString(),
    });
    await waitFor(() => tap.all.find((e) => e.data.bookingId === booking.id), { what: 'checked-in event' });

    h.clock.set(start + 58 * MINUTE + 1);
    const checkOut = await h.api('POST', '/v1/access/check-out', {
      token: provider.device(),
      body: { sessionId: checkIn.body.sessionId },
    });
    expect(checkOut.status).toBe(200);
    expect(checkOut.body.minutes).toBe(62); // 61 min and 1 ms, rounded up
    const event = await waitFor(() => tap.find(usageRecordTypes.recorded, provider.id), {
      what: 'usage record',
    });
    expect(event.id).toBe(`usage-session-${booking.id}`);
    expect(event.data.usageRecord).toMatchObject({
      id: `usage-session-${booking.id}`,
      bookingId: booking.id,
      resourceId: resource.id,
      resourceKind: 'equipment',
      providerOrgId: provider.id,
      consumerOrgId: consumer.id,
      consumerKind: 'enterprise',
      minutes: 62,
      external: true,
      closedBy: 'device',
      start: new Date(start - 3 * MINUTE).toISOString(),
      end: new Date(start + 58 * MINUTE + 1).toISOString(),
      booked: { start: booking.start, end: booking.end, quantity: 1, price: booking.price },
      priceTerms: booking.priceTerms,
    });
    h.clock.fixed = undefined;
  });

  it('when POST /v1/passes is retried with the same Idempotency-Key, then the first pass is returned, not a second', async () => {
    const { booking } = await bookWithPass(h, resource, consumer);
    const token = consumer.booker('retrying-user');
    const issue = () =>
      h.api('POST', '/v1/passes', {
        token,
        body: { bookingId: booking.id },
        headers: { 'idempotency-key': `pass-${booking.id}` },
      });
    const first = await issue();
    const retried = await issue();
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const another = await h.api('POST', '/v1/passes', {
      token,
      body: { bookingId: booking.id },
      headers: { 'idempotency-key': `pass-${booking.id}-again` },
    });
    expect(another.status).toBe(201);
    expect(another.body.jti).not.toBe(first.body.jti);
  });

  it('when a booking is cancelled, then its pass is on the revocation list and is refused as pass_revoked', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    await h.announcer.booking({ ...booking, status: 'cancelled', version: 2 }, bookingEventTypes.cancelled);
    const revoked = await revocationListed(h, provider, pass, resource.id);
    expect(revoked).toMatchObject({
      bookingId: booking.id,
      resourceId: resource.id,
      validUntil: booking.end,
    });
    h.clock.set(Date.parse(booking.start));
    const refused = await h.api('POST', '/v1/access/check-in', {
      token: provider.device(),
      body: { token: pass.token, resourceId: resource.id },
    });
    h.clock.fixed = undefined;
    expect([refused.status, refused.body.code]).toEqual([403, 'pass_revoked']);
  });
});
