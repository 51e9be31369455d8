import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { errors } from '@labshare/errors';
import { roles, type Principal, type Role } from '@labshare/contracts';

export interface AuthOptions {
  jwtSecret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

const ASYMMETRIC: Algorithm[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256'];

/**
 * Verifies `Authorization: Bearer <JWT>` per the contract: HS256 with a shared secret, or an
 * asymmetric signature checked against a public key or a JWKS URL. Algorithms are pinned, so
 * `alg: none` and algorithm-confusion tokens fail; `iss`/`aud` are checked when configured.
 */
export class Authenticator {
  private readonly jwks: JwksClient | undefined;

  constructor(private readonly options: AuthOptions) {
    if (!options.jwtSecret && !options.publicKey && !options.jwksUrl) {
      throw new Error('Auth needs AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL');
    }
    this.jwks = options.jwksUrl
      ? new JwksClient({ jwksUri: options.jwksUrl, cache: true, rateLimit: true })
      : undefined;
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw errors.unauthenticated();
    const token = match[1];
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
    return toPrincipal(payload);
  }

  private async keyFor(alg: Algorithm, kid: string | undefined): Promise<string> {
    if (alg === 'HS256' && this.options.jwtSecret) return this.options.jwtSecret;
    if (ASYMMETRIC.includes(alg)) {
      if (this.options.publicKey) return this.options.publicKey;
      if (this.jwks) {
        try {
          return (await this.jwks.getSigningKey(kid)).getPublicKey();
        } catch {
          throw errors.unauthenticated('The token was signed with an unknown key.');
        }
      }
    }
    throw errors.unauthenticated(`Tokens signed with ${alg} are not accepted.`);
  }
}

function toPrincipal(payload: JwtPayload): Principal {
  const claimedRoles: unknown = payload.roles;
  if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || !Array.isArray(claimedRoles)) {
    throw errors.unauthenticated('The token lacks the sub, org or roles claim.');
  }
  const known = claimedRoles.filter((r): r is Role => (roles as readonly string[]).includes(r));
  return { sub: payload.sub, org: payload.org, roles: known };
}
