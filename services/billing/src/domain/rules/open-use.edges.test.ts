import type { Resource } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { anOpenUseBooking as booking, anOpenUseSession as session, DECEMBER, sh } from './test-fixtures';
import { openMs, openUseLines, openUseResourceOf, type OpenUseResource } from './open-use';

const aResource = (over: Partial<OpenUseResource> = {}): OpenUseResource => ({
  id: 'r1',
  orgId: 'uni',
  shared: true,
  capacity: 1,
  timezone: 'Asia/Shanghai',
  openingHours: [],
  blackouts: [],
  createdAt: Date.UTC(2026, 0, 1),
  ...over,
});
describe('openMs (lifetime outside the period)', () => {
  it.each([
    ['created after the month ended', aResource({ createdAt: DECEMBER.end + 1 })],
    ['created exactly when the month ended', aResource({ createdAt: DECEMBER.end })],
    ['retired before the month began', aResource({ retiredAt: DECEMBER.start - 1 })],
    ['retired before it was created', aResource({ createdAt: sh(10, 0), retiredAt: sh(5, 0) })],
  ])('when the resource was %s, then it was never open in the month', (_name, resource) => {
    expect(openMs(resource, DECEMBER)).toBe(0);
  });
});

describe('openUseLines (edges)', () => {
  it.each([
    ['1 unit for two hours', [booking()], 120],
    ['2 units for two hours', [booking({ quantity: 2 })], 240],
    [
      '3 units for two hours and 1 unit for an hour',
      [booking({ quantity: 3 }), booking({ start: sh(9, 9), end: sh(9, 10) })],
      420,
    ],
  ])('when the bookings hold %s, then booked minutes count units', (_name, bookings, bookedMinutes) => {
    const [line] = openUseLines({ range: DECEMBER, resources: [aResource()], bookings, sessions: [] });
    expect(line!.bookedMinutes).toBe(bookedMinutes);
  });

  it.each([
    ['1 ms before the month began', DECEMBER.start - 1, 0],
    ['exactly when the month began', DECEMBER.start, 100],
    ['1 ms before the month ended', DECEMBER.end - 1, 100],
    ['exactly when the month ended', DECEMBER.end, 0],
  ])(
    'when a session ends %s, then it is used in the month only from its first instant on',
    (_name, end, used) => {
      const [line] = openUseLines({
        range: DECEMBER,
        resources: [aResource()],
        bookings: [],
        sessions: [session({ end })],
      });
      expect([line!.usedMinutes, line!.externalMinutes, line!.outsideOrgs]).toEqual([
        used,
        used,
        used > 0 ? 1 : 0,
      ]);
    },
  );

  it.each([
    ['in order', ['alpha', 'mid', 'zeta']],
    ['reversed', ['zeta', 'mid', 'alpha']],
    ['mixed', ['mid', 'zeta', 'alpha']],
  ])('when providers come %s, then the report lists them by id', (_name, orgs) => {
    const report = openUseLines({
      range: DECEMBER,
      resources: orgs.map((orgId) => aResource({ id: `r-${orgId}`, orgId })),
      bookings: [],
      sessions: [],
    });
    expect(report.map((l) => l.providerOrgId)).toEqual(['alpha', 'mid', 'zeta']);
  });
});

describe('openUseResourceOf', () => {
  const resource = {
    id: 'r1',
    orgId: 'uni',
    shared: true,
    capacity: 2,
    timezone: 'Asia/Shanghai',
    openingHours: [{ rrule: 'FREQ=DAILY', start: '09:00', end: '17:00' }],
    blackouts: [{ start: '2026-12-08T02:00:00.000Z', end: '2026-12-08T04:00:00.000Z' }],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-12-15T00:00:00.000Z',
  };
  const read = {
    id: 'r1',
    orgId: 'uni',
    shared: true,
    capacity: 2,
    timezone: 'Asia/Shanghai',
    openingHours: resource.openingHours,
    blackouts: [
      { start: Date.parse('2026-12-08T02:00:00.000Z'), end: Date.parse('2026-12-08T04:00:00.000Z') },
    ],
    createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
  };

  it.each([
    ['active', {}],
    ['retired', { retiredAt: Date.parse('2026-12-15T00:00:00.000Z') }],
  ])(
    'when the resource is %s, then the report reads its hours, blackouts and lifetime',
    (status, retired) => {
      expect(openUseResourceOf({ ...resource, status } as unknown as Resource)).toStrictEqual({
        ...read,
        ...retired,
      });
    },
  );
});
