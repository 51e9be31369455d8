import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers } from './support/callers';
import { createOrg, createResource } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((r) => r.id).sort();

describe('reading resources: GET /v1/resources and /v1/resources/:id', () => {
  let inv: Inventory;
  let orgA: string;
  let orgB: string;
  let sharedA: { id: string };
  let unsharedA: { id: string };
  let classroomB: { id: string };
  let retiredB: { id: string };
  beforeAll(async () => {
    inv = await startInventory();
    orgA = (await createOrg(inv.http)).id;
    orgB = (await createOrg(inv.http, { kind: 'enterprise' })).id;
    sharedA = await createResource(inv.http, orgA, {
      name: 'Confocal microscope (a+b)*',
      location: { campus: 'Ocean', building: 'L', room: '410' },
    });
    unsharedA = await createResource(inv.http, orgA, {
      name: 'Internal bench',
      shared: false,
      description: 'Kept for our own CONFOCAL work',
    });
    classroomB = await createResource(inv.http, orgB, {
      kind: 'classroom',
      name: 'Workshop S-201',
      location: { campus: 'Skills base', building: 'T', room: '201' },
    });
    retiredB = await createResource(inv.http, orgB, { name: 'Old lathe' });
    expect((await inv.http.as(callers.orgAdmin(orgB)).delete(`/v1/resources/${retiredB.id}`)).status).toBe(
      200,
    );
  });
  afterAll(() => inv.stop());

  const mine = (reply: { body: { items: { orgId: string }[] } }) => ({
    body: {
      items: (reply.body.items as { id: string; orgId: string }[]).filter((r) =>
        [orgA, orgB].includes(r.orgId),
      ),
    },
  });

  describe('visibility between organisations', () => {
    it('when org B reads an unshared resource of org A, then it is 404, never 403', async () => {
      for (const token of [callers.booker(orgB), callers.orgAdmin(orgB)]) {
        const reply = await inv.http.as(token).get(`/v1/resources/${unsharedA.id}`);
        expect(reply).toMatchObject({ status: 404, body: { code: 'not_found' } });
      }
    });

    it('when org B changes or blacks out an unshared resource of org A, then it is 404 as well', async () => {
      const as = inv.http.as(callers.orgAdmin(orgB));
      expect((await as.patch(`/v1/resources/${unsharedA.id}`, { name: 'x' })).status).toBe(404);
      expect((await as.delete(`/v1/resources/${unsharedA.id}`)).status).toBe(404);
      expect((await as.get(`/v1/resources/${unsharedA.id}/blackouts`)).status).toBe(404);
    });

    it('when org A or the admin reads it, then it is there', async () => {
      expect((await inv.http.as(callers.booker(orgA)).get(`/v1/resources/${unsharedA.id}`)).status).toBe(200);
      expect((await inv.http.as(callers.admin()).get(`/v1/resources/${unsharedA.id}`)).status).toBe(200);
    });

    it('when org B lists, then the unshared resource of org A is never among them', async () => {
      const reply = mine(await inv.http.as(callers.booker(orgB)).get('/v1/resources?limit=500'));
      expect(ids(reply)).toEqual([sharedA.id, classroomB.id, retiredB.id].sort());
    });

    it('when org A or the admin lists, then they see it', async () => {
      expect(ids(mine(await inv.http.as(callers.booker(orgA)).get('/v1/resources?limit=500')))).toContain(
        unsharedA.id,
      );
      expect(ids(mine(await inv.http.as(callers.admin()).get('/v1/resources?limit=500')))).toContain(
        unsharedA.id,
      );
    });

    it('when the id is unknown, then it is 404; without a token it is 401', async () => {
      expect((await inv.http.as(callers.booker(orgA)).get(`/v1/resources/${randomUUID()}`)).status).toBe(404);
      expect((await inv.http.anonymous.get(`/v1/resources/${sharedA.id}`)).status).toBe(401);
      expect((await inv.http.anonymous.get('/v1/resources')).status).toBe(401);
    });
  });

  describe('filters', () => {
    const list = async (query: string) =>
      ids(await inv.http.as(callers.admin()).get(`/v1/resources?limit=500&${query}`));

    it('when filtering by kind, org, shared, campus or status, then only matches come back', async () => {
      expect(await list(`orgId=${orgB}&kind=classroom`)).toEqual([classroomB.id]);
      expect(await list(`orgId=${orgA}&shared=false`)).toEqual([unsharedA.id]);
      expect(await list(`campus=${encodeURIComponent('Skills base')}`)).toEqual([classroomB.id]);
      expect(await list(`orgId=${orgB}&status=retired`)).toEqual([retiredB.id]);
      expect(await list(`orgId=${orgB}&status=active`)).toEqual([classroomB.id]);
    });

    it('when searching text, then name and description match case-insensitively and regex characters are literal', async () => {
      expect(await list(`orgId=${orgA}&q=confocal`)).toEqual([sharedA.id, unsharedA.id].sort());
      expect(await list(`q=${encodeURIComponent('(a+b)*')}`)).toEqual([sharedA.id]);
      expect(await list(`q=${encodeURIComponent('.*')}`)).toEqual([]);
    });

    it('when a filter value is not allowed, then it is 400 naming the query field', async () => {
      const reply = await inv.http.as(callers.admin()).get('/v1/resources?kind=boat&shared=maybe&limit=0');
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'query.kind',
        'query.limit',
        'query.shared',
      ]);
    });

    it('when paging with limit and cursor, then every resource comes exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${cursor}` : '';
        const reply = await inv.http.as(callers.admin()).get(`/v1/resources?orgId=${orgA}&limit=1${after}`);
        seen.push(...reply.body.items.map((r: { id: string }) => r.id));
        cursor = reply.body.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([sharedA.id, unsharedA.id].sort());
    });
  });
});
