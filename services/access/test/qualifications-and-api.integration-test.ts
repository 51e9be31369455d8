import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualificationEventTypes, topics } from '@labshare/contracts';
import { eventTap, type EventTap } from '@labshare/testkit';
import { admin, exactlyOnce, makeOrg, startAccessService, type AccessHarness } from './access-fixture';

describe('qualifications, revocation list queries and the OpenAPI document', () => {
  let h: AccessHarness;
  let tap: EventTap;
  beforeAll(async () => {
    h = await startAccessService();
    tap = await eventTap(h.env, [topics.qualifications]);
  });
  afterAll(async () => {
    await tap?.stop();
    await h?.stop();
  });

  it('when an org_admin grants and revokes, then each is a snapshot event booking reads, and a second revoke changes nothing', async () => {
    const provider = makeOrg('university');
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const granted = await h.api('POST', '/v1/qualifications', {
      token: provider.orgAdmin,
      body: { userId: 'carol', name: 'laser-safety', expiresAt },
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toEqual({
      id: expect.any(String),
      orgId: provider.id,
      userId: 'carol',
      name: 'laser-safety',
      expiresAt,
      revokedAt: null,
      version: 1,
    });
    const id = granted.body.id as string;
    const grantedEvent = await exactlyOnce(
      h,
      tap,
      topics.qualifications,
      id,
      (e) => e.type === qualificationEventTypes.granted && e.subject === id,
    );
    expect(grantedEvent.first.data.qualification).toEqual(granted.body);

    const revoked = await h.api('DELETE', `/v1/qualifications/${id}`, { token: provider.orgAdmin });
    expect(revoked.body).toMatchObject({ id, revokedAt: expect.any(String), version: 2 });
    const again = await h.api('DELETE', `/v1/qualifications/${id}`, { token: provider.orgAdmin });
    expect(again.body).toEqual(revoked.body);
    const revokedEvents = await exactlyOnce(
      h,
      tap,
      topics.qualifications,
      id,
      (e) => e.type === qualificationEventTypes.revoked && e.subject === id,
    );
    expect(revokedEvents.copies).toHaveLength(1);
  });

  it('when others try, then roles and orgs are enforced: 403 to grant, 404 to revoke, lists scoped to the caller', async () => {
    const provider = makeOrg('university');
    const other = makeOrg('enterprise');
    const granted = await h.api('POST', '/v1/qualifications', {
      token: provider.orgAdmin,
      body: { userId: 'dan', name: 'cleanroom' },
    });
    expect(granted.status).toBe(201);
    expect(
      (
        await h.api('POST', '/v1/qualifications', {
          token: provider.booker(),
          body: { userId: 'dan', name: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await h.api('DELETE', `/v1/qualifications/${granted.body.id}`, { token: other.orgAdmin })).status,
    ).toBe(404);

    const mine = await h.api('GET', '/v1/qualifications', { token: provider.orgAdmin });
    expect(mine.body).toEqual({ items: [granted.body], nextCursor: null });
    expect((await h.api('GET', '/v1/qualifications', { token: other.orgAdmin })).body.items).toEqual([]);
    expect((await h.api('GET', '/v1/qualifications', { token: other.booker('dan') })).body.items).toEqual([
      granted.body,
    ]);
    expect((await h.api('GET', '/v1/qualifications?userId=dan', { token: other.booker('eve') })).status).toBe(
      403,
    );
    expect(
      (await h.api('GET', '/v1/qualifications?userId=dan&limit=1', { token: admin })).body.items,
    ).toHaveLength(1);
  });

  it('when a request is malformed, then it is a 400 naming the field', async () => {
    const provider = makeOrg('university');
    const cases: [string, string, Record<string, unknown> | undefined, string][] = [
      ['POST', '/v1/qualifications', { userId: 'u', name: 'n', colour: 'red' }, 'body'],
      [
        'POST',
        '/v1/qualifications',
        { userId: 'u', name: 'n', expiresAt: '2020-01-01T00:00:00Z' },
        'body.expiresAt',
      ],
      ['GET', '/v1/qualifications?cursor=forged', undefined, 'query.cursor'],
      ['GET', '/v1/access/revocations?since=yesterday', undefined, 'query.since'],
      ['GET', '/v1/access/revocations?colour=red', undefined, 'query'],
      ['POST', '/v1/passes', { bookingId: 'b', extra: 1 }, 'body'],
    ];
    for (const [method, url, body, field] of cases) {
      const answer = await h.api(method, url, { token: provider.orgAdmin, ...(body ? { body } : {}) });
      expect(answer.status, url).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field).join(), url).toContain(field);
    }
  });

  it('when /openapi.json is read, then every access route is there with its response schema', async () => {
    const doc = (await h.api('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'DELETE /v1/qualifications/{id}',
        'GET /.well-known/jwks.json',
        'GET /v1/access/revocations',
        'GET /v1/qualifications',
        'POST /v1/access/check-in',
        'POST /v1/access/check-out',
        'POST /v1/passes',
        'POST /v1/qualifications',
      ].sort(),
    );
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods)) {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        expect(success?.[1].content).toBeDefined();
      }
    }
  });
});
