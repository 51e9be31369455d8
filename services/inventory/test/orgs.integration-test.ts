import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgEventData } from '@labshare/contracts';
import { waitFor } from '@labshare/testkit';
import { callers } from './support/callers';
import { anOrg, createOrg } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

describe('organisations over HTTP', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = await startInventory();
  });
  afterAll(() => inv.stop());

  describe('POST /v1/orgs', () => {
    it('when the admin registers an organisation, then it is stored and org.created.v1 carries the snapshot', async () => {
      const reply = await inv.http.as(callers.admin()).post('/v1/orgs', anOrg({ kind: 'training_body' }));
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ id: expect.any(String), kind: 'training_body', version: 1 });
      const event = await waitFor(() => inv.events.find('org.created.v1', reply.body.id), {
        what: 'org.created.v1',
      });
      expect(orgEventData.parse(event.data).org).toEqual(reply.body);
    });

    it('when a caller is not the admin, then it is 403', async () => {
      for (const token of [callers.orgAdmin('o1'), callers.booker('o1')]) {
        const reply = await inv.http.as(token).post('/v1/orgs', anOrg());
        expect(reply.status).toBe(403);
        expect(reply.contentType).toContain('application/problem+json');
      }
    });

    it('when the token is missing, badly signed or expired, then it is 401', async () => {
      for (const token of [
        undefined,
        callers.badSignature('zone'),
        callers.expired('zone'),
        'Bearer not.a.jwt',
      ]) {
        const reply = await inv.http.as(token).post('/v1/orgs', anOrg());
        expect(reply.status).toBe(401);
        expect(reply.body.code).toBe('unauthenticated');
      }
    });

    it('when the kind or name is bad, then it is 400 naming the field', async () => {
      const reply = await inv.http.as(callers.admin()).post('/v1/orgs', { name: ' ', kind: 'guild' });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'body.kind',
        'body.name',
      ]);
    });

    it('when the name is taken, then it is 409', async () => {
      const org = await createOrg(inv.http);
      const reply = await inv.http.as(callers.admin()).post('/v1/orgs', anOrg({ name: org.name }));
      expect(reply).toMatchObject({ status: 409, body: { code: 'org_name_taken' } });
    });

    it('when a create is retried with the same Idempotency-Key, then the first result is returned', async () => {
      const body = anOrg();
      const key = { 'idempotency-key': randomUUID() };
      const first = await inv.http.as(callers.admin()).post('/v1/orgs', body, key);
      const again = await inv.http.as(callers.admin()).post('/v1/orgs', body, key);
      expect(again).toEqual(first);
    });
  });

  describe('GET /v1/orgs', () => {
    it('when any authenticated caller lists, then pages follow each other without gaps', async () => {
      const made = [await createOrg(inv.http), await createOrg(inv.http), await createOrg(inv.http)];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const reply = await inv.http.as(callers.booker('anyone')).get(`/v1/orgs?limit=2${query}`);
        expect(reply.status).toBe(200);
        expect(reply.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...reply.body.items.map((o: { id: string }) => o.id));
        cursor = reply.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expect.arrayContaining(made.map((o) => o.id)));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('when the cursor is not one this API issued, then it is 400 naming query.cursor', async () => {
      const reply = await inv.http.as(callers.booker('o')).get('/v1/orgs?cursor=bm9wZQ');
      expect(reply).toMatchObject({ status: 400, body: { errors: [{ field: 'query.cursor' }] } });
    });

    it('when not authenticated, then it is 401', async () => {
      expect((await inv.http.anonymous.get('/v1/orgs')).status).toBe(401);
    });
  });

  describe('GET and PATCH /v1/orgs/:id', () => {
    it('when an organisation exists, then anyone authenticated reads it; an unknown id is 404', async () => {
      const org = await createOrg(inv.http);
      expect((await inv.http.as(callers.booker('other')).get(`/v1/orgs/${org.id}`)).body).toEqual(org);
      expect((await inv.http.as(callers.booker('other')).get(`/v1/orgs/${randomUUID()}`)).status).toBe(404);
    });

    it('when the admin changes the kind, then org.updated.v1 carries version 2', async () => {
      const org = await createOrg(inv.http, { kind: 'other' });
      const reply = await inv.http.as(callers.admin()).patch(`/v1/orgs/${org.id}`, { kind: 'enterprise' });
      expect(reply.body).toMatchObject({ kind: 'enterprise', version: 2 });
      const event = await waitFor(() => inv.events.find('org.updated.v1', org.id), {
        what: 'org.updated.v1',
      });
      expect(orgEventData.parse(event.data).org).toEqual(reply.body);
    });

    it('when a patch changes nothing, then no version is spent', async () => {
      const org = await createOrg(inv.http);
      const reply = await inv.http.as(callers.admin()).patch(`/v1/orgs/${org.id}`, { kind: org.kind });
      expect(reply.body.version).toBe(1);
    });

    it('when an org_admin patches their own org, then it is 403 (only the admin may)', async () => {
      const org = await createOrg(inv.http);
      expect(
        (await inv.http.as(callers.orgAdmin(org.id)).patch(`/v1/orgs/${org.id}`, { name: 'Mine now' }))
          .status,
      ).toBe(403);
    });
  });
});
