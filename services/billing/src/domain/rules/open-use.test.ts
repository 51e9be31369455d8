import { describe, expect, it } from 'vitest';
import { anOpenUseBooking as booking, anOpenUseSession as session, DECEMBER, sh } from './test-fixtures';
import { openMs, openUseLines, periodRange, type OpenUseResource } from './open-use';

const MINUTE = 60_000;
const weekdays9to5 = [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '09:00', end: '17:00' }];
const aResource = (over: Partial<OpenUseResource> = {}): OpenUseResource => ({
  id: 'r1',
  orgId: 'uni',
  shared: true,
  capacity: 1,
  timezone: 'Asia/Shanghai',
  openingHours: weekdays9to5,
  blackouts: [],
  createdAt: Date.UTC(2026, 0, 1),
  ...over,
});
const minutesOpen = (resource: OpenUseResource, range = DECEMBER) => openMs(resource, range) / MINUTE;

describe('openMs (opening hours minus blackouts)', () => {
  it.each([
    ['weekdays 09:00–17:00, no blackouts', aResource(), 23 * 480],
    [
      'a blackout inside one day’s hours (10:00–12:00 on the 8th)',
      aResource({ blackouts: [{ start: sh(8, 10), end: sh(8, 12) }] }),
      23 * 480 - 120,
    ],
    [
      'a blackout reaching past closing (16:00–20:00 on the 9th)',
      aResource({ blackouts: [{ start: sh(9, 16), end: sh(9, 20) }] }),
      23 * 480 - 60,
    ],
    [
      'a blackout from November to 12:00 on the 1st',
      aResource({ blackouts: [{ start: Date.UTC(2026, 10, 20), end: sh(1, 12) }] }),
      23 * 480 - 180,
    ],
    [
      'two overlapping blackouts on the 8th (10–12 and 11–13)',
      aResource({
        blackouts: [
          { start: sh(8, 10), end: sh(8, 12) },
          { start: sh(8, 11), end: sh(8, 13) },
        ],
      }),
      23 * 480 - 180,
    ],
    ['a blackout on a Saturday', aResource({ blackouts: [{ start: sh(5, 0), end: sh(6, 0) }] }), 23 * 480],
    ['no opening hours (always open)', aResource({ openingHours: [] }), 31 * 1440],
    ['created at 12:00 on the 31st (a Thursday)', aResource({ createdAt: sh(31, 12) }), 300],
    ['retired at 00:00 on the 2nd', aResource({ retiredAt: sh(2, 0) }), 480],
    ['retired in November', aResource({ retiredAt: Date.UTC(2026, 10, 1) }), 0],
  ])('when the resource is open %s, then it is open %i minutes in December', (_name, resource, minutes) => {
    expect(minutesOpen(resource)).toBe(minutes);
  });

  it('when a daily 00:00–24:00 resource in Berlin spans the spring-forward night, then March has one hour less', () => {
    const berlin = aResource({
      timezone: 'Europe/Berlin',
      openingHours: [{ rrule: 'FREQ=DAILY', start: '00:00', end: '24:00' }],
    });
    const march = { start: Date.UTC(2026, 1, 28, 23), end: Date.UTC(2026, 2, 31, 22) };
    expect(minutesOpen(berlin, march)).toBe(31 * 1440 - 60);
  });
});

describe('openUseLines', () => {
  it('when a provider has a shared resource with known hours, a blackout, bookings and sessions, then every figure follows', () => {
    const report = openUseLines({
      range: DECEMBER,
      resources: [
        aResource({ blackouts: [{ start: sh(8, 10), end: sh(8, 12) }] }),
        aResource({ id: 'private', shared: false }),
      ],
      bookings: [
        booking(),
        booking({ status: 'no_show', start: sh(9, 9), end: sh(9, 10) }),
        booking({ status: 'cancelled', start: sh(10, 9), end: sh(10, 17) }),
        booking({ status: 'held', start: sh(11, 9), end: sh(11, 17) }),
        booking({ start: Date.UTC(2026, 10, 30, 15), end: sh(1, 1) }),
        booking({ resourceId: 'private', start: sh(14, 9), end: sh(14, 17) }),
      ],
      sessions: [
        session(),
        session({ consumerOrgId: 'school', minutes: 30 }),
        session({ consumerOrgId: 'uni', minutes: 45 }),
        session({ consumerOrgId: 'firm', minutes: 15 }),
        session({ minutes: 999, end: DECEMBER.end }),
        session({ resourceId: 'private', minutes: 999 }),
      ],
    });
    expect(report).toEqual([
      {
        providerOrgId: 'uni',
        sharedResources: 1,
        openMinutes: 23 * 480 - 120,
        bookedMinutes: 120 + 60 + 60,
        usedMinutes: 100 + 30 + 45 + 15,
        externalMinutes: 100 + 30 + 15,
        utilisation: Math.round((190 / 10_920) * 10_000) / 10_000,
        outsideOrgs: 2,
      },
    ]);
  });

  it.each([
    ['capacity 3 and a session of 2 units', { capacity: 3 }, { quantity: 2 }, 3 * 23 * 480, 200],
    ['capacity 1', {}, {}, 23 * 480, 100],
  ])(
    'when the resource has %s, then open and used minutes count units',
    (_name, resource, used, open, usedMinutes) => {
      const [line] = openUseLines({
        range: DECEMBER,
        resources: [aResource(resource)],
        bookings: [],
        sessions: [session(used)],
      });
      expect([line!.openMinutes, line!.usedMinutes]).toEqual([open, usedMinutes]);
    },
  );

  it('when two providers and one has no shared resource open, then both are listed, sorted, utilisation 0 when never open', () => {
    const report = openUseLines({
      range: DECEMBER,
      resources: [
        aResource({ id: 'z', orgId: 'zeta', retiredAt: DECEMBER.start }),
        aResource({ id: 'a', orgId: 'alpha' }),
      ],
      bookings: [],
      sessions: [session({ resourceId: 'z', providerOrgId: 'zeta' })],
    });
    expect(report.map((l) => [l.providerOrgId, l.openMinutes, l.usedMinutes, l.utilisation])).toEqual([
      ['alpha', 23 * 480, 0, 0],
      ['zeta', 0, 100, 0],
    ]);
  });
});

describe('periodRange', () => {
  it.each([
    ['2026-12', 'Asia/Shanghai', DECEMBER],
    ['2026-03', 'Europe/Berlin', { start: Date.UTC(2026, 1, 28, 23), end: Date.UTC(2026, 2, 31, 22) }],
    ['2027-01', 'UTC', { start: Date.UTC(2027, 0, 1), end: Date.UTC(2027, 1, 1) }],
  ])(
    'when the period is %s in %s, then it runs from local midnight on the 1st to the next 1st',
    (period, zone, range) => {
      expect(periodRange(period, zone)).toEqual(range);
    },
  );
});
