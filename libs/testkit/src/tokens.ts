import jwt from 'jsonwebtoken';

export const TEST_JWT_SECRET = 'labshare-test-secret-0123456789';

/** A bearer header for the given caller, signed with the test secret. */
export function tokenFor(
  claims: { sub: string; org: string; roles: string[] },
  secret = TEST_JWT_SECRET,
): string {
  return `Bearer ${jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h' })}`;
}
