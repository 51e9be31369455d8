import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceDefaults, resourceEventData } from '@labshare/contracts';
import { waitFor } from '@labshare/testkit';
import { callers } from './support/callers';
import { aResource, createOrg, demoData } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

describe('POST /v1/resources', () => {
  let inv: Inventory;
  let orgId: string;
  beforeAll(async () => {
    inv = await startInventory();
    orgId = (await createOrg(inv.http)).id;
  });
  afterAll(() => inv.stop());

  const post = (body: unknown, token = callers.orgAdmin(orgId)) =>
    inv.http.as(token).post('/v1/resources', body);

  it('when an org_admin lists a minimal resource, then every default is stored and resource.created.v1 carries it', async () => {
    const reply = await post({ orgId, kind: 'classroom', name: 'Lecture hall A-101' });
    expect(reply.status).toBe(201);
    const { location: _absent, ...defaults } = resourceDefaults;
    expect(reply.body).toEqual({
      id: expect.any(String),
      orgId,
      kind: 'classroom',
      name: 'Lecture hall A-101',
      ...defaults,
      blackouts: [],
      status: 'active',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: reply.body.createdAt,
    });
    const event = await waitFor(() => inv.events.find('resource.created.v1', reply.body.id), {
      what: 'created event',
    });
    expect(resourceEventData.parse(event.data).resource).toEqual(reply.body);
    expect((await inv.http.as(callers.booker(orgId)).get(`/v1/resources/${reply.body.id}`)).body).toEqual(
      reply.body,
    );
  });

  it('when the admin lists a resource for any org, then it is created', async () => {
    expect((await post(aResource(orgId), callers.admin())).status).toBe(201);
  });

  it('when every resource of the demo data is posted, then every one is accepted as given', async () => {
    const demo = demoData();
    const orgIds = new Map<string, string>();
    for (const org of demo.orgs)
      orgIds.set(org.key, (await createOrg(inv.http, { name: org.name, kind: org.kind })).id);
    for (const { org, ...body } of demo.resources) {
      const owner = orgIds.get(org) ?? '';
      const reply = await post({ ...body, orgId: owner }, callers.orgAdmin(owner));
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(reply.body).toMatchObject({
        ...body,
        policy: expect.objectContaining(body.policy as object),
        orgId: owner,
      });
    }
  });

  it('when an org_admin lists for another org, then it is 403; a booker is 403 too', async () => {
    expect((await post(aResource(orgId), callers.orgAdmin('another-org'))).status).toBe(403);
    expect((await post(aResource(orgId), callers.booker(orgId))).status).toBe(403);
  });

  it('when the token is missing, badly signed or expired, then it is 401', async () => {
    for (const token of [undefined, callers.badSignature(orgId), callers.expired(orgId)]) {
      expect((await inv.http.as(token).post('/v1/resources', aResource(orgId))).status).toBe(401);
    }
  });

  it('when the organisation is unknown, then it is 400 naming body.orgId', async () => {
    const reply = await post(aResource('no-such-org'), callers.admin());
    expect(reply.body.errors).toEqual([{ field: 'body.orgId', message: 'is not a known organisation' }]);
  });

  it.each([
    ['an unknown time zone', 'body.timezone', { timezone: 'Asia/Atlantis' }],
    [
      'an unparsable RRULE',
      'body.openingHours.0.rrule',
      { openingHours: [{ rrule: 'EVERY=MONDAY', start: '08:00', end: '12:00' }] },
    ],
    [
      'an end before the start',
      'body.openingHours.0.end',
      { openingHours: [{ rrule: 'FREQ=DAILY', start: '12:00', end: '08:00' }] },
    ],
    [
      'an end equal to the start',
      'body.openingHours.0.end',
      { openingHours: [{ rrule: 'FREQ=DAILY', start: '08:00', end: '08:00' }] },
    ],
    [
      'a malformed HH:MM',
      'body.openingHours.0.start',
      { openingHours: [{ rrule: 'FREQ=DAILY', start: '8h', end: '12:00' }] },
    ],
    [
      'overlapping opening windows',
      'body.openingHours.1',
      {
        openingHours: [
          { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', start: '08:00', end: '12:00' },
          { rrule: 'FREQ=MONTHLY;BYDAY=1WE', start: '11:30', end: '14:00' },
        ],
      },
    ],
    ['negative money', 'body.rates.perHour.enterprise', { rates: { perHour: { enterprise: -5 } } }],
    ['non-integer money', 'body.rates.perHour.enterprise', { rates: { perHour: { enterprise: 99.5 } } }],
    ['a slot that does not divide the day', 'body.policy.slotMinutes', { policy: { slotMinutes: 50 } }],
    ['min above max', 'body.policy.minMinutes', { policy: { minMinutes: 300, maxMinutes: 240 } }],
    ['an unknown kind', 'body.kind', { kind: 'spaceship' }],
    ['an unknown approval', 'body.policy.approval', { policy: { approval: 'maybe' } }],
    ['an unknown billing', 'body.policy.billing', { policy: { billing: 'flat' } }],
    ['an unknown field', 'body', { colour: 'blue' }],
  ])('when the body has %s, then it is 400 naming %s', async (_what, field, change) => {
    const reply = await post({ ...aResource(orgId), ...change });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when a create is retried with the same Idempotency-Key, then one resource exists and the first answer is replayed', async () => {
    const body = aResource(orgId);
    const key = { 'idempotency-key': randomUUID() };
    const first = await inv.http.as(callers.orgAdmin(orgId)).post('/v1/resources', body, key);
    const again = await inv.http.as(callers.orgAdmin(orgId)).post('/v1/resources', body, key);
    expect(again).toEqual(first);
    const named = await inv.http.as(callers.admin()).get(`/v1/resources?q=${encodeURIComponent(body.name)}`);
    expect(named.body.items).toHaveLength(1);
  });
});
