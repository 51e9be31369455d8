import { describe, expect, it } from 'vitest';
import type { Principal } from '@labshare/contracts';
import { aBooking, CONSUMER, PROVIDER } from '../../../test/support/booking-states';
import {
  assertConsumer,
  assertMayCancel,
  assertProviderAdmin,
  canSee,
  canSeeResource,
} from './booking-access';

const as = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'u', org, roles });
const booking = aBooking();
const outcome = (check: () => void) => {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe('who sees and acts on a booking', () => {
  it.each([
    ['the admin', as('zone', 'admin'), true, 'allowed', 'allowed', 'allowed'],
    ["the booker's org", as(CONSUMER, 'booker'), true, 'allowed', 403, 'allowed'],
    ["the provider's org_admin", as(PROVIDER.id, 'org_admin'), true, 403, 'allowed', 'allowed'],
    ["the provider's booker", as(PROVIDER.id, 'booker'), false, 404, 404, 404],
    ['another org', as('other', 'org_admin'), false, 404, 404, 404],
  ] as const)(
    'when %s asks, then sees=%s, consumer=%s, provider admin=%s, cancel=%s',
    (_who, caller, sees, consumer, provider, cancels) => {
      expect(canSee(caller, booking)).toBe(sees);
      expect(outcome(() => assertConsumer(caller, booking))).toBe(consumer);
      expect(outcome(() => assertProviderAdmin(caller, booking))).toBe(provider);
      expect(outcome(() => assertMayCancel(caller, booking))).toBe(cancels);
    },
  );
});

describe('canSeeResource', () => {
  it.each([
    ['a shared resource, another org', { shared: true, orgId: 'p' }, as('x', 'booker'), true],
    ['an unshared resource, another org', { shared: false, orgId: 'p' }, as('x', 'booker'), false],
    ['an unshared resource, its own org', { shared: false, orgId: 'p' }, as('p', 'booker'), true],
    ['an unshared resource, the admin', { shared: false, orgId: 'p' }, as('zone', 'admin'), true],
  ])('when %s, then visible is %s', (_name, resource, caller, visible) => {
    expect(canSeeResource(caller, resource)).toBe(visible);
  });
});
