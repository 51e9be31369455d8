import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as booking from '@labshare/booking';
import type { RunningService } from '@labshare/runtime';
import { Announcer, TEST_JWT_SECRET, apiClient, dayAt, testEnv, tokenFor, waitFor } from '@labshare/testkit';

const now = () => Math.floor(Date.now() / 1000);
const claims = { sub: 'u', org: 'o', roles: ['admin'] };
/** Signs exactly the claims given (jsonwebtoken adds iat only when the payload has none and it is asked to). */
const signed = (payload: Record<string, unknown>) =>
  `Bearer ${jwt.sign(payload, TEST_JWT_SECRET, { noTimestamp: payload.iat === undefined })}`;

/**
 * Hostile input, classes 4 and 7: tokens must expire within the configured lifetime; unknown query
 * parameters are refused; the calendar feed neither leaks nor breaks; authenticated JSON is never
 * cached or sniffed; cross-origin calls only from configured origins.
 */
describe('tokens, query parameters, feeds and headers', () => {
  let service: RunningService;
  let inventory: Announcer;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    const env = testEnv({ AUTH_MAX_TOKEN_TTL: '3600', CORS_ALLOWED_ORIGINS: 'https://console.example.org' });
    service = await booking.start(booking.loadConfig(env));
    inventory = new Announcer(env);
    api = apiClient(service.url);
  });
  afterAll(async () => {
    await inventory?.stop();
    await service?.stop();
  });

  it.each([
    ['no exp', { ...claims, iat: now() }],
    ['a lifetime over AUTH_MAX_TOKEN_TTL', { ...claims, iat: now(), exp: now() + 3601 }],
    ['an exp a thousand years away and no iat', { ...claims, exp: now() + 1000 * 366 * 86400 }],
    ['an exp in the past', { ...claims, iat: now() - 120, exp: now() - 60 }],
  ])('when a token has %s, then it is 401', async (_name, payload) => {
    const answer = await api('GET', '/v1/bookings', { token: signed(payload) });
    expect([answer.status, answer.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('when a token lives exactly the allowed lifetime, then it is accepted', async () => {
    expect(
      (await api('GET', '/v1/bookings', { token: signed({ ...claims, iat: now(), exp: now() + 3600 }) }))
        .status,
    ).toBe(200);
  });

  it('when a query names a parameter the operation does not know, then it is a 400 naming it', async () => {
    const answer = await api('GET', '/v1/bookings?status=confirmed&statsu=held', { token: tokenFor(claims) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'query.statsu', message: 'is not a known parameter' }]);
  });

  it('when the feed of a resource the caller cannot see is asked, then it is 404 like its availability', async () => {
    const owner = await inventory.org('university');
    const hidden = await inventory.resource(owner, { shared: false });
    const outsider = tokenFor({ sub: 'x', org: 'someone-else', roles: ['booker'] });
    await waitFor(
      async () =>
        (await api('GET', `/v1/calendar.ics?resourceId=${hidden.id}`, { token: tokenFor(claims) })).status ===
        200,
    );
    expect((await api('GET', `/v1/calendar.ics?resourceId=${hidden.id}`, { token: outsider })).status).toBe(
      404,
    );
  });

  it('when a purpose carries control characters, then the feed strips them and every line ends with CRLF', async () => {
    const owner = await inventory.org('university');
    const resource = await inventory.resource(owner);
    const booker = tokenFor({ sub: 'b', org: owner.id, roles: ['booker'] });
    const booked = await api('POST', '/v1/bookings', {
      token: booker,
      body: {
        resourceId: resource.id,
        start: dayAt(2, 1),
        end: dayAt(2, 2),
        purpose: 'Run\r\nSUMMARY:forged\u0007',
      },
    });
    expect(booked.status).toBe(201);
    const feed = await fetch(`${service.url}/v1/calendar.ics?resourceId=${resource.id}`, {
      headers: { authorization: booker },
    });
    const text = await feed.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').filter((line) => line.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Run SUMMARY:forged (1 unit\\, confirmed)',
    ]);
    // eslint-disable-next-line no-control-regex -- looking for exactly those characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('when authenticated JSON is answered, then it is marked no-store and nosniff', async () => {
    const answer = await api('GET', '/v1/bookings', { token: tokenFor(claims) });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['a configured origin', 'https://console.example.org', 'https://console.example.org'],
    ['any other origin', 'https://evil.example.com', null],
  ])(
    'when a browser calls from %s (%s), then the allowed origin answered is %s',
    async (_name, origin, allowed) => {
      const preflight = await fetch(`${service.url}/v1/bookings`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    },
  );
});
