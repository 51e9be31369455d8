import { describe, expect, it } from 'vitest';
import { aCharge, aGrant, DAY, END } from './test-fixtures';
import type { LedgerLine } from './ledger-lines';
import {
  creditableChargeOf,
  creditAllocations,
  creditLineOf,
  grantView,
  grantStatus,
  isDueForExpiry,
  redemptionLines,
  type CreditRedemption,
} from './credits';

describe('creditAllocations', () => {
  it.each([
    ['one grant with enough balance', [aGrant()], [['g1', 10_000]]],
    ['one grant with less balance than the charge', [aGrant({ balance: 2_500 })], [['g1', 2_500]]],
    ['a grant covering 60 %', [aGrant({ coversPercent: 60 })], [['g1', 6_000]]],
    ['a grant covering 0 %', [aGrant({ coversPercent: 0 })], []],
    ['a grant with nothing left', [aGrant({ balance: 0 })], []],
    ['a grant expiring exactly at the session end', [aGrant({ expiresAt: END })], [['g1', 10_000]]],
    ['a grant expiring 1 ms before the session end', [aGrant({ expiresAt: END - 1 })], []],
    ['a grant of another org', [aGrant({ orgId: 'other' })], []],
    ['a grant made after the charge was recorded', [aGrant({ createdAt: END + 1_001 })], []],
    [
      'a grant made the instant the charge was recorded',
      [aGrant({ createdAt: END + 1_000 })],
      [['g1', 10_000]],
    ],
    ['a grant for labs only, on equipment', [aGrant({ resourceKinds: ['lab'] })], []],
    ['a grant for equipment and labs', [aGrant({ resourceKinds: ['lab', 'equipment'] })], [['g1', 10_000]]],
    ['a grant with an empty kind list (every kind)', [aGrant({ resourceKinds: [] })], [['g1', 10_000]]],
    [
      'two grants, the later one listed first',
      [aGrant({ id: 'late', expiresAt: END + 9 * DAY }), aGrant({ id: 'soon', balance: 4_000 })],
      [
        ['soon', 4_000],
        ['late', 6_000],
      ],
    ],
    [
      'two grants expiring at the same instant (ties by id)',
      [aGrant({ id: 'b', balance: 3_000 }), aGrant({ id: 'a', balance: 3_000 })],
      [
        ['a', 3_000],
        ['b', 3_000],
      ],
    ],
    [
      'a 50 % grant expiring first, then a 100 % one',
      [aGrant({ id: 'half', coversPercent: 50 }), aGrant({ id: 'full', expiresAt: END + 2 * DAY })],
      [
        ['half', 5_000],
        ['full', 5_000],
      ],
    ],
    [
      'a 100 % grant expiring first with 2,000 left, then a 50 % one',
      [
        aGrant({ id: 'full', balance: 2_000 }),
        aGrant({ id: 'half', coversPercent: 50, expiresAt: END + DAY * 2 }),
      ],
      [
        ['full', 2_000],
        ['half', 3_000],
      ],
    ],
    [
      'an expired grant and a valid one',
      [aGrant({ id: 'old', expiresAt: END - DAY }), aGrant({ id: 'new' })],
      [['new', 10_000]],
    ],
  ])('when the org has %s, then the allocations are %j', (_name, grants, expected) => {
    const allocations = creditAllocations(aCharge(), grants);
    expect(allocations.map((a) => [a.grantId, a.amount])).toEqual(expected);
  });

  it.each([
    ['the charge is internal (consumer = provider)', aCharge({ providerOrgId: 'firm' })],
    ['the charge is zero', aCharge({ amount: 0 })],
    ['the charge is negative (a correction)', aCharge({ amount: -500 })],
  ])('when %s, then no credit is applied', (_name, charge) => {
    expect(creditAllocations(charge, [aGrant()])).toEqual([]);
  });

  it.each([
    // 33 % of 1,001 = 330.33 → 330; 50 % of 1,001 = 500.5 → 501 (half up); 99 % of 1 = 0.99 → 1.
    [1_001, 33, 330],
    [1_001, 50, 501],
    [1, 99, 1],
    [1, 49, 0],
    [1, 50, 1],
  ])(
    'when a %i fen charge is covered %i %%, then the credit is %i fen (half up)',
    (amount, percent, credit) => {
      const total = creditAllocations(aCharge({ amount }), [aGrant({ coversPercent: percent })]).reduce(
        (sum, a) => sum + a.amount,
        0,
      );
      expect(total).toBe(credit);
    },
  );

  it('when allocations are made, then they carry the funding source and never exceed balance or charge', () => {
    const grants = [aGrant({ balance: 7 }), aGrant({ id: 'g2', fundingSource: 'district', balance: 5 })];
    const allocations = creditAllocations(aCharge({ amount: 10 }), grants);
    expect(allocations).toEqual([
      { grantId: 'g1', fundingSource: 'lingang-voucher', amount: 7 },
      { grantId: 'g2', fundingSource: 'district', amount: 3 },
    ]);
  });
});

describe('creditAllocations after a partial attempt', () => {
  it.each([
    [
      'the first grant was drawn, the second not yet',
      [{ grantId: 'soon', amount: 4_000 }],
      [['late', 6_000]],
    ],
    [
      'both were drawn',
      [
        { grantId: 'soon', amount: 4_000 },
        { grantId: 'late', amount: 6_000 },
      ],
      [],
    ],
    [
      'nothing was drawn',
      [],
      [
        ['soon', 4_000],
        ['late', 6_000],
      ],
    ],
  ])('when %s, then only the rest is allocated: %j', (_name, applied, expected) => {
    const grants = [aGrant({ id: 'soon', balance: 0 }), aGrant({ id: 'late', expiresAt: END + 9 * DAY })];
    const fresh = [aGrant({ id: 'soon', balance: 4_000 }), grants[1]!];
    const allocations = creditAllocations(aCharge(), applied.length ? grants : fresh, applied);
    expect(allocations.map((a) => [a.grantId, a.amount])).toEqual(expected);
  });
});

