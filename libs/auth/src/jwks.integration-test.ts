import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authenticator } from './index';

describe('Authenticator with a JWKS URL', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer((_req, res) => {
    const jwk = publicKey.export({ format: 'jwk' });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [{ ...jwk, kid: 'key-1', use: 'sig', alg: 'RS256' }] }));
  });
  let auth: Authenticator;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    auth = new Authenticator({ jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`, issuer: 'idp' });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const claims = { sub: 'u1', org: 'org-1', roles: ['booker'] };

  it('when a token is signed by a published key (by kid), then it is accepted', async () => {
    const token = jwt.sign(claims, privateKey, {
      algorithm: 'RS256',
      keyid: 'key-1',
      issuer: 'idp',
      expiresIn: '5m',
    });
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toEqual(claims);
  });

  it('when a token names an unknown kid or is signed by another key, then it is 401', async () => {
    const unknownKid = jwt.sign(claims, privateKey, {
      algorithm: 'RS256',
      keyid: 'key-9',
      issuer: 'idp',
      expiresIn: '5m',
    });
    const forged = jwt.sign(claims, other.privateKey, {
      algorithm: 'RS256',
      keyid: 'key-1',
      issuer: 'idp',
      expiresIn: '5m',
    });
    for (const token of [unknownKid, forged]) {
      await expect(auth.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
    }
  });
});
