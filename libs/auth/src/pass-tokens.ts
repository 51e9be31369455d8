import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import jwt from 'jsonwebtoken';
import { passClaims, type PassClaims, type PublicJwk } from '@labshare/contracts';

/**
 * Access passes as compact JWS: signed with a private key (EC P-256 → ES256, RSA → RS256), the key
 * named by `kid` in the header, checked against public keys only. The service, the reference
 * device client and the tests share this one implementation.
 */
export type PassAlgorithm = 'ES256' | 'RS256';

export interface PassSigningKey {
  kid: string;
  alg: PassAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public half, as the JWKS publishes it. */
  jwk: PublicJwk;
}

export interface PassVerifyingKey {
  alg: PassAlgorithm;
  key: KeyObject;
}

export type PassVerification = { ok: true; claims: PassClaims } | { ok: false; reason: string };

/** A signing key from a PEM private key (PKCS#8, SEC1 or PKCS#1); its kid is derived from the key. */
export function passSigningKey(pem: string): PassSigningKey {
  const privateKey = createPrivateKey(pem);
  const alg = algorithmOf(privateKey);
  const publicKey = createPublicKey(privateKey);
  const jwk = publicJwkOf(publicKey, alg);
  return { kid: jwk.kid, alg, privateKey, publicKey, jwk };
}

/** The PEM blocks in a text holding one or several (an environment variable may carry a few). */
export function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
}

/** A fresh EC P-256 private key as PKCS#8 PEM (development keys, tests). */
export function newPassKeyPem(type: 'ec' | 'rsa' = 'ec'): string {
  const { privateKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Signs the claims; the header carries `alg` and `kid` only (no `typ`: every byte counts in a QR code). */
export function signPass(claims: PassClaims, key: PassSigningKey): string {
  return jwt.sign(claims, key.privateKey, {
    algorithm: key.alg,
    keyid: key.kid,
    header: { alg: key.alg, kid: key.kid, typ: undefined },
  });
}

/**
 * Checks a pass's signature with the public key its `kid` names and the algorithm that key is for
 * (never the one the token claims: `alg: none` and HS256-with-the-public-key fail here), its issuer
 * and the shape of its claims. The validity window is not checked here: that is a decision on the
 * claims with the caller's clock (`passRefusal` in access's rules).
 */
export function verifyPass(
  token: string,
  keyOf: (kid: string) => PassVerifyingKey | undefined,
  issuer: string,
): PassVerification {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') return { ok: false, reason: 'malformed' };
  const { kid, alg } = decoded.header;
  const key = kid ? keyOf(kid) : undefined;
  if (!key) return { ok: false, reason: 'unknown key' };
  if (alg !== key.alg) return { ok: false, reason: `algorithm ${alg} is not the key's` };
  try {
    const payload = jwt.verify(token, key.key, {
      algorithms: [key.alg],
      issuer,
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
    const claims = passClaims.safeParse(payload);
    return claims.success ? { ok: true, claims: claims.data } : { ok: false, reason: 'claims' };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Verifying keys by kid from a JWKS document (what a device fetched). */
export function keysFromJwks(jwks: { keys: PublicJwk[] }): Map<string, PassVerifyingKey> {
  return new Map(
    jwks.keys.map((jwk) => [
      jwk.kid,
      { alg: jwk.alg, key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }) },
    ]),
  );
}

function algorithmOf(key: KeyObject): PassAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('A pass key must be an EC P-256 (ES256) or RSA (RS256) private key');
}

/** The public JWK with its kid: the first 16 characters of its RFC 7638 thumbprint (SHA-256). */
function publicJwkOf(publicKey: KeyObject, alg: PassAlgorithm): PublicJwk {
  const exported = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const members =
    exported.kty === 'EC'
      ? { crv: exported.crv, kty: 'EC', x: exported.x, y: exported.y }
      : { e: exported.e, kty: 'RSA', n: exported.n };
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url').slice(0, 16);
  return { ...(members as Omit<PublicJwk, 'kid' | 'alg' | 'use'>), kid, alg, use: 'sig' };
}
