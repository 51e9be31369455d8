import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceEventData } from '@labshare/contracts';
import { waitFor } from '@labshare/testkit';
import { bookingStub } from './support/booking-stub';
import { callers } from './support/callers';
import { createOrg, createResource } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

const window = {
  start: '2026-12-01T09:00:00+08:00',
  end: '2026-12-01T17:00:00+08:00',
  reason: 'annual service',
};
const booking = (id: string, status: string, start: string, end: string) => ({
  id,
  status,
  start: `2026-12-01T${start}:00Z`,
  end: `2026-12-01T${end}:00Z`,
});

describe('blackouts: /v1/resources/:id/blackouts', () => {
  let inv: Inventory;
  let bookingApi: Awaited<ReturnType<typeof bookingStub>>;
  let orgId: string;
  let otherOrg: string;
  beforeAll(async () => {
    bookingApi = await bookingStub();
    inv = await startInventory({ BOOKING_URL: bookingApi.url });
    orgId = (await createOrg(inv.http)).id;
    otherOrg = (await createOrg(inv.http)).id;
  });
  afterAll(async () => {
    await inv.stop();
    await bookingApi.close();
  });
  beforeEach(() => {
    bookingApi.requests.length = 0;
    bookingApi.answer(() => ({ status: 200, body: { items: [], nextCursor: null } }));
  });

  const owner = () => inv.http.as(callers.orgAdmin(orgId));

  it('when the owner adds a blackout, then bookings that still hold the time are reported, across pages, asked with the caller token', async () => {
    const resource = await createResource(inv.http, orgId);
    bookingApi.answer((url) =>
      url.searchParams.get('cursor') === 'page-2'
        ? { status: 200, body: { items: [booking('b-3', 'pending', '08:30', '09:30')], nextCursor: null } }
        : {
            status: 200,
            body: {
              items: [
                booking('b-1', 'confirmed', '02:00', '03:00'),
                booking('b-2', 'cancelled', '02:00', '03:00'),
                booking('b-4', 'held', '00:00', '01:00'),
              ],
              nextCursor: 'page-2',
            },
          },
    );
    const token = callers.orgAdmin(orgId);
    const reply = await inv.http.as(token).post(`/v1/resources/${resource.id}/blackouts`, window);
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      resourceId: resource.id,
      start: '2026-12-01T01:00:00.000Z',
      end: '2026-12-01T09:00:00.000Z',
      reason: 'annual service',
      createdAt: expect.any(String),
      conflicts: ['b-1', 'b-3'],
    });
    const asked = bookingApi.requests[0];
    expect(asked?.url.pathname).toBe('/v1/bookings');
    expect(Object.fromEntries(asked?.url.searchParams ?? [])).toEqual({
      resourceId: resource.id,
      from: '2026-12-01T01:00:00.000Z',
      to: '2026-12-01T09:00:00.000Z',
      limit: '500',
    });
    expect(asked?.authorization).toBe(token);
    expect(bookingApi.requests).toHaveLength(2);
  });

  it('when the blackout is added or removed, then the resource snapshot (with its blackouts) is published each time', async () => {
    const resource = await createResource(inv.http, orgId);
    const added = await owner().post(`/v1/resources/${resource.id}/blackouts`, window);
    const addedEvent = await waitFor(() => inv.events.find('resource.blackout-added.v1', resource.id), {
      what: 'blackout-added',
    });
    const addedData = resourceEventData.parse(addedEvent.data);
    expect(addedData.resource.version).toBe(2);
    const { conflicts: _conflicts, ...stored } = added.body;
    expect(addedData.resource.blackouts).toEqual([stored]);
    expect(addedData.blackout?.id).toBe(added.body.id);

    const removed = await owner().delete(`/v1/resources/${resource.id}/blackouts/${added.body.id}`);
    expect(removed.body).toEqual(addedData.blackout);
    const removedEvent = await waitFor(() => inv.events.find('resource.blackout-removed.v1', resource.id), {
      what: 'blackout-removed',
    });
    expect(resourceEventData.parse(removedEvent.data).resource).toMatchObject({ version: 3, blackouts: [] });
    expect((await owner().get(`/v1/resources/${resource.id}`)).body).toEqual(
      resourceEventData.parse(removedEvent.data).resource,
    );
  });

  it.each([
    ['hangs up', () => 'hang-up' as const],
    ['fails', () => ({ status: 503, body: { title: 'down' } })],
    ['answers nonsense', () => ({ status: 200, body: { bookings: 'none' } })],
  ])(
    'when booking %s, then the blackout is still created with conflictsUnavailable',
    async (_what, answer) => {
      const resource = await createResource(inv.http, orgId);
      bookingApi.answer(answer);
      const reply = await owner().post(`/v1/resources/${resource.id}/blackouts`, window);
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ conflicts: [], conflictsUnavailable: true });
      expect((await owner().get(`/v1/resources/${resource.id}/blackouts`)).body.items).toHaveLength(1);
    },
  );

  it('when listing, then anyone who sees the resource gets its blackouts by start, page by page', async () => {
    const resource = await createResource(inv.http, orgId);
    for (const day of ['03', '01', '02']) {
      await owner().post(`/v1/resources/${resource.id}/blackouts`, {
        start: `2026-12-${day}T00:00:00Z`,
        end: `2026-12-${day}T08:00:00Z`,
      });
    }
    const first = await inv.http
      .as(callers.booker(otherOrg))
      .get(`/v1/resources/${resource.id}/blackouts?limit=2`);
    expect(first.body.items.map((b: { start: string }) => b.start.slice(8, 10))).toEqual(['01', '02']);
    expect(first.body.items[0]).toMatchObject({ reason: '', resourceId: resource.id });
    const rest = await inv.http
      .as(callers.booker(otherOrg))
      .get(`/v1/resources/${resource.id}/blackouts?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({
      items: [expect.objectContaining({ start: '2026-12-03T00:00:00.000Z' })],
      nextCursor: null,
    });
  });

  it('when the end is not after the start, then it is 400 naming body.end', async () => {
    const resource = await createResource(inv.http, orgId);
    const reply = await owner().post(`/v1/resources/${resource.id}/blackouts`, {
      ...window,
      end: window.start,
    });
    expect(reply.body.errors).toEqual([{ field: 'body.end', message: 'must be after start' }]);
  });

  it('when others try to add or remove blackouts, then roles and orgs are enforced', async () => {
    const shared = await createResource(inv.http, orgId);
    const unshared = await createResource(inv.http, orgId, { shared: false });
    const path = (r: { id: string }) => `/v1/resources/${r.id}/blackouts`;
    expect((await inv.http.as(callers.booker(orgId)).post(path(shared), window)).status).toBe(403);
    expect((await inv.http.as(callers.orgAdmin(otherOrg)).post(path(shared), window)).status).toBe(403);
    expect((await inv.http.as(callers.orgAdmin(otherOrg)).post(path(unshared), window)).status).toBe(404);
    expect((await inv.http.anonymous.post(path(shared), window)).status).toBe(401);
    const added = await inv.http.as(callers.admin()).post(path(shared), window);
    expect(added.status).toBe(201);
    expect(
      (await inv.http.as(callers.orgAdmin(otherOrg)).delete(`${path(shared)}/${added.body.id}`)).status,
    ).toBe(403);
    expect((await inv.http.as(callers.orgAdmin(otherOrg)).get(path(unshared))).status).toBe(404);
  });

  it('when the resource or blackout is unknown, or the resource retired, then it is 404 or 409', async () => {
    const resource = await createResource(inv.http, orgId);
    expect((await owner().post(`/v1/resources/${randomUUID()}/blackouts`, window)).status).toBe(404);
    expect((await owner().delete(`/v1/resources/${resource.id}/blackouts/${randomUUID()}`)).status).toBe(404);
    await owner().delete(`/v1/resources/${resource.id}`);
    expect((await owner().post(`/v1/resources/${resource.id}/blackouts`, window)).body.code).toBe(
      'resource_retired',
    );
  });

  it('when a blackout is retried with the same Idempotency-Key, then only one is added', async () => {
    const resource = await createResource(inv.http, orgId);
    const key = { 'idempotency-key': randomUUID() };
    const first = await owner().post(`/v1/resources/${resource.id}/blackouts`, window, key);
    const again = await owner().post(`/v1/resources/${resource.id}/blackouts`, window, key);
    expect(again).toEqual(first);
    expect((await owner().get(`/v1/resources/${resource.id}/blackouts`)).body.items).toHaveLength(1);
  });
});
