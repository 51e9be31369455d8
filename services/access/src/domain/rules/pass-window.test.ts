import { describe, expect, it } from 'vitest';
import type { PassClaims } from '@labshare/contracts';
import { aBooking, END, MINUTE, START } from '../../../test/support/access-states';
import { compactId, passClaimsFor, passRefusal, passWindow, type PassCheck } from './pass-window';

const window = passWindow(aBooking(), 10);
const claims = passClaimsFor({
  jti: 'p1',
  booking: aBooking(),
  window,
  issuer: 'i',
});
const valid: PassCheck = { ok: true, claims };

describe('passWindow and its claims', () => {
  it.each([
    ['no early entry', 0, START],
    ['10 minutes early', 10, START - 10 * MINUTE],
    ['a whole day early', 1440, START - 1440 * MINUTE],
  ])('when the policy allows %s, then the pass opens then and closes at the end', (_name, early, from) => {
    expect(passWindow(aBooking(), early)).toEqual({ validFrom: from, validUntil: END });
  });

  it('when claims are made, then they name the pass, user, booking, resource and window in epoch seconds', () => {
    expect(claims).toEqual({
      jti: 'p1',
      sub: 'alice',
      bid: 'b1',
      rid: 'r1',
      nbf: (START - 10 * MINUTE) / 1000,
      exp: END / 1000,
      iss: 'i',
    });
  });

  it.each([
    ['a UUID', '0f8fad5b-d9cb-469f-a165-70867728950e', 'D4-tW9nLRp-hZXCGdyiVDg'],
    ['the nil UUID', '00000000-0000-0000-0000-000000000000', 'AAAAAAAAAAAAAAAAAAAAAA'],
  ])('when %s becomes a jti, then it is the same 128 bits in 22 characters', (_name, uuid, jti) => {
    expect(compactId(uuid)).toBe(jti);
  });
});

describe('passRefusal (the offline decision)', () => {
  const at = (now: number, over: Partial<{ resourceId: string; revoked: boolean }> = {}) => ({
    resourceId: 'r1',
    revoked: false,
    now,
    ...over,
  });
  it.each([
    ['at validFrom exactly', valid, at(START - 10 * MINUTE), undefined],
    ['1 ms before validFrom', valid, at(START - 10 * MINUTE - 1), 'pass_not_yet_valid'],
    ['in the middle of the booking', valid, at(START + 30 * MINUTE), undefined],
    ['1 ms before the end', valid, at(END - 1), undefined],
    ['at the end exactly', valid, at(END), 'pass_expired'],
    ['long after the end', valid, at(END + 86_400_000), 'pass_expired'],
    ['a badly signed pass', { ok: false } as PassCheck, at(START), 'pass_invalid'],
    ['a pass for another resource', valid, at(START, { resourceId: 'r2' }), 'wrong_resource'],
    ['a revoked pass inside its window', valid, at(START, { revoked: true }), 'pass_revoked'],
    [
      'a revoked pass after its end (revocation named first)',
      valid,
      at(END, { revoked: true }),
      'pass_revoked',
    ],
    [
      'a pass for another resource, expired (resource named first)',
      valid,
      at(END, { resourceId: 'r2' }),
      'wrong_resource',
    ],
    [
      'a bad signature, for another resource (invalid named first)',
      { ok: false } as PassCheck,
      at(START, { resourceId: 'r2' }),
      'pass_invalid',
    ],
  ] as [string, PassCheck, ReturnType<typeof at>, string | undefined][])(
    'when checked %s, then the refusal is %s',
    (_name, pass, when, refusal) => {
      expect(passRefusal(pass, when)).toBe(refusal);
    },
  );

  it('when the claims carry times that are not whole seconds apart, then the window still holds to the second', () => {
    const odd: PassClaims = { ...claims, nbf: 100, exp: 101 };
    expect(passRefusal({ ok: true, claims: odd }, at(100_999))).toBeUndefined();
    expect(passRefusal({ ok: true, claims: odd }, at(101_000))).toBe('pass_expired');
  });
});
