// Test data made through the public API of a running `npm start`, with development tokens the
// gateway mints (POST /dev/token, as the console's sign-in does).
import { expect } from 'vitest';
import type { Role } from '@labshare/contracts';
import { apiClient, waitFor } from '@labshare/testkit';

export async function devToken(url: string, claims: { sub: string; org: string; roles: Role[] }) {
  const answer = await apiClient(url, { checkContract: false })('POST', '/dev/token', { body: claims });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

export function platformApi(url: string) {
  const call = apiClient(url);
  const bearer = (token: string) => `Bearer ${token}`;
  return {
    call: (method: string, path: string, token: string, body?: unknown) =>
      call(method, path, { token: bearer(token), ...(body === undefined ? {} : { body }) }),
    async newOrg(admin: string, name: string, kind: string): Promise<string> {
      const answer = await call('POST', '/v1/orgs', { token: bearer(admin), body: { name, kind } });
      expect(answer.status).toBe(201);
      return answer.body.id as string;
    },
    async newResource(manager: string, body: Record<string, unknown>): Promise<string> {
      const answer = await call('POST', '/v1/resources', { token: bearer(manager), body });
      expect(answer.status).toBe(201);
      const id = answer.body.id as string;
      await this.newResourceKnown(manager, id);
      return id;
    },
    /** Booking learns a resource from inventory's event: waits until it answers for it. */
    async newResourceKnown(manager: string, id: string): Promise<void> {
      await waitFor(
        async () => {
          const now = new Date();
          const to = new Date(now.getTime() + 8 * 86_400_000);
          const free = await call(
            'GET',
            `/v1/availability?resourceId=${id}&from=${now.toISOString()}&to=${to.toISOString()}`,
            { token: bearer(manager) },
          );
          return free.status === 200;
        },
        { what: `booking knows resource ${id}` },
      );
    },
  };
}
