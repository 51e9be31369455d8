import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig as loadAccessConfig, start as startAccess } from '@labshare/access';
import { newPassKeyPem } from '@labshare/auth';
import { loadConfig as loadBookingConfig, start as startBooking } from '@labshare/booking';
import type { RunningService } from '@labshare/runtime';
import { Announcer, apiClient, testEnv, tokenFor, waitFor } from '@labshare/testkit';

const MINUTE = 60_000;
const admin = tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });

/**
 * Booking owns `no_show`; access owns check-ins. Both really started in this process on one broker,
 * sharing a clock a test can move: a checked-in booking must not become a no-show, an unchecked one must.
 */
describe('booking × access: no-show', () => {
  const clock = { fixed: undefined as number | undefined, now: () => new Date(clock.fixed ?? Date.now()) };
  const env = testEnv({ BOOKING_SCAN_CRON: '*/1 * * * * *', ACCESS_PASS_KEYS: newPassKeyPem() });
  const inventory = new Announcer(env, 'no-show-test');
  let booking: RunningService;
  let access: RunningService;
  beforeAll(async () => {
    booking = await startBooking(loadBookingConfig(env), { clock: clock.now });
    access = await startAccess(loadAccessConfig(env), { clock: clock.now });
  });
  afterAll(async () => {
    await inventory.stop();
    await access?.stop();
    await booking?.stop();
  });

  it('when one of two bookers checks in before start + grace, then only the other becomes a no-show (and loses its pass)', async () => {
    const bkg = apiClient(booking.url);
    const acc = apiClient(access.url);
    const provider = await inventory.org('university');
    const consumer = await inventory.org('enterprise');
    const resource = await inventory.resource(provider, { capacity: 2 });
    const booker = (user: string) => tokenFor({ sub: user, org: consumer.id, roles: ['booker'] });
    const device = tokenFor({ sub: 'door-1', org: provider.id, roles: ['device'] });
    const start = Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE + 30 * MINUTE;
    const slot = {
      resourceId: resource.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 60 * MINUTE).toISOString(),
    };
    const book = (user: string) =>
      waitFor(
        async () => {
          const answer = await bkg('POST', '/v1/bookings', { token: booker(user), body: slot });
          return answer.status === 201 && answer.body;
        },
        { what: `${user} booked` },
      );
    const present = await book('alice');
    const absent = await book('bob');
    const passOf = async (id: string, user: string) =>
      (await acc('POST', '/v1/passes', { token: booker(user), body: { bookingId: id } })).body;
    const [alicePass, bobPass] = [await passOf(present.id, 'alice'), await passOf(absent.id, 'bob')];

    clock.fixed = start + 5 * MINUTE;
    const checkedInAt = Date.now();
    const checkIn = await acc('POST', '/v1/access/check-in', {
      token: device,
      body: { token: alicePass.token, resourceId: resource.id },
    });
    expect(checkIn.status).toBe(200);
    // Booking hears of the check-in promptly (its relay is nudged at the write).
    await waitFor(
      async () =>
        (await bkg('GET', `/v1/bookings/${present.id}`, { token: admin })).body.version > present.version,
      {
        what: 'booking saw the check-in',
        timeoutMs: 10_000,
      },
    );
    console.log(`check-in reached booking in ${Date.now() - checkedInAt} ms`);

    clock.fixed = start + 16 * MINUTE; // past start + noShowGraceMinutes (15)
    const noShow = await waitFor(
      async () => {
        const answer = await bkg('GET', `/v1/bookings/${absent.id}`, { token: admin });
        return answer.body.status === 'no_show' && answer.body;
      },
      { what: 'the scan records the no-show' },
    );
    expect(noShow.status).toBe('no_show');
    expect((await bkg('GET', `/v1/bookings/${present.id}`, { token: admin })).body.status).toBe('confirmed');

    // Access hears of the no-show: bob's pass is revoked (the units went back to the calendar).
    await waitFor(
      async () => {
        const list = await acc('GET', `/v1/access/revocations?resourceId=${resource.id}`, { token: device });
        return list.body.items.some((r: { jti: string }) => r.jti === bobPass.jti);
      },
      { what: "bob's pass revoked" },
    );
    const late = await acc('POST', '/v1/access/check-in', {
      token: device,
      body: { token: bobPass.token, resourceId: resource.id },
    });
    expect([late.status, late.body.code]).toEqual([403, 'pass_revoked']);
  });
});
