import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { PassClaims } from '@labshare/contracts';
import { forgedPasses } from '@labshare/testkit';
import { keysFromJwks, newPassKeyPem, passSigningKey, pemBlocks, signPass, verifyPass } from './index';

const ISSUER = 'labshare-access';
const claims: PassClaims = {
  jti: 'p1',
  sub: 'alice',
  bid: 'b1',
  rid: 'r1',
  nbf: 1_800_000_000,
  exp: 1_800_003_600,
  iss: ISSUER,
};
const ec = passSigningKey(newPassKeyPem('ec'));
const rsa = passSigningKey(newPassKeyPem('rsa'));
const other = passSigningKey(newPassKeyPem('ec'));
const keys = keysFromJwks({ keys: [ec.jwk, rsa.jwk] });
const verify = (token: string) => verifyPass(token, (kid) => keys.get(kid), ISSUER);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const valid = signPass(claims, ec);
const [, body, signature] = valid.split('.');
const publicPem = ec.publicKey.export({ format: 'pem', type: 'spki' }).toString();

describe('verifyPass', () => {
  it.each([
    ['an EC key (ES256)', ec],
    ['an RSA key (RS256)', rsa],
  ])('when a pass is signed with %s published in the JWKS, then its claims come back', (_name, key) => {
    const token = signPass(claims, key);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: key.alg,
      kid: key.kid,
    });
    expect(verify(token)).toEqual({ ok: true, claims });
  });

  it.each<[string, () => string]>([
    ['a pass signed by a key the JWKS does not hold', () => signPass(claims, other)],
    [
      'a pass signed by another key that claims a published kid',
      () => signPass(claims, { ...other, kid: ec.kid }),
    ],
    ...forgedPasses(valid, publicPem).map(({ name, token }): [string, () => string] => [name, () => token]),
    ['an RS256 header on an EC kid', () => `${b64({ alg: 'RS256', kid: ec.kid })}.${body}.${signature}`],
    ['a pass from another issuer', () => signPass({ ...claims, iss: 'someone-else' }, ec)],
    ['a pass without a kid', () => jwt.sign(claims, ec.privateKey, { algorithm: 'ES256' })],
    ['a pass missing a claim', () => signPass({ ...claims, rid: undefined } as unknown as PassClaims, ec)],
    ['something that is not a JWT at all', () => 'not-a-pass'],
  ])('when %s comes to the verifier, then it is refused', (_name, forge) => {
    expect(verify(forge()).ok).toBe(false);
  });
});

describe('keys', () => {
  it('when a key is loaded twice, then its kid is the same (derived from the key), and keys differ by kid', () => {
    expect(passSigningKey(ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()).kid).toBe(
      ec.kid,
    );
    expect(new Set([ec.kid, rsa.kid, other.kid]).size).toBe(3);
    expect(ec.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(ec.jwk).not.toHaveProperty('d');
  });

  it('when a text holds several PEM blocks, then each is found', () => {
    expect(pemBlocks(`${newPassKeyPem()}\n${newPassKeyPem()}`)).toHaveLength(2);
    expect(pemBlocks('nothing here')).toEqual([]);
  });
});
