import { describe, expect, it } from 'vitest';
import { aBooking, aPlacement, aResource, CONSUMER, HOUR, NOW } from '../../../test/support/booking-states';
import { bookedPrice, evaluatePlacement, needsApproval, newBooking } from './placement';

const slot = { start: NOW + 24 * HOUR, end: NOW + 25 * HOUR, quantity: 1 };

describe('evaluatePlacement', () => {
  it('when nothing stands in the way, then there are no violations and no conflict', () => {
    expect(evaluatePlacement(aPlacement(), [], slot)).toEqual({ violations: [], conflict: false });
  });

  it.each([
    ['a retired resource', { resource: aResource({ status: 'retired' }) }, 'inactive'],
    ["another org's unshared resource", { resource: aResource({ shared: false }) }, 'not_shared'],
    [
      'a missing qualification',
      { resource: aResource({ requiredQualifications: ['laser'] }) },
      'unqualified',
    ],
  ])('when the booking meets %s, then it is refused as %s', (_name, change, violation) => {
    expect(evaluatePlacement(aPlacement(change), [], slot).violations).toEqual([violation]);
  });

  it('when the provider books its own unshared resource, then sharing does not matter', () => {
    const resource = aResource({ shared: false });
    const own = aPlacement({
      resource,
      requester: { orgId: resource.orgId, orgKind: 'university', userId: 'u' },
    });
    expect(evaluatePlacement(own, [], slot).violations).toEqual([]);
  });

  it('when the user holds every required qualification, then it is not unqualified', () => {
    const resource = aResource({ requiredQualifications: ['laser', 'sem'] });
    expect(
      evaluatePlacement(aPlacement({ resource, qualifications: ['sem', 'laser', 'x'] }), [], slot).violations,
    ).toEqual([]);
    expect(evaluatePlacement(aPlacement({ resource, qualifications: ['sem'] }), [], slot).violations).toEqual(
      ['unqualified'],
    );
  });

  it('when the weekly quota would be exceeded, then it is quota_exceeded', () => {
    const resource = aResource({ quota: { hoursPerWeek: 1 } });
    const earlier = aBooking({ start: slot.start - 2 * HOUR, end: slot.start - HOUR });
    expect(evaluatePlacement(aPlacement({ resource }), [earlier], slot).violations).toEqual([
      'quota_exceeded',
    ]);
  });

  it('when another booking holds the unit, then it is a conflict; the booking being moved does not count', () => {
    const taken = aBooking({ id: 'other', ...slot });
    expect(evaluatePlacement(aPlacement(), [taken], slot).conflict).toBe(true);
    expect(evaluatePlacement(aPlacement(), [taken], slot, 'other').conflict).toBe(false);
  });

  it('when the other booking no longer holds units, then it is no conflict', () => {
    const cancelled = aBooking({ ...slot, status: 'cancelled' });
    expect(evaluatePlacement(aPlacement(), [cancelled], slot).conflict).toBe(false);
  });

  it('when the engine finds rule breaks, then they are listed with the booking rules', () => {
    const verdict = evaluatePlacement(aPlacement({ resource: aResource({ status: 'retired' }) }), [], {
      ...slot,
      start: NOW - HOUR,
      end: NOW,
    });
    expect(verdict.violations).toEqual(expect.arrayContaining(['in_past', 'inactive']));
  });
});

describe('needsApproval', () => {
  it.each([
    ['none', CONSUMER, false],
    ['none', 'org-provider', false],
    ['external', CONSUMER, true],
    ['external', 'org-provider', false],
    ['all', CONSUMER, true],
    ['all', 'org-provider', true],
  ] as const)(
    'when approval is %s and the booker is of %s, then approval needed is %s',
    (approval, org, needed) => {
      const resource = aResource();
      expect(needsApproval(aResource({ policy: { ...resource.policy, approval } }), org)).toBe(needed);
    },
  );
});

describe('bookedPrice', () => {
  const requester = { orgId: CONSUMER, orgKind: 'enterprise' as const, userId: 'u' };

  it.each([
    ['an hour for one unit', { ...slot }, 80000],
    ['an hour for three units', { ...slot, quantity: 3 }, 240000],
    ['61 minutes, rounded up to the 15-minute increment', { ...slot, end: slot.end + 60_000 }, 100000],
  ])('when an enterprise books %s, then the price is %i fen', (_name, booked, amount) => {
    expect(bookedPrice(aResource(), requester, booked).price).toEqual({ amount, currency: 'CNY' });
  });

  it('when the provider books its own resource, then the internal rate applies', () => {
    const resource = aResource();
    const own = { ...requester, orgId: resource.orgId };
    expect(bookedPrice(resource, own, slot)).toMatchObject({
      price: { amount: 0 },
      priceTerms: { category: 'internal', rateCardVersion: resource.version, basis: resource.policy.billing },
    });
  });
});

describe('newBooking', () => {
  const options = { id: 'new', holdMs: 15 * 60_000 };

  it.each([
    ['a hold', { hold: true }, 'none', 'held'],
    ['no approval', { hold: false }, 'none', 'confirmed'],
    ['approval needed', { hold: false }, 'all', 'pending'],
    ['a hold where approval is needed', { hold: true }, 'all', 'held'],
  ] as const)('when booked with %s, then the status is %s', (_name, mode, approval, status) => {
    const resource = aResource();
    const placement = aPlacement({ resource: aResource({ policy: { ...resource.policy, approval } }) });
    expect(newBooking(placement, slot, { ...options, ...mode }).status).toBe(status);
  });

  it('when held, then it expires holdMs from now; otherwise it has no expiry', () => {
    expect(newBooking(aPlacement(), slot, { ...options, hold: true }).expiresAt).toBe(NOW + 15 * 60_000);
    expect(newBooking(aPlacement(), slot, { ...options, hold: false })).not.toHaveProperty('expiresAt');
  });

  it('when made, then it names provider, consumer, user, external, series and purpose', () => {
    const made = newBooking(aPlacement(), slot, {
      ...options,
      hold: false,
      purpose: 'XRD run',
      seriesId: 's-1',
    });
    expect(made).toMatchObject({
      id: 'new',
      providerOrgId: 'org-provider',
      consumerOrgId: CONSUMER,
      userId: 'user-1',
      external: true,
      purpose: 'XRD run',
      seriesId: 's-1',
      version: 1,
      createdAt: NOW,
    });
  });
});
