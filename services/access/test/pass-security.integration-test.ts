import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, topics, type Booking, type Resource } from '@labshare/contracts';
import { forgedPasses, waitFor, type EventTap } from '@labshare/testkit';
import {
  admin,
  bookWithPass,
  makeOrg,
  makeResource,
  revocationListed,
  startScene,
  type AccessHarness,
  type Scene,
  type TestOrg,
} from './access-fixture';

const MINUTE = 60_000;

/**
 * Every way a pass can be wrong, presented by a device at the door: each is refused with its code,
 * and nothing is recorded (no session, no check-in event, no usage record).
 */
describe('check-in security', () => {
  let scene: Scene;
  let h: AccessHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  let resource: Resource;
  let otherResource: Resource;
  let tap: EventTap;
  beforeAll(async () => {
    scene = await startScene([topics.sessions, topics.usage]);
    ({ h, tap, provider, consumer, resource } = scene);
    otherResource = await makeResource(h, provider);
  });
  afterAll(() => scene?.stop());

  async function presented(
    booking: Booking,
    token: string,
    at: number,
    options: { device?: string; resourceId?: string } = {},
  ) {
    h.clock.set(at);
    const answer = await h.api('POST', '/v1/access/check-in', {
      token: options.device ?? provider.device(),
      body: { token, resourceId: options.resourceId ?? booking.resourceId },
    });
    return { status: answer.status, code: answer.body?.code as string | undefined };
  }

  async function nothingRecorded(booking: Booking) {
    h.clock.fixed = undefined;
    const checkOut = await h.api('POST', '/v1/access/check-out', {
      token: provider.device(),
      body: { sessionId: `session-${booking.id}` },
    });
    expect(checkOut.status).toBe(404);
    expect(tap.all.filter((e) => JSON.stringify(e.data).includes(booking.id))).toEqual([]);
  }

  it('when a pass is forged (another key, tampered payload, alg none, HS256 with the public key), then each is pass_invalid', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    const jwks = (await h.api('GET', '/.well-known/jwks.json')).body;
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === pass.kid);
    const publicPem = createPublicKey({ key: jwk, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const forgeries = forgedPasses(pass.token, publicPem);
    expect(forgeries.map((f) => f.name)).toHaveLength(4);
    for (const forged of forgeries) {
      expect(await presented(booking, forged.token, Date.parse(booking.start)), forged.name).toEqual({
        status: 403,
        code: 'pass_invalid',
      });
    }
    await nothingRecorded(booking);
  });

  it('when a valid pass is shown at the wrong place or time, or after its revocation, then the code says which', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    const start = Date.parse(booking.start);
    const validFrom = Date.parse(pass.validFrom);
    const cases: [string, number, { resourceId?: string }, string][] = [
      ['at another resource', start, { resourceId: otherResource.id }, 'wrong_resource'],
      ['a millisecond before its window', validFrom - 1, {}, 'pass_not_yet_valid'],
      ['an hour before its window', validFrom - 60 * MINUTE, {}, 'pass_not_yet_valid'],
      ['at the booked end', Date.parse(booking.end), {}, 'pass_expired'],
      ['the day after', Date.parse(booking.end) + 1440 * MINUTE, {}, 'pass_expired'],
    ];
    for (const [name, at, options, code] of cases) {
      expect(await presented(booking, pass.token, at, options), name).toEqual({ status: 403, code });
    }
    await nothingRecorded(booking);

    await h.announcer.booking({ ...booking, status: 'cancelled', version: 2 }, bookingEventTypes.cancelled);
    await revocationListed(h, provider, pass, booking.resourceId);
    expect(await presented(booking, pass.token, start)).toEqual({ status: 403, code: 'pass_revoked' });
    await nothingRecorded(booking);
  });

  it('when a booking is rescheduled, then the old pass is revoked and a new one opens the door at the new time', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    const moved = {
      ...booking,
      start: new Date(Date.parse(booking.start) + 1440 * MINUTE).toISOString(),
      end: new Date(Date.parse(booking.end) + 1440 * MINUTE).toISOString(),
      version: 2,
    };
    await h.announcer.booking(moved, bookingEventTypes.rescheduled);
    await revocationListed(h, provider, pass, booking.resourceId);
    expect(await presented(moved, pass.token, Date.parse(booking.start))).toEqual({
      status: 403,
      code: 'pass_revoked',
    });
    h.clock.fixed = undefined;
    const fresh = await h.api('POST', '/v1/passes', {
      token: consumer.booker(),
      body: { bookingId: booking.id },
    });
    expect(fresh.body.validUntil).toBe(moved.end);
    expect(await presented(moved, fresh.body.token, Date.parse(moved.start))).toEqual({
      status: 200,
      code: undefined,
    });
  });

  it('when the caller is a device of another org, a booker or an org_admin, then check-in is 403 and nothing is recorded', async () => {
    const { booking, pass } = await bookWithPass(h, resource, consumer);
    const start = Date.parse(booking.start);
    for (const [name, device] of [
      ['a device of the consumer org', consumer.device()],
      ['a booker of the provider org', provider.booker()],
      ["the provider's org_admin", provider.orgAdmin],
      ['the booker holding the pass', consumer.booker(booking.userId)],
    ] as const) {
      expect(await presented(booking, pass.token, start, { device }), name).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    await nothingRecorded(booking);
  });

  it('when the resource requires a qualification, then check-in is unqualified until the provider grants it, and again after it is revoked', async () => {
    const lasers = await makeResource(h, provider, { requiredQualifications: ['laser-safety'] });
    const first = await bookWithPass(h, lasers, consumer);
    const start = Date.parse(first.booking.start);
    expect(await presented(first.booking, first.pass.token, start)).toEqual({
      status: 403,
      code: 'unqualified',
    });
    await nothingRecorded(first.booking);

    h.clock.fixed = undefined;
    const granted = await h.api('POST', '/v1/qualifications', {
      token: provider.orgAdmin,
      body: { userId: first.booking.userId, name: 'laser-safety' },
    });
    expect(granted.status).toBe(201);
    expect(await presented(first.booking, first.pass.token, start)).toEqual({ status: 200, code: undefined });

    h.clock.fixed = undefined;
    await h.api('DELETE', `/v1/qualifications/${granted.body.id}`, { token: provider.orgAdmin });
    const second = await bookWithPass(h, lasers, consumer, { userId: first.booking.userId });
    expect(await presented(second.booking, second.pass.token, Date.parse(second.booking.start))).toEqual({
      status: 403,
      code: 'unqualified',
    });
  });

  it('when a pass is asked for a booking of another org, or one not confirmed, then it is 404 or 409', async () => {
    h.clock.fixed = undefined;
    const { booking } = await bookWithPass(h, resource, consumer);
    const stranger = makeOrg('university');
    const foreign = await h.api('POST', '/v1/passes', {
      token: stranger.booker(),
      body: { bookingId: booking.id },
    });
    expect(foreign.status).toBe(404);
    await h.announcer.booking({ ...booking, status: 'cancelled', version: 2 }, bookingEventTypes.cancelled);
    const refused = await waitFor(
      async () => {
        const answer = await h.api('POST', '/v1/passes', { token: admin, body: { bookingId: booking.id } });
        return answer.status === 409 && answer;
      },
      { what: 'cancelled booking has no pass' },
    );
    expect(refused.body.code).toBe('invalid_state');
  });
});
