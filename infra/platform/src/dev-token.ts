// Mints a bearer token for local use, signed with AUTH_JWT_SECRET (or the development secret that
// `npm start` uses when none is set):
//   npm run token -- --sub alice --org <orgId> --roles booker,org_admin
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { DEV_SECRET } from './dev-secret';

const { values } = parseArgs({
  options: {
    sub: { type: 'string', default: 'dev-admin' },
    org: { type: 'string', default: 'platform' },
    roles: { type: 'string', default: 'admin' },
    hours: { type: 'string', default: '12' },
  },
});
const secret = process.env.AUTH_JWT_SECRET ?? DEV_SECRET;
const token = jwt.sign({ sub: values.sub, org: values.org, roles: values.roles.split(',') }, secret, {
  algorithm: 'HS256',
  expiresIn: `${Number(values.hours)}h`,
});
console.log(token);
