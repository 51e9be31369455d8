import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPassKeyPem } from '@labshare/auth';
import type { Resource } from '@labshare/contracts';
import { tokenFor } from '@labshare/testkit';
import {
  admin,
  bookWithPass,
  makeOrg,
  makeResource,
  startAccessService,
  type AccessHarness,
} from './access-fixture';

const DAY = 86_400_000;

/** Verifies a pass as a third-party device would: jose, the published JWKS, nothing of ours. */
async function verifiedByJose(token: string, jwks: JSONWebKeySet, at: string) {
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
    issuer: 'labshare-access',
    currentDate: new Date(at),
  });
  return { ...payload, alg: protectedHeader.alg, kid: protectedHeader.kid };
}

describe('pass keys: JWKS, rotation, an independent verifier', () => {
  const keyA = newPassKeyPem('ec');
  const keyB = newPassKeyPem('ec');
  const keyC = newPassKeyPem('rsa');
  let h: AccessHarness;
  let resource: Resource;
  beforeAll(async () => {
    h = await startAccessService({ ACCESS_PASS_KEYS: keyA });
    resource = await makeResource(h, makeOrg('university'));
  });
  afterAll(async () => {
    h.clock.fixed = undefined;
    await h?.stop();
  });

  it('when the keys rotate (A removed from the configuration, then B to an RSA key C), then every pass issued before still verifies with jose against the JWKS, until it expires', async () => {
    const consumer = makeOrg('enterprise');
    const first = await bookWithPass(h, resource, consumer);
    const jwksA = (await h.api('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
    expect(jwksA.keys.map((k) => k.kid)).toEqual([first.pass.kid]);
    expect(jwksA.keys[0]).not.toHaveProperty('d');

    // A restart with only key B (A taken out of the configuration), on the same database.
    const b = await h.another({ ACCESS_PASS_KEYS: keyB });
    const later = (days: number) => ({
      start: new Date(Date.parse(first.booking.start) + days * DAY).toISOString(),
      end: new Date(Date.parse(first.booking.end) + days * DAY).toISOString(),
    });
    const secondBooking = await h.announcer.booking({
      ...first.booking,
      id: `${first.booking.id}-2`,
      ...later(1),
    });
    const second = await b.api('POST', '/v1/passes', {
      token: consumer.booker(),
      body: { bookingId: secondBooking.id },
    });
    expect(second.status).toBe(201);
    expect(second.body.kid).not.toBe(first.pass.kid);

    // Then C (RSA) signs, B stays configured (published) beside it.
    const c = await h.another({ ACCESS_PASS_KEYS: `${keyC}\n${keyB}` });
    const thirdBooking = await h.announcer.booking({
      ...first.booking,
      id: `${first.booking.id}-3`,
      ...later(2),
    });
    const third = await c.api('POST', '/v1/passes', {
      token: consumer.booker(),
      body: { bookingId: thirdBooking.id },
    });
    expect(third.status).toBe(201);

    const jwks = (await c.api('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual(
      [first.pass.kid, second.body.kid, third.body.kid].sort(),
    );
    for (const [pass, booking, alg] of [
      [first.pass, first.booking, 'ES256'],
      [second.body, secondBooking, 'ES256'],
      [third.body, thirdBooking, 'RS256'],
    ] as const) {
      expect(await verifiedByJose(pass.token, jwks, booking.start)).toMatchObject({
        jti: pass.jti,
        bid: booking.id,
        rid: resource.id,
        sub: booking.userId,
        nbf: Date.parse(pass.validFrom) / 1000,
        exp: Date.parse(booking.end) / 1000,
        alg,
        kid: pass.kid,
      });
    }
    // jose refuses them outside their window, as a device would.
    await expect(verifiedByJose(first.pass.token, jwks, first.booking.end)).rejects.toThrow();

    // The newest instance, which never had key A, still checks the first pass in.
    h.clock.set(first.booking.start);
    const checkIn = await c.api('POST', '/v1/access/check-in', {
      token: makeOrgDevice(resource),
      body: { token: first.pass.token, resourceId: resource.id },
    });
    expect(checkIn.status).toBe(200);

    // Once the last pass A signed has expired, A leaves the JWKS; B (configured) stays.
    h.clock.set(first.booking.end);
    const after = (await c.api('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
    expect(after.keys.map((k) => k.kid).sort()).toEqual([second.body.kid, third.body.kid].sort());
  });

  it('when a pass is issued, then it fits a QR code: its size in bytes and the version it needs are measured', async () => {
    const { pass } = await bookWithPass(h, resource, makeOrg('enterprise'));
    const c = await h.another({ ACCESS_PASS_KEYS: keyC });
    const rsaBooking = await h.announcer.booking({
      ...(await bookWithPass(h, resource, makeOrg('enterprise'))).booking,
      id: `rsa-${pass.jti}`,
    });
    const rsa = (await c.api('POST', '/v1/passes', { token: admin, body: { bookingId: rsaBooking.id } }))
      .body;
    const measure = (token: string) => {
      const bytes = Buffer.byteLength(token, 'utf8');
      const versions = Object.fromEntries(
        (['L', 'M', 'Q'] as const).map((level) => [
          level,
          QRCode.create(token, { errorCorrectionLevel: level }).version,
        ]),
      );
      return { bytes, versions };
    };
    const es256 = measure(pass.token);
    const rs256 = measure(rsa.token);
    console.log(`pass size: ES256 ${JSON.stringify(es256)}, RS256 ${JSON.stringify(rs256)}`);
    // Measured with 40-character booking and resource ids: ES256 445 bytes (QR version 14 at L, 16 at
    // M); RS256 682 bytes (version 18 at L, 21 at M).
    expect(es256.bytes).toBeLessThan(450);
    expect(es256.versions.M).toBeLessThanOrEqual(16);
    expect(rs256.versions.M).toBeLessThanOrEqual(22);
  });
});

function makeOrgDevice(resource: Resource) {
  return tokenFor({ sub: 'door-1', org: resource.orgId, roles: ['device'] });
}
