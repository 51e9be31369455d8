import type { Principal } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aPlacement,
  aResource,
  CONSUMER,
  HOUR,
  NOW,
  PROVIDER,
} from '../../../test/support/booking-states';
import { assertConsumer, assertMayCancel, assertProviderAdmin } from './booking-access';
import type { BookingState } from './booking-state';
import { approve, cancel, confirm, expire, recordNoShow, reject } from './booking-transitions';
import { evaluatePlacement, newBooking } from './placement';
import { withinQuota } from './quota';
import { blackoutIntervals } from './resource-view';

const as = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'u', org, roles });
const resource = aResource();

describe('transitions refused from the wrong state', () => {
  it.each([
    ['confirmed', 'cancelled', (b: BookingState) => confirm(b, resource, NOW)],
    ['approved', 'confirmed', (b: BookingState) => approve(b, NOW)],
    ['rejected', 'held', (b: BookingState) => reject(b, 'no', NOW)],
    ['cancelled', 'expired', (b: BookingState) => cancel(b, resource, undefined, NOW)],
    ['expired', 'pending', (b: BookingState) => expire(b, NOW)],
    ['marked as a no-show', 'pending', (b: BookingState) => recordNoShow(b, resource, NOW)],
  ] as const)(
    'when a booking cannot be %s from %s, then the 409 says which state it is in',
    (action, status, act) => {
      expect(() => act(aBooking({ status }))).toThrow(
        expect.objectContaining({
          code: 'invalid_state',
          status: 409,
          message: `A ${status} booking cannot be ${action}.`,
          extensions: { status },
        }),
      );
    },
  );
});

describe('confirming a hold at the edge of its expiry', () => {
  it.each([
    ['the hold has no expiry', undefined, 'confirmed'],
    ['the hold expires a millisecond from now', NOW + 1, 'confirmed'],
  ])('when %s, then it is confirmed', (_case, expiresAt, status) => {
    expect(confirm(aBooking({ status: 'held', expiresAt }), resource, NOW).status).toBe(status);
  });

  it('when the hold expires exactly now, then it is 409 hold_expired', () => {
    expect(() => confirm(aBooking({ status: 'held', expiresAt: NOW }), resource, NOW)).toThrow(
      expect.objectContaining({ code: 'hold_expired', message: 'The hold has expired.' }),
    );
  });
});

describe('who may act, and what they are told', () => {
  it("when the booker's own org_admin asks to approve, then it is forbidden: approval is the provider's", () => {
    expect(() => assertProviderAdmin(as(CONSUMER, 'org_admin'), aBooking())).toThrow(
      expect.objectContaining({
        status: 403,
        message: "Only an org_admin of the resource's organisation may do this.",
      }),
    );
  });

  it("when the provider's org_admin acts as the booker, then it is forbidden with the reason", () => {
    expect(() => assertConsumer(as(PROVIDER.id, 'org_admin'), aBooking())).toThrow(
      expect.objectContaining({ status: 403, message: "Only the booker's organisation may do this." }),
    );
  });

  it.each([
    ['assertConsumer', assertConsumer],
    ['assertProviderAdmin', assertProviderAdmin],
    ['assertMayCancel', assertMayCancel],
  ])('when another org asks (%s), then the booking is not found by its id', (_name, check) => {
    expect(() => check(as('other', 'org_admin'), aBooking())).toThrow(
      expect.objectContaining({ status: 404, message: 'Booking b-1 was not found.' }),
    );
  });
});

describe('placement of another org on the resource', () => {
  const slot = { start: NOW + 24 * HOUR, end: NOW + 25 * HOUR, quantity: 1 };

  it.each([
    ['an unshared resource, another org', false, CONSUMER, ['not_shared']],
    ['an unshared resource, its own org', false, PROVIDER.id, []],
    ['a shared resource, another org', true, CONSUMER, []],
  ] as const)('when %s books, then the violations are %j', (_case, shared, orgId, violations) => {
    const placement = aPlacement({
      resource: aResource({ shared }),
      requester: { orgId, orgKind: 'enterprise', userId: 'user-1' },
    });
    expect(evaluatePlacement(placement, [], slot).violations).toEqual(violations);
  });

  it.each([
    ['another org', CONSUMER, true],
    ['the providing org itself', PROVIDER.id, false],
  ])('when %s books, then external is %s', (_case, orgId, external) => {
    const placement = aPlacement({ requester: { orgId, orgKind: 'enterprise', userId: 'user-1' } });
    expect(newBooking(placement, slot, { id: 'b-9', hold: false, holdMs: 0 }).external).toBe(external);
  });
});

describe('quota periods end where the next begins', () => {
  // Asia/Shanghai is UTC+8. Monday 2026-06-01 00:00 local = 2026-05-31T16:00Z.
  const monday = Date.parse('2026-05-31T16:00:00Z');
  const nextMonday = monday + 7 * 24 * HOUR;
  const weekly = aResource({ quota: { hoursPerWeek: 2 } });
  const candidate = { consumerOrgId: CONSUMER, start: monday + 10 * HOUR, end: monday + 11 * HOUR };

  it.each([
    ['starts exactly when the next week begins', nextMonday, true],
    ['starts in the last millisecond of the week', nextMonday - 1, false],
    ['starts exactly when the week begins', monday, false],
  ])('when a two-hour booking of the same org %s, then within quota is %s', (_case, start, within) => {
    const other = aBooking({ start, end: start + 2 * HOUR });
    expect(withinQuota(weekly, [other], candidate)).toBe(within);
  });
});

describe('blackoutIntervals', () => {
  it("when a resource has blackouts, then they are the engine's intervals in epoch ms", () => {
    const blackouts = [
      {
        id: 'x',
        resourceId: 'res-1',
        start: '2026-06-02T00:00:00.000Z',
        end: '2026-06-03T00:00:00.000Z',
        reason: '',
        createdAt: '2026-06-01T00:00:00.000Z',
      },
    ];
    expect(blackoutIntervals(aResource({ blackouts }))).toEqual([
      { start: Date.parse('2026-06-02T00:00:00.000Z'), end: Date.parse('2026-06-03T00:00:00.000Z') },
    ]);
  });
});
