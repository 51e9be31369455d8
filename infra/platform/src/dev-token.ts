// Mints a bearer token for local use, signed with AUTH_JWT_SECRET (or the development secret that
// `npm start` uses when none is set):
//   npm run token -- --sub alice --org <orgId> --roles booker,org_admin
//   npm run token -- --sub door-1 --org <providerOrgId> --roles device     (a door controller)
import { parseArgs } from 'node:util';
import { roles, type Role } from '@labshare/contracts';
import { DEV_SECRET, signDevToken } from './dev-secret';

const { values } = parseArgs({
  options: {
    sub: { type: 'string', default: 'dev-admin' },
    org: { type: 'string', default: 'platform' },
    roles: { type: 'string', default: 'admin' },
    hours: { type: 'string', default: '12' },
  },
});
const wanted = values.roles.split(',').map((r) => r.trim());
const unknown = wanted.filter((r) => !(roles as readonly string[]).includes(r));
if (unknown.length > 0) {
  console.error(`Unknown role(s) ${unknown.join(', ')}; the roles are ${roles.join(', ')}.`);
  process.exit(1);
}
const secret = process.env.AUTH_JWT_SECRET ?? DEV_SECRET;
const token = signDevToken(
  { sub: values.sub, org: values.org, roles: wanted as Role[] },
  secret,
  Number(values.hours),
);
console.log(token);