describe('grant status and expiry', () => {
  it.each([
    ['with balance, not expired', { balance: 5, expiredAt: undefined }, 'active'],
    ['used up', { balance: 0, expiredAt: undefined }, 'exhausted'],
    ['closed by the scan', { balance: 5, expiredAt: END }, 'expired'],
  ])('when a grant is %s, then it is %s', (_name, grant, status) => {
    expect(grantStatus(grant)).toBe(status);
  });

  it.each([
    ['before its expiry', END - 1, false],
    ['exactly at its expiry (it still covers a session ending then)', END, false],
    ['1 ms after its expiry', END + 1, true],
  ])('when the scan runs %s, then it is due: %s', (_name, now, due) => {
    expect(isDueForExpiry({ expiresAt: END }, now)).toBe(due);
  });

  it('when the scan already closed a grant, then it is not due again', () => {
    expect(isDueForExpiry({ expiresAt: END, expiredAt: END + 1 }, END + 2)).toBe(false);
  });
});

describe('redemptionLines', () => {
  const line = (over: Partial<CreditRedemption>): CreditRedemption => ({
    fundingSource: 'lingang-voucher',
    providerOrgId: 'uni',
    consumerOrgId: 'firm',
    amount: 100,
    ...over,
  });

  it('when there are no credit lines, then the report is empty', () => {
    expect(redemptionLines([])).toEqual([]);
  });

  it('when lines of two funding bodies and two providers arrive in any order, then they are summed per pair, sorted', () => {
    const lines = [
      line({ providerOrgId: 'zeta', amount: 5 }),
      line({ fundingSource: 'district', amount: 7 }),
      line({ amount: 100 }),
      line({ consumerOrgId: 'firm2', amount: 50 }),
      line({ fundingSource: 'district', amount: 3, consumerOrgId: 'firm2' }),
    ];
    const expected = [
      { fundingSource: 'district', providerOrgId: 'uni', amount: 10, redemptions: 2, consumerOrgs: 2 },
      {
        fundingSource: 'lingang-voucher',
        providerOrgId: 'uni',
        amount: 150,
        redemptions: 2,
        consumerOrgs: 2,
      },
      { fundingSource: 'lingang-voucher', providerOrgId: 'zeta', amount: 5, redemptions: 1, consumerOrgs: 1 },
    ];
    expect(redemptionLines(lines)).toEqual(expected);
    expect(redemptionLines([...lines].reverse())).toEqual(expected);
  });
});

describe('credit lines', () => {
  const line = (over: Partial<LedgerLine> = {}): LedgerLine => ({
    id: 'usage:u1',
    kind: 'usage',
    consumerOrgId: 'firm',
    providerOrgId: 'uni',
    amount: 10_000,
    currency: 'CNY',
    bookingId: 'b1',
    resourceId: 'r1',
    period: '2026-12',
    servicePeriod: '2026-12',
    createdAt: END + 1_000,
    sourceEventId: 'u1',
    rateCardVersion: 3,
    category: 'enterprise',
    minutes: 60,
    ...over,
  });

  it.each([
    ['a usage charge', line(), true],
    ['a late usage as an adjustment', line({ kind: 'adjustment', origin: 'usage' }), true],
    ['a late-cancel fee', line({ kind: 'late_cancel_fee' }), true],
    ['a no-show fee', line({ kind: 'no_show_fee' }), true],
    ['a credit line', line({ kind: 'credit_applied', amount: -100 }), false],
    ['a subsidy line', line({ kind: 'subsidy' }), false],
    ['a free charge', line({ amount: 0 }), false],
  ])('when the line is %s, then credits may cover it: %s', (_name, charge, coverable) => {
    expect(creditableChargeOf(charge, 'equipment', END) !== undefined).toBe(coverable);
  });

  it('when a charge is coverable, then it carries the session end and the time it was recorded', () => {
    expect(creditableChargeOf(line(), 'lab', END)).toEqual({
      ledgerId: 'usage:u1',
      consumerOrgId: 'firm',
      providerOrgId: 'uni',
      amount: 10_000,
      resourceKind: 'lab',
      sessionEnd: END,
      recordedAt: END + 1_000,
    });
  });

  it('when a draw is written, then its line is negative, in the charge period, keyed by charge and grant', () => {
    expect(creditLineOf(line({ period: '2027-01' }), 'g1', 2_500)).toEqual({
      id: 'credit:usage:u1:g1',
      kind: 'credit_applied',
      consumerOrgId: 'firm',
      providerOrgId: 'uni',
      amount: -2_500,
      currency: 'CNY',
      bookingId: 'b1',
      resourceId: 'r1',
      period: '2027-01',
      servicePeriod: '2026-12',
      createdAt: END + 1_000,
      sourceEventId: 'u1',
    });
  });

  it('when a grant is shown, then applied = amount − balance and times are ISO', () => {
    const view = grantView({ ...aGrant({ balance: 40_000, resourceKinds: ['lab'] }), currency: 'CNY' });
    expect(view).toMatchObject({
      applied: 60_000,
      balance: 40_000,
      status: 'active',
      resourceKinds: ['lab'],
    });
    expect(view.expiresAt).toBe(new Date(END + DAY).toISOString());
    expect(view).not.toHaveProperty('expiredAt');
  });
});
