import jwt from 'jsonwebtoken';
import type { Role } from '@labshare/contracts';

/** The HS256 secret `npm start` uses when no AUTH_* variable is set (never in production). */
export const DEV_SECRET = 'labshare-development-secret-not-for-production';

/** A bearer token for `claims`, HS256-signed with `secret`, valid for `hours`. */
export function signDevToken(
  claims: { sub: string; org: string; roles: Role[] },
  secret: string,
  hours: number,
): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: `${hours}h` });
}
