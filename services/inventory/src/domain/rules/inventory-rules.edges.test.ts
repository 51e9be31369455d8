import { createResourceBody, type Blackout, type Principal, type Resource } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { admitResource } from './admit-resource';
import { MAX_BLACKOUTS, withBlackout, withoutBlackout } from './blackouts';
import { creationKeyOf } from './creation-key';
import { openingHoursProblems } from './opening-hours-rules';
import { nameTaken } from './org-names';
import { inRequest, resourceProblems } from './resource-rules';
import { newResource } from './resource-spec';
import { refuseIfRetired } from './resource-status';

const now = new Date('2026-06-01T00:00:00Z');
const spec = createResourceBody.parse({ orgId: 'org-1', kind: 'lab', name: 'Lab' });
const resource = newResource(spec, 'r-1', now);
const blackout = (id: string, start: string): Blackout => ({
  id,
  resourceId: 'r-1',
  start,
  end: '2026-07-01T00:00:00.000Z',
  reason: '',
  createdAt: now.toISOString(),
});

describe('the messages a provider reads', () => {
  it.each([
    [
      'a retired resource is changed',
      () => refuseIfRetired({ ...resource, status: 'retired' } as Resource),
      'Resource r-1 is retired and can no longer change.',
    ],
    [
      'a full resource gets one more blackout',
      () =>
        withBlackout(
          {
            ...resource,
            blackouts: Array.from({ length: MAX_BLACKOUTS }, (_, k) => blackout(`b${k}`, now.toISOString())),
          },
          blackout('x', now.toISOString()),
        ),
      `A resource keeps at most ${MAX_BLACKOUTS} blackouts; remove old ones first.`,
    ],
    ['an unknown blackout is removed', () => withoutBlackout(resource, 'nope'), 'Blackout nope'],
  ])('when %s, then the message says so', (_case, act, message) => {
    expect(act).toThrow(message);
  });

  it('when an organisation name is taken, then the conflict names it', () => {
    expect(nameTaken('Campus Lab')).toEqual(
      expect.objectContaining({
        code: 'org_name_taken',
        message: 'An organisation named "Campus Lab" exists already.',
      }),
    );
  });

  it('when an org_admin adds a resource to another org, then the refusal says why', () => {
    const caller: Principal = { sub: 'a', org: 'org-2', roles: ['org_admin'] };
    expect(admitResource(caller, spec, { id: 'r-1', now, orgKnown: true })).toEqual({
      forbidden: 'An org_admin may only add resources to their own organisation.',
    });
  });

  it('when the org is unknown, then the problem says so', () => {
    const caller: Principal = { sub: 'a', org: 'org-1', roles: ['org_admin'] };
    expect(admitResource(caller, spec, { id: 'r-1', now, orgKnown: false })).toEqual({
      problems: [{ field: 'orgId', message: 'is not a known organisation' }],
    });
  });
});

describe('withoutBlackout among several', () => {
  const a = blackout('a', '2026-06-10T00:00:00.000Z');
  const b = blackout('b', '2026-06-11T00:00:00.000Z');
  const c = blackout('c', '2026-06-12T00:00:00.000Z');

  it('when the middle one of three is removed, then the event names it and the other two stay', () => {
    const change = withoutBlackout({ ...resource, blackouts: [a, b, c] }, 'b');
    expect(change.blackout).toEqual(b);
    expect(change.next.blackouts).toEqual([a, c]);
  });
});

describe('resourceProblems at the min/max boundary', () => {
  it.each([
    ['minMinutes equals maxMinutes', 60, 60, []],
    [
      'minMinutes is one more than maxMinutes',
      61,
      60,
      [{ field: 'policy.minMinutes', message: 'must not exceed policy.maxMinutes (60)' }],
    ],
  ])('when %s, then the problems are %j', (_case, minMinutes, maxMinutes, expected) => {
    expect(resourceProblems({ ...spec, policy: { ...spec.policy, minMinutes, maxMinutes } }, now)).toEqual(
      expected,
    );
  });
});

describe('inRequest and creationKeyOf', () => {
  it('when problems are named for a request, then each field gets the request part in front', () => {
    expect(inRequest('body', [{ field: 'policy.minMinutes', message: 'm' }])).toEqual([
      { field: 'body.policy.minMinutes', message: 'm' },
    ]);
  });

  it('when a record is listed, then its key is its creation time and id', () => {
    expect(creationKeyOf({ createdAt: '2026-06-01T00:00:00.000Z', id: 'r-1', ...{ name: 'x' } })).toEqual({
      createdAt: '2026-06-01T00:00:00.000Z',
      id: 'r-1',
    });
  });
});

describe('openingHoursProblems for windows that only touch or do not meet in time', () => {
  const daily = (start: string, end: string, rrule = 'FREQ=DAILY') => ({ rrule, start, end });

  it.each([
    [
      'the later-listed window ends where the earlier starts',
      [daily('12:00', '18:00'), daily('08:00', '12:00')],
    ],
    [
      'the later-listed window starts where the earlier ends',
      [daily('08:00', '12:00'), daily('12:00', '18:00')],
    ],
    ['the windows are hours apart', [daily('08:00', '10:00'), daily('13:00', '17:00')]],
  ])('when %s, then there is no overlap', (_case, windows) => {
    expect(openingHoursProblems(windows, 'Asia/Shanghai', now)).toEqual([]);
  });

  it('when an unusable RRULE overlaps another window in time, then only its RRULE is named', () => {
    const windows = [daily('08:00', '12:00'), daily('09:00', '11:00', 'FREQ=DAILY;BYMONTH=13')];
    expect(openingHoursProblems(windows, 'Asia/Shanghai', now)).toEqual([
      {
        field: 'openingHours.1.rrule',
        message: 'is not a usable RRULE: BYMONTH=13 is not an integer in 1..12',
      },
    ]);
  });

  it('when an RRULE check fails with something other than a rule error (a caller bug), then it propagates', () => {
    const windows = [{ rrule: undefined as unknown as string, start: '08:00', end: '09:00' }];
    expect(() => openingHoursProblems(windows, 'Asia/Shanghai', now)).toThrow(TypeError);
  });
});
