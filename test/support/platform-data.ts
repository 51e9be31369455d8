// Organisations, resources and bookings made through the public API of a running `npm start`.
import { randomUUID } from 'node:crypto';
import { tokenFor, type apiClient } from '@labshare/testkit';
import { DEV_SECRET } from '../../infra/platform/src/dev-secret';

type Api = ReturnType<typeof apiClient>;

/** A bearer token `npm start` accepts: signed with its development secret. */
export const devToken = (claims: { sub: string; org: string; roles: string[] }) =>
  tokenFor(claims, DEV_SECRET);

export const zoneAdmin = devToken({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });

export async function createOrg(api: Api, kind: 'university' | 'enterprise') {
  const created = await api('POST', '/v1/orgs', {
    token: zoneAdmin,
    body: { name: `Org ${randomUUID()}`, kind },
  });
  if (created.status !== 201) throw new Error(`org: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  return {
    id,
    admin: devToken({ sub: `admin-${id}`, org: id, roles: ['org_admin'] }),
    booker: (user = `user-${randomUUID().slice(0, 8)}`) =>
      devToken({ sub: user, org: id, roles: ['booker'] }),
  };
}

export type TestOrg = Awaited<ReturnType<typeof createOrg>>;

/** An always-open instrument of capacity 1 on a 30-minute grid. */
export async function createResource(api: Api, provider: TestOrg) {
  const created = await api('POST', '/v1/resources', {
    token: provider.admin,
    body: {
      orgId: provider.id,
      kind: 'equipment',
      name: `Spectrometer ${randomUUID().slice(0, 8)}`,
      policy: { slotMinutes: 30, minMinutes: 30 },
      rates: { currency: 'CNY', perHour: { enterprise: 60000 }, incrementMinutes: 30, minimumMinutes: 0 },
    },
  });
  if (created.status !== 201) throw new Error(`resource: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** 02:00 UTC a week ahead, fixed when the test file loads (a restart must not move it). */
const firstSlot = new Date(Date.now() + 7 * 86_400_000).setUTCHours(2, 0, 0, 0);

/** The `n`-th half hour from `firstSlot`: inside the default 90-day horizon. */
export function slot(n: number) {
  const start = new Date(firstSlot + n * 1_800_000);
  return { start: start.toISOString(), end: new Date(start.getTime() + 1_800_000).toISOString() };
}

export function book(api: Api, token: string, resourceId: string, n: number) {
  return api('POST', '/v1/bookings', { token, body: { resourceId, ...slot(n) } });
}
