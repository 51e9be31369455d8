import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * What an attacker makes of a valid pass (a compact JWS) and the issuer's public key: each must be
 * refused as `pass_invalid`. The header keeps the real `kid`, so the verifier cannot just miss the key.
 */
export function forgedPasses(valid: string, publicKeyPem: string): { name: string; token: string }[] {
  const [header, payload, signature] = valid.split('.') as [string, string, string];
  const { kid } = decode(header) as { kid: string };
  const claims = decode(payload);
  const { privateKey: foreign } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const hs256Header = b64({ alg: 'HS256', kid });
  const hs256Body = `${hs256Header}.${payload}`;
  return [
    {
      name: 'a pass signed by another key (with the real kid)',
      token: jwt.sign(claims, foreign, { algorithm: 'ES256', header: { alg: 'ES256', kid, typ: undefined } }),
    },
    {
      name: 'a tampered payload (another user)',
      token: `${header}.${b64({ ...claims, sub: 'mallory' })}.${signature}`,
    },
    { name: 'alg: none', token: `${b64({ alg: 'none', kid })}.${payload}.` },
    {
      name: 'HS256 with the public key as the secret (algorithm confusion)',
      token: `${hs256Body}.${createHmac('sha256', publicKeyPem).update(hs256Body).digest('base64url')}`,
    },
  ];
}
