import { describe, expect, it } from 'vitest';
import type { Principal } from '@labshare/contracts';
import { aQualification, END, MINUTE, PROVIDER, START } from '../../../test/support/access-states';
import {
  assertMayManage,
  grant,
  missingQualifications,
  revoke,
  visibleQualifications,
} from './qualifications';

const as = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'me', org, roles });
const outcome = (check: () => unknown) => {
  try {
    return check();
  } catch (error) {
    return (error as { status: number }).status;
  }
};
const resource = { orgId: PROVIDER, requiredQualifications: ['laser-safety', 'cleanroom'] };
const iso = (ms: number) => new Date(ms).toISOString();

describe('missingQualifications', () => {
  it.each([
    ['holds neither', [], ['laser-safety', 'cleanroom']],
    ['holds both, never expiring', [aQualification(), aQualification({ name: 'cleanroom' })], []],
    [
      'holds one expiring exactly at the booked end',
      [aQualification({ expiresAt: iso(END) }), aQualification({ name: 'cleanroom' })],
      [],
    ],
    [
      'holds one expiring 1 ms before the end',
      [aQualification({ expiresAt: iso(END - 1) }), aQualification({ name: 'cleanroom' })],
      ['laser-safety'],
    ],
    [
      'holds one revoked',
      [aQualification({ revokedAt: iso(START) }), aQualification({ name: 'cleanroom' })],
      ['laser-safety'],
    ],
    [
      'holds them from another org',
      [aQualification({ orgId: 'x' }), aQualification({ name: 'cleanroom', orgId: 'x' })],
      ['laser-safety', 'cleanroom'],
    ],
    [
      'holds them for another user',
      [aQualification({ userId: 'bob' }), aQualification({ name: 'cleanroom' })],
      ['laser-safety'],
    ],
  ])('when the user %s, then the missing ones are %j', (_name, held, missing) => {
    expect(missingQualifications(resource, 'alice', held, END)).toEqual(missing);
  });

  it('when the resource requires nothing, then nothing is missing', () => {
    expect(missingQualifications({ orgId: PROVIDER, requiredQualifications: [] }, 'alice', [], END)).toEqual(
      [],
    );
  });
});

describe('grant and revoke', () => {
  it('when an org_admin grants, then the qualification is in its org name, version 1, unrevoked', () => {
    expect(
      grant(
        as(PROVIDER, 'org_admin'),
        { id: 'q9', userId: 'alice', name: 'x', expiresAt: new Date(END) },
        START,
      ),
    ).toEqual({
      id: 'q9',
      orgId: PROVIDER,
      userId: 'alice',
      name: 'x',
      expiresAt: iso(END),
      revokedAt: null,
      version: 1,
    });
  });

  it.each([
    ['now', START],
    ['a minute ago', START - MINUTE],
  ])('when the expiry is %s, then it is a 400 naming body.expiresAt', (_name, at) => {
    expect(
      outcome(() =>
        grant(as(PROVIDER, 'org_admin'), { id: 'q', userId: 'a', name: 'x', expiresAt: new Date(at) }, START),
      ),
    ).toBe(400);
  });

  it('when revoked, then the version grows and a second revoke changes nothing', () => {
    const revoked = revoke(aQualification(), START)!;
    expect(revoked).toMatchObject({ revokedAt: iso(START), version: 2 });
    expect(revoke(revoked, START + MINUTE)).toBeUndefined();
  });
});

describe('who manages and lists qualifications', () => {
  it.each([
    ['the granting org_admin', as(PROVIDER, 'org_admin'), undefined],
    ['the admin', as('zone', 'admin'), undefined],
    ['another org_admin', as('other', 'org_admin'), 404],
    ['a booker of the granting org', as(PROVIDER, 'booker'), 404],
  ])('when %s revokes, then the outcome is %s', (_name, caller, status) => {
    expect(outcome(() => assertMayManage(caller, aQualification()))).toBe(status);
  });

  it.each([
    ['the admin, for a user', as('zone', 'admin'), 'bob', { userId: 'bob' }],
    ['an org_admin, for all', as(PROVIDER, 'org_admin'), undefined, { orgId: PROVIDER, userId: undefined }],
    ['a booker, for themself', as(PROVIDER, 'booker'), undefined, { userId: 'me' }],
    ['a booker, naming themself', as(PROVIDER, 'booker'), 'me', { userId: 'me' }],
    ['a booker, for someone else', as(PROVIDER, 'booker'), 'bob', 403],
  ])('when %s lists, then the filter is %j', (_name, caller, userId, filter) => {
    expect(outcome(() => visibleQualifications(caller, userId))).toEqual(filter);
  });
});
