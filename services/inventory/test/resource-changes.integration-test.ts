import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceEventData } from '@labshare/contracts';
import { waitFor } from '@labshare/testkit';
import { callers } from './support/callers';
import { createOrg, createResource } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

describe('changing resources: PATCH and DELETE /v1/resources/:id', () => {
  let inv: Inventory;
  let orgId: string;
  let otherOrg: string;
  beforeAll(async () => {
    inv = await startInventory();
    orgId = (await createOrg(inv.http)).id;
    otherOrg = (await createOrg(inv.http)).id;
  });
  afterAll(() => inv.stop());

  const owner = () => inv.http.as(callers.orgAdmin(orgId));
  const eventOf = (type: string, id: string, version: number) =>
    waitFor(
      () =>
        inv.events
          .of(id)
          .find((e) => e.type === type && resourceEventData.parse(e.data).resource.version === version),
      {
        what: `${type} v${version}`,
      },
    );

  it('when the owner patches, then policy, rates and location merge, the rest replaces, and resource.updated.v1 carries the snapshot', async () => {
    const created = await createResource(inv.http, orgId, { quota: { hoursPerWeek: 10 } });
    const reply = await owner().patch(`/v1/resources/${created.id}`, {
      name: 'SEM (renewed)',
      policy: { maxMinutes: 480, approval: 'external' },
      rates: { perHour: { enterprise: 90000 } },
      location: { room: 'B-104' },
      quota: { hoursPerMonth: 40 },
      requiredQualifications: [],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      name: 'SEM (renewed)',
      version: 2,
      policy: { slotMinutes: 30, minMinutes: 60, maxMinutes: 480, approval: 'external' },
      rates: { perHour: { university: 30000, enterprise: 90000 } },
      location: { campus: 'Main campus', building: 'Materials', room: 'B-104' },
      quota: { hoursPerMonth: 40 },
      requiredQualifications: [],
    });
    expect(reply.body.quota).not.toHaveProperty('hoursPerWeek');
    const event = await eventOf('resource.updated.v1', created.id, 2);
    expect(resourceEventData.parse(event.data).resource).toEqual(reply.body);
  });

  it('when the merged resource breaks a rule, then it is 400 naming the field and nothing changes', async () => {
    const created = await createResource(inv.http, orgId);
    const tooShort = await owner().patch(`/v1/resources/${created.id}`, { policy: { maxMinutes: 30 } });
    expect(tooShort.body.errors).toEqual([
      { field: 'body.policy.minMinutes', message: 'must not exceed policy.maxMinutes (30)' },
    ]);
    const overlapping = await owner().patch(`/v1/resources/${created.id}`, {
      openingHours: [
        { rrule: 'FREQ=DAILY', start: '08:00', end: '12:00' },
        { rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '09:00', end: '10:00' },
      ],
    });
    expect(overlapping.body.errors).toEqual([
      { field: 'body.openingHours.1', message: expect.stringContaining('overlaps openingHours.0') },
    ]);
    const badField = await owner().patch(`/v1/resources/${created.id}`, {
      timezone: 'Europe/Nowhere',
      orgId: otherOrg,
    });
    expect(badField.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'body.timezone',
    ]);
    expect((await owner().get(`/v1/resources/${created.id}`)).body.version).toBe(1);
  });

  it('when a patch changes nothing, then no version or event is spent', async () => {
    const created = await createResource(inv.http, orgId);
    const reply = await owner().patch(`/v1/resources/${created.id}`, {
      name: created.name,
      policy: { slotMinutes: 30 },
    });
    expect(reply.body).toEqual(created);
  });

  it('when callers other than the owner patch a shared resource, then it is 403 (or 401 without a valid token)', async () => {
    const created = await createResource(inv.http, orgId);
    const path = `/v1/resources/${created.id}`;
    expect((await inv.http.as(callers.orgAdmin(otherOrg)).patch(path, { name: 'mine' })).status).toBe(403);
    expect((await inv.http.as(callers.booker(orgId)).patch(path, { name: 'mine' })).status).toBe(403);
    expect((await inv.http.as(callers.orgAdmin(otherOrg)).delete(path)).status).toBe(403);
    expect((await inv.http.as(callers.expired(orgId)).patch(path, { name: 'mine' })).status).toBe(401);
    expect((await inv.http.as(callers.admin()).patch(path, { name: 'fixed by the zone' })).status).toBe(200);
  });

  it('when two patches race, then both are applied one after the other (optimistic concurrency)', async () => {
    const created = await createResource(inv.http, orgId);
    const path = `/v1/resources/${created.id}`;
    const replies = await Promise.all([
      owner().patch(path, { capacity: 2 }),
      owner().patch(path, { description: 'raced' }),
      owner().patch(path, { shared: false }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await owner().get(path)).body).toMatchObject({
      capacity: 2,
      description: 'raced',
      shared: false,
      version: 4,
    });
  });

  it('when the owner retires a resource, then it stays readable as retired, resource.retired.v1 is published, and it no longer changes', async () => {
    const created = await createResource(inv.http, orgId);
    const path = `/v1/resources/${created.id}`;
    const retired = await owner().delete(path);
    expect(retired.body).toMatchObject({ id: created.id, status: 'retired', version: 2 });
    const event = await eventOf('resource.retired.v1', created.id, 2);
    expect(resourceEventData.parse(event.data).resource).toEqual(retired.body);
    expect((await inv.http.as(callers.booker(otherOrg)).get(path)).body.status).toBe('retired');
    expect((await owner().delete(path)).body.version).toBe(2);
    expect((await owner().patch(path, { name: 'again' })).body.code).toBe('resource_retired');
  });
});
