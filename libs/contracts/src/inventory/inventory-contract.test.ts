import { describe, expect, it } from 'vitest';
import {
  createBlackoutBody,
  createResourceBody,
  isNewerVersion,
  patchResourceBody,
  resourceDefaults,
} from './index';

const minimal = { orgId: 'org-1', kind: 'equipment', name: 'SEM' };

function fieldsOf(result: {
  success: boolean;
  error?: { issues: { path: (string | number)[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('createResourceBody', () => {
  it('when only orgId, kind and name are given, then every other field takes its documented default', () => {
    const { orgId: _o, kind: _k, name: _n, ...rest } = createResourceBody.parse(minimal);
    const { location: _location, ...defaults } = resourceDefaults;
    expect(rest).toEqual(defaults);
    expect(rest.rates.perHour).toEqual({
      internal: 0,
      university: 0,
      enterprise: 0,
      training_body: 0,
      government: 0,
      other: 0,
    });
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, 'timezone: must be an IANA time zone such as Asia/Shanghai'],
    [{ timezone: '+08:00' }, 'timezone: must be an IANA time zone such as Asia/Shanghai'],
    [
      { openingHours: [{ rrule: 'FREQ=DAILY', start: '8:00', end: '18:00' }] },
      'openingHours.0.start: must be a wall-clock time',
    ],
    [
      { openingHours: [{ rrule: 'FREQ=DAILY', start: '08:00', end: '24:30' }] },
      'openingHours.0.end: must be a wall-clock time',
    ],
    [{ rates: { perHour: { enterprise: -100 } } }, 'rates.perHour.enterprise: must not be negative'],
    [
      { rates: { perHour: { university: 12.5 } } },
      'rates.perHour.university: must be an integer amount of minor units',
    ],
    [{ rates: { currency: 'yuan' } }, 'rates.currency: must be an ISO 4217 code'],
    [{ policy: { slotMinutes: 7 } }, 'policy.slotMinutes: must divide the day (1440 minutes) evenly'],
    [{ policy: { approval: 'sometimes' } }, 'policy.approval: Invalid enum value'],
    [{ kind: 'spaceship' }, 'kind: Invalid enum value'],
    [{ capacity: 0 }, 'capacity: Number must be greater than or equal to 1'],
    [{ requiredQualifications: ['a', 'a'] }, 'requiredQualifications: must not repeat an entry'],
    [{ policy: { slotMinute: 30 } }, "policy: Unrecognized key(s) in object: 'slotMinute'"],
  ])('when the body has %j, then the field is named', (change, expected) => {
    const problems = fieldsOf(createResourceBody.safeParse({ ...minimal, ...change }));
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });
});

describe('patchResourceBody', () => {
  it('when a field is left out, then it stays out (a patch never resets to defaults)', () => {
    expect(patchResourceBody.parse({ policy: { maxMinutes: 240 } })).toEqual({ policy: { maxMinutes: 240 } });
  });

  it('when the patch tries to move the resource to another org, then it is refused', () => {
    expect(patchResourceBody.safeParse({ orgId: 'other' }).success).toBe(false);
  });
});

describe('createBlackoutBody', () => {
  it('when the end is not after the start, then end is named', () => {
    const at = '2026-05-01T08:00:00+08:00';
    expect(fieldsOf(createBlackoutBody.safeParse({ start: at, end: at }))).toEqual([
      'end: must be after start',
    ]);
  });
});

describe('isNewerVersion', () => {
  it('when a read model holds nothing or an older version, then the incoming snapshot wins', () => {
    expect(isNewerVersion(undefined, 1)).toBe(true);
    expect(isNewerVersion(3, 4)).toBe(true);
  });

  it('when the incoming version is older or the same (a redelivery), then it is ignored', () => {
    expect(isNewerVersion(4, 4)).toBe(false);
    expect(isNewerVersion(4, 2)).toBe(false);
  });
});
