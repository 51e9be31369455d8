import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { roles, type Principal, type Role } from '@labshare/contracts';
import { errors } from '@labshare/errors';

export interface AuthOptions {
  jwtSecret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The longest lifetime (`exp` − `iat`, or `exp` − now without `iat`) a token may have, in seconds. */
  maxTokenTtlSeconds?: number;
}

const ASYMMETRIC: Algorithm[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256'];
const DEFAULT_MAX_TTL_SECONDS = 12 * 3600;
const JWKS_CACHE_MS = 10 * 60_000;
/**
 * A verified token's principal is kept this long at most (and never past its `exp`), so a client
 * sending the same token with every request is verified once a minute, not on every request. It
 * bounds how long a token still works after its JWKS key is dropped from the set (the key itself is
 * cached for 10 minutes).
 */
const VERIFIED_MS = 60_000;
const MAX_VERIFIED = 10_000;

/**
 * Verifies `Authorization: Bearer <JWT>` per the contract: HS256 with a shared secret, or an
 * asymmetric signature checked against a public key or a JWKS URL. Algorithms are pinned, so
 * `alg: none` and algorithm-confusion tokens fail; `iss`/`aud` are checked when configured; every
 * token must expire (`exp`), within the configured maximum lifetime. Keys are parsed once into
 * KeyObjects: given a string, jsonwebtoken tries it as a PEM first on every request (~0.4 ms).
 * A token verified is remembered for a minute at most (VERIFIED_MS); its principal is frozen, as it
 * is shared by the requests that carry the same token.
 */
export class Authenticator {
  private readonly jwks: JwksClient | undefined;
  private readonly secret: KeyObject | undefined;
  private readonly publicKey: KeyObject | undefined;
  /** Parsed JWKS keys by kid, for as long as jwks-rsa would cache them (a key dropped from the set stops working). */
  private readonly jwksKeys = new Map<string, { key: KeyObject; until: number }>();
  private readonly maxTtl: number;
  /** Tokens verified lately, by their whole text, oldest first (see VERIFIED_MS). */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly options: AuthOptions) {
    if (!options.jwtSecret && !options.publicKey && !options.jwksUrl) {
      throw new Error('Auth needs AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL');
    }
    this.secret = options.jwtSecret ? createSecretKey(Buffer.from(options.jwtSecret, 'utf8')) : undefined;
    this.publicKey = options.publicKey ? createPublicKey(options.publicKey) : undefined;
    this.jwks = options.jwksUrl
      ? new JwksClient({ jwksUri: options.jwksUrl, cache: true, rateLimit: true })
      : undefined;
    this.maxTtl = options.maxTokenTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS;
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw errors.unauthenticated();
    const token = match[1];
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return known.principal;
    if (known) this.verified.delete(token);
    const verified = await this.verify(token);
    this.verified.set(token, verified);
    if (this.verified.size > MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
    return verified.principal;
  }

  /** The token's principal, and until when it may be used without verifying it again. */
  private async verify(token: string): Promise<{ principal: Principal; until: number }> {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string')
      throw errors.unauthenticated('The token is malformed.');
    const alg = decoded.header.alg as Algorithm;
    const key = await this.keyFor(alg, decoded.header.kid);
    let payload: JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [alg],
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
      }) as JwtPayload;
    } catch (error) {
      throw errors.unauthenticated(`The token was refused: ${(error as Error).message}.`);
    }
    this.checkLifetime(payload);
    const principal = Object.freeze(toPrincipal(payload));
    return { principal, until: Math.min(payload.exp! * 1000, Date.now() + VERIFIED_MS) };
  }

  /** A token that never expires, or lives longer than allowed, is a stolen token waiting to happen. */
  private checkLifetime(payload: JwtPayload): void {
    if (typeof payload.exp !== 'number') throw errors.unauthenticated('The token has no expiry (exp).');
    const issued = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    if (payload.exp - issued > this.maxTtl) {
      throw errors.unauthenticated(`The token lives longer than the allowed ${this.maxTtl} s.`);
    }
  }

  private async keyFor(alg: Algorithm, kid: string | undefined): Promise<KeyObject> {
    if (alg === 'HS256' && this.secret) return this.secret;
    if (ASYMMETRIC.includes(alg)) {
      if (this.publicKey) return this.publicKey;
      if (this.jwks) return this.jwksKey(kid);
    }
    throw errors.unauthenticated(`Tokens signed with ${alg} are not accepted.`);
  }

  private async jwksKey(kid: string | undefined): Promise<KeyObject> {
    const known = kid === undefined ? undefined : this.jwksKeys.get(kid);
    if (known && known.until > Date.now()) return known.key;
    try {
      const key = createPublicKey((await this.jwks!.getSigningKey(kid)).getPublicKey());
      if (kid !== undefined) this.jwksKeys.set(kid, { key, until: Date.now() + JWKS_CACHE_MS });
      return key;
    } catch {
      throw errors.unauthenticated('The token was signed with an unknown key.');
    }
  }
}

function toPrincipal(payload: JwtPayload): Principal {
  const claimedRoles: unknown = payload.roles;
  if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || !Array.isArray(claimedRoles)) {
    throw errors.unauthenticated('The token lacks the sub, org or roles claim.');
  }
  const known = claimedRoles.filter((r): r is Role => (roles as readonly string[]).includes(r));
  return { sub: payload.sub, org: payload.org, roles: Object.freeze(known) as Role[] };
}
