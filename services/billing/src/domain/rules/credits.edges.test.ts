import { describe, expect, it } from 'vitest';
import { aCharge, aGrant, DAY, END } from './test-fixtures';
import { byExpiry, creditAllocations, grantView, redemptionLines, type CreditRedemption } from './credits';

describe('byExpiry', () => {
  it.each([
    ['a expires first', aGrant({ id: 'b', expiresAt: END }), aGrant({ id: 'a', expiresAt: END + 1 }), -1],
    ['b expires first', aGrant({ id: 'a', expiresAt: END + 1 }), aGrant({ id: 'b', expiresAt: END }), 1],
    ['both expire together, a has the lower id', aGrant({ id: 'a' }), aGrant({ id: 'b' }), -1],
    ['both expire together, a has the higher id', aGrant({ id: 'b' }), aGrant({ id: 'a' }), 1],
    ['it is the same grant', aGrant({ id: 'a' }), aGrant({ id: 'a' }), 0],
  ])('when %s, then the sign of the order is %i', (_name, a, b, sign) => {
    expect(Math.sign(byExpiry(a, b))).toBe(sign);
  });
});

describe('creditAllocations (edges)', () => {
  it.each([
    ['the consumer is the provider (internal use)', aCharge({ providerOrgId: 'firm' }), [], []],
    ['the charge is zero', aCharge({ amount: 0 }), [], []],
    ['an earlier attempt drew 3,000 from g1', aCharge(), [{ grantId: 'g1', amount: 3_000 }], [['g2', 7_000]]],
    ['an earlier attempt drew the whole charge from g1', aCharge(), [{ grantId: 'g1', amount: 10_000 }], []],
  ])('when %s, then the grants are drawn accordingly', (_name, charge, applied, expected) => {
    const grants = [aGrant(), aGrant({ id: 'g2', expiresAt: END + 2 * DAY })];
    const allocations = creditAllocations(charge, grants, applied);
    expect(allocations.map((a) => [a.grantId, a.amount])).toEqual(expected);
  });

  it.each([
    ['in id order', ['ga', 'gb']],
    ['in reverse id order', ['gb', 'ga']],
  ])('when two grants expire together and are stored %s, then the lower id is drawn first', (_name, ids) => {
    const grants = ids.map((id) => aGrant({ id, balance: 6_000 }));
    expect(creditAllocations(aCharge(), grants).map((a) => [a.grantId, a.amount])).toEqual([
      ['ga', 6_000],
      ['gb', 4_000],
    ]);
  });
});

describe('redemptionLines (order)', () => {
  const redemption = (fundingSource: string, providerOrgId: string): CreditRedemption => ({
    fundingSource,
    providerOrgId,
    consumerOrgId: 'firm',
    amount: 100,
  });

  it.each([
    ['sorted', [redemption('fund-a', 'zeta'), redemption('fund-b', 'alpha')]],
    ['reversed', [redemption('fund-b', 'alpha'), redemption('fund-a', 'zeta')]],
  ])('when the lines come %s, then funding source orders before provider', (_name, lines) => {
    expect(redemptionLines(lines).map((l) => [l.fundingSource, l.providerOrgId])).toEqual([
      ['fund-a', 'zeta'],
      ['fund-b', 'alpha'],
    ]);
  });

  it.each([
    ['sorted', [redemption('fund', 'alpha'), redemption('fund', 'zeta')]],
    ['reversed', [redemption('fund', 'zeta'), redemption('fund', 'alpha')]],
  ])(
    'when one funding source pays two providers, sent %s, then they are in provider order',
    (_name, lines) => {
      expect(redemptionLines(lines).map((l) => l.providerOrgId)).toEqual(['alpha', 'zeta']);
    },
  );
});

describe('grantView (optional fields)', () => {
  const base = { ...aGrant({ balance: 40_000 }), currency: 'CNY' };

  it.each([
    ['an open grant for every kind', base, { status: 'active', resourceKinds: [] }, false],
    [
      'a grant for labs only',
      { ...base, resourceKinds: ['lab'] as const },
      { status: 'active', resourceKinds: ['lab'] },
      false,
    ],
    [
      'a grant the expiry scan closed',
      { ...base, expiredAt: END + 2 * DAY },
      { status: 'expired', resourceKinds: [], expiredAt: new Date(END + 2 * DAY).toISOString() },
      true,
    ],
  ])(
    'when the API shows %s, then it has its kinds, status and expiry as stored',
    (_name, grant, shown, closed) => {
      const view = grantView(grant);
      expect(view).toMatchObject({ ...shown, balance: 40_000, applied: 60_000 });
      expect('expiredAt' in view).toBe(closed);
    },
  );
});
