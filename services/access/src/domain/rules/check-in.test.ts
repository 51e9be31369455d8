import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aPassRecord,
  aQualification,
  END,
  MINUTE,
  START,
} from '../../../test/support/access-states';
import { checkInRefusal, type CheckInFacts } from './check-in';
import { passClaimsFor, passWindow } from './pass-window';

const claims = passClaimsFor({
  jti: 'p1',
  booking: aBooking(),
  window: passWindow(aBooking(), 10),
  issuer: 'i',
});
const facts = (over: Partial<CheckInFacts> = {}): CheckInFacts => ({
  pass: { ok: true, claims },
  record: aPassRecord(),
  resource: { id: 'r1', orgId: 'org-provider', requiredQualifications: [] },
  booking: aBooking(),
  held: [],
  now: START,
  ...over,
});
const laser = { id: 'r1', orgId: 'org-provider', requiredQualifications: ['laser-safety'] };

describe('checkInRefusal', () => {
  it.each<[string, Partial<CheckInFacts>, string | undefined]>([
    ['everything holds, at the booked start', {}, undefined],
    ['the check-in comes at validFrom exactly', { now: START - 10 * MINUTE }, undefined],
    ['the check-in comes at the end exactly', { now: END }, 'pass_expired'],
    ['the check-in comes a minute before validFrom', { now: START - 11 * MINUTE }, 'pass_not_yet_valid'],
    ['the signature failed', { pass: { ok: false } }, 'pass_invalid'],
    ['the pass was never issued here', { record: undefined }, 'pass_invalid'],
    ['the signed jti is not the record found', { record: aPassRecord({ jti: 'p2' }) }, 'pass_invalid'],
    [
      'the device stands at another resource',
      { resource: { ...laser, id: 'r2', requiredQualifications: [] } },
      'wrong_resource',
    ],
    ['the pass was revoked', { record: aPassRecord({ revokedAt: START - MINUTE }) }, 'pass_revoked'],
    [
      'the booking was cancelled (revocation not written yet)',
      { booking: aBooking({ status: 'cancelled' }) },
      'pass_revoked',
    ],
    ['the booking was recorded as a no-show', { booking: aBooking({ status: 'no_show' }) }, 'pass_revoked'],
    [
      'the booking was moved',
      { booking: aBooking({ end: new Date(END + 30 * MINUTE).toISOString() }) },
      'pass_revoked',
    ],
    ['the booking is unknown to access', { booking: undefined }, 'pass_revoked'],
    ['the resource requires a qualification the user lacks', { resource: laser }, 'unqualified'],
    ['the user holds it', { resource: laser, held: [aQualification()] }, undefined],
    [
      'the user holds it until the booked end exactly',
      { resource: laser, held: [aQualification({ expiresAt: new Date(END).toISOString() })] },
      undefined,
    ],
    [
      'it expires a minute before the booked end',
      { resource: laser, held: [aQualification({ expiresAt: new Date(END - MINUTE).toISOString() })] },
      'unqualified',
    ],
    [
      'another org granted it',
      { resource: laser, held: [aQualification({ orgId: 'org-other' })] },
      'unqualified',
    ],
    [
      'an unqualified user with an expired pass (the pass named first)',
      { resource: laser, now: END },
      'pass_expired',
    ],
  ])('when %s, then the refusal is %s', (_name, over, refusal) => {
    expect(checkInRefusal(facts(over))).toBe(refusal);
  });
});
