import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET, tokenFor } from '@labshare/testkit';

/** Bearer headers for the people of the tests. */
export const callers = {
  admin: () => tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] }),
  orgAdmin: (org: string) => tokenFor({ sub: `org-admin-${org}`, org, roles: ['org_admin'] }),
  booker: (org: string) => tokenFor({ sub: `booker-${org}`, org, roles: ['booker'] }),
  expired: (org: string) =>
    `Bearer ${jwt.sign({ sub: 'late', org, roles: ['org_admin'], exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET)}`,
  badSignature: (org: string) =>
    tokenFor({ sub: 'forger', org, roles: ['admin'] }, 'not-the-secret-at-all-0123456789'),
};
