import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasRole } from '@labshare/contracts';
import { Authenticator } from './index';

const secret = 'a-test-secret-of-enough-length';
const claims = { sub: 'u1', org: 'org-1', roles: ['booker'] };

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  return work.then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );
}

describe('Authenticator', () => {
  const auth = new Authenticator({ jwtSecret: secret, issuer: 'labshare', audience: 'api' });
  const sign = (payload: object, options: jwt.SignOptions = {}) =>
    `Bearer ${jwt.sign(payload, secret, { issuer: 'labshare', audience: 'api', expiresIn: '5m', ...options })}`;

  it('when an HS256 token is valid, then the principal comes from its claims', async () => {
    await expect(auth.authenticate(sign(claims))).resolves.toEqual(claims);
  });

  it('when the token is missing, expired, unsigned or for another audience, then it is 401', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: 'labshare', aud: 'api' })}.`;
    const expired = `Bearer ${jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { issuer: 'labshare', audience: 'api' })}`;
    for (const header of [
      undefined,
      'Bearer',
      unsigned,
      expired,
      sign(claims, { audience: 'other' }),
      sign(claims).replace(/.$/, 'x'),
    ]) {
      expect(await codeOf(auth.authenticate(header))).toBe('unauthenticated');
    }
  });

  it('when a public key is configured, then RS256 tokens verify and HS256 ones signed with it do not', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rsAuth = new Authenticator({ publicKey: pem });
    const good = jwt.sign(claims, privateKey, { algorithm: 'RS256', expiresIn: '5m' });
    await expect(rsAuth.authenticate(`Bearer ${good}`)).resolves.toMatchObject({ sub: 'u1' });
    const confused = jwt.sign(claims, pem, { algorithm: 'HS256', expiresIn: '5m' });
    expect(await codeOf(rsAuth.authenticate(`Bearer ${confused}`))).toBe('unauthenticated');
  });

  it.each([
    ['no exp at all', (now: number) => ({ ...claims, iat: now })],
    ['a lifetime over the maximum', (now: number) => ({ ...claims, iat: now, exp: now + 3601 })],
    ['an absurd exp and no iat', (now: number) => ({ ...claims, exp: now + 100 * 365 * 86400 })],
  ])('when a token has %s, then it is 401', async (_name, payload) => {
    const short = new Authenticator({ jwtSecret: secret, maxTokenTtlSeconds: 3600 });
    const token = jwt.sign(payload(Math.floor(Date.now() / 1000)), secret, { noTimestamp: true });
    expect(await codeOf(short.authenticate(`Bearer ${token}`))).toBe('unauthenticated');
  });

  it('when a token lives exactly the maximum, then it is accepted', async () => {
    const short = new Authenticator({ jwtSecret: secret, maxTokenTtlSeconds: 3600 });
    const now = Math.floor(Date.now() / 1000);
    const token = jwt.sign({ ...claims, iat: now, exp: now + 3600 }, secret);
    await expect(short.authenticate(`Bearer ${token}`)).resolves.toEqual(claims);
  });

  describe('a token verified once', () => {
    // Its own authenticator: a token signed in the same second as another test's is the same text.
    let auth: Authenticator;
    beforeEach(() => {
      auth = new Authenticator({ jwtSecret: secret, issuer: 'labshare', audience: 'api' });
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('when the same token comes again within a minute, then it is not verified again', async () => {
      const verify = vi.spyOn(jwt, 'verify');
      const header = sign(claims);
      for (let i = 0; i < 3; i++) await expect(auth.authenticate(header)).resolves.toEqual(claims);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(await codeOf(auth.authenticate(header.replace(/.$/, 'x')))).toBe('unauthenticated');
    });

    it('when a minute has passed, then it is verified again', async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      const verify = vi.spyOn(jwt, 'verify');
      const header = sign(claims);
      await auth.authenticate(header);
      vi.advanceTimersByTime(59_000);
      await auth.authenticate(header);
      expect(verify).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2_000);
      await auth.authenticate(header);
      expect(verify).toHaveBeenCalledTimes(2);
    });

    it('when its exp passes, then it is refused although it was accepted a moment before', async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      const header = sign(claims, { expiresIn: '20s' });
      await expect(auth.authenticate(header)).resolves.toEqual(claims);
      vi.advanceTimersByTime(21_000);
      expect(await codeOf(auth.authenticate(header))).toBe('unauthenticated');
    });

    it('when a caller changes the principal it was given, then the next request is not affected', async () => {
      const header = sign(claims);
      const principal = await auth.authenticate(header);
      expect(() => principal.roles.push('admin')).toThrow();
      await expect(auth.authenticate(header)).resolves.toEqual(claims);
    });
  });

  it('when the caller is admin, then every role check passes', () => {
    expect(hasRole({ sub: 'a', org: 'o', roles: ['admin'] }, 'finance')).toBe(true);
    expect(hasRole({ sub: 'a', org: 'o', roles: ['booker'] }, 'finance')).toBe(false);
  });
});
