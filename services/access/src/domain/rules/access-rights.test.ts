import { describe, expect, it } from 'vitest';
import type { Principal } from '@labshare/contracts';
import { aBooking, CONSUMER, END, MINUTE, PROVIDER, START } from '../../../test/support/access-states';
import { assertDeviceOf, assertMayHavePass, assertPassable, canActOnSession } from './access-rights';

const as = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'me', org, roles });
const outcome = (check: () => void) => {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return (error as { status: number; code: string }).code;
  }
};

describe('devices', () => {
  it.each([
    ["a device of the resource's org", as(PROVIDER, 'device'), 'allowed', true],
    ['a device of another org', as(CONSUMER, 'device'), 'forbidden', false],
    ['the admin', as('zone', 'admin'), 'allowed', true],
  ])('when %s checks in or out, then it is %s', (_name, caller, checkIn, session) => {
    expect(outcome(() => assertDeviceOf(caller, PROVIDER))).toBe(checkIn);
    expect(canActOnSession(caller, { providerOrgId: PROVIDER })).toBe(session);
  });
});

describe('passes', () => {
  it.each([
    ["the booker's org", as(CONSUMER, 'booker'), 'allowed'],
    ['the provider org', as(PROVIDER, 'org_admin'), 'not_found'],
    ['the admin', as('zone', 'admin'), 'allowed'],
  ])('when %s asks for a pass, then it is %s', (_name, caller, result) => {
    expect(outcome(() => assertMayHavePass(caller, aBooking()))).toBe(result);
  });

  it.each([
    ['confirmed, not started', aBooking(), START - MINUTE, 'allowed'],
    ['confirmed, under way', aBooking(), START + MINUTE, 'allowed'],
    ['confirmed, at its end exactly', aBooking(), END, 'invalid_state'],
    ['pending', aBooking({ status: 'pending' }), START, 'invalid_state'],
    ['held', aBooking({ status: 'held' }), START, 'invalid_state'],
    ['cancelled', aBooking({ status: 'cancelled' }), START, 'invalid_state'],
  ])('when the booking is %s, then a pass is %s', (_name, booking, now, result) => {
    expect(outcome(() => assertPassable(booking, now))).toBe(result);
  });
});
