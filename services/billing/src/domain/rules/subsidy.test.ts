import { describe, expect, it } from 'vitest';
import {
  accrualAmount,
  accrualPeriod,
  accrue,
  applyCap,
  hundredths,
  nextPeriod,
  policyInForce,
  standingAccruals,
  settledView,
  subsidyLineOf,
  subsidyView,
  type SubsidisedUsage,
  type SubsidyAccrual,
  type SubsidyPolicy,
} from './subsidy';

const T0 = Date.UTC(2026, 11, 1, 2, 0);
const MINUTE = 60_000;

const policy: SubsidyPolicy = {
  version: 3,
  currency: 'CNY',
  perHour: { lab: 6_000, equipment: 12_000, classroom: 3_000 },
  consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1.25, government: 0.5, other: 0.33 },
  capPerProvider: 50_000,
};
const aUsage = (over: Partial<SubsidisedUsage> = {}): SubsidisedUsage => ({
  usageId: 'u1',
  providerOrgId: 'uni',
  consumerOrgId: 'firm',
  consumerKind: 'enterprise',
  resourceKind: 'equipment',
  minutes: 60,
  end: T0,
  ...over,
});
const anAccrual = (
  usageId: string,
  amount: number,
  endMinute: number,
  consumerOrgId = 'firm',
): SubsidyAccrual => ({
  usageId,
  providerOrgId: 'uni',
  consumerOrgId,
  period: '2026-12',
  minutes: 10,
  end: T0 + endMinute * MINUTE,
  amount,
  policyVersion: 3,
});

describe('accrualAmount', () => {
  it.each([
    ['an hour of equipment by an enterprise', aUsage(), 18_000],
    ['an hour of a lab by a university', aUsage({ resourceKind: 'lab', consumerKind: 'university' }), 6_000],
    [
      '90 minutes of a classroom by a training body',
      aUsage({ resourceKind: 'classroom', consumerKind: 'training_body', minutes: 90 }),
      5_625,
    ],
    ['zero minutes', aUsage({ minutes: 0 }), 0],
    // 1 min × 3,000/h × 0.33 = 16.5 fen → 17 (half up).
    [
      'a minute of a classroom by an "other" org (16.5 fen)',
      aUsage({ resourceKind: 'classroom', consumerKind: 'other', minutes: 1 }),
      17,
    ],
    // 1 min × 6,000/h × 0.5 = 50 fen exactly.
    [
      'a minute of a lab by a government body',
      aUsage({ resourceKind: 'lab', consumerKind: 'government', minutes: 1 }),
      50,
    ],
    // 1 min × 3,000/h × 0.5 = 25 fen; 7 min × 3,000/h × 0.33 = 115.5 → 116.
    [
      '7 minutes of a classroom by an "other" org (115.5 fen)',
      aUsage({ resourceKind: 'classroom', consumerKind: 'other', minutes: 7 }),
      116,
    ],
  ])('when the usage is %s, then it accrues %i fen', (_name, usage, amount) => {
    expect(accrualAmount(usage, policy)).toBe(amount);
  });

  it.each([
    [1.15, 115],
    [0.29, 29],
    [1, 100],
    [0.07, 7],
  ])('when the multiplier is %d, then it is held as %i hundredths', (multiplier, exact) => {
    expect(hundredths(multiplier)).toBe(exact);
  });
});

describe('accrue', () => {
  it('when the use is external, then the accrual carries the usage, the period and the policy version', () => {
    expect(accrue(aUsage(), policy, '2026-12')).toEqual({
      usageId: 'u1',
      providerOrgId: 'uni',
      consumerOrgId: 'firm',
      period: '2026-12',
      minutes: 60,
      end: T0,
      amount: 18_000,
      policyVersion: 3,
    });
  });

  it('when the provider used its own resource, then nothing accrues', () => {
    expect(accrue(aUsage({ consumerOrgId: 'uni' }), policy, '2026-12')).toBeUndefined();
  });
});

describe('accrualPeriod', () => {
  it.each([
    ['nothing is settled', '2026-12', [], '2026-12'],
    ['an earlier period is settled', '2026-12', ['2026-11'], '2026-12'],
    ['its own period is settled', '2026-11', ['2026-11'], '2026-12'],
    ['December is settled', '2026-12', ['2026-12'], '2027-01'],
    ['its period and the next are settled', '2026-11', ['2026-11', '2026-12'], '2027-01'],
  ])('when %s, then usage of %s accrues to %s', (_name, usagePeriod, settled, expected) => {
    expect(accrualPeriod(usagePeriod, new Set(settled))).toBe(expected);
  });

  it.each([
    ['2026-01', '2026-02'],
    ['2026-09', '2026-10'],
    ['2026-12', '2027-01'],
  ])('when the period is %s, then the next is %s', (period, next) => {
    expect(nextPeriod(period)).toBe(next);
  });
});

describe('applyCap', () => {
  it.each([
    [
      'under the cap',
      [anAccrual('a', 100, 1), anAccrual('b', 200, 2)],
      1_000,
      [
        [100, 0],
        [200, 0],
      ],
    ],
    [
      'exactly at the cap',
      [anAccrual('a', 400, 1), anAccrual('b', 600, 2)],
      1_000,
      [
        [400, 0],
        [600, 0],
      ],
    ],
    [
      'crossed inside the second session',
      [anAccrual('a', 700, 1), anAccrual('b', 600, 2), anAccrual('c', 50, 3)],
      1_000,
      [
        [700, 0],
        [300, 300],
        [0, 50],
      ],
    ],
    ['crossed inside the first session', [anAccrual('a', 1_500, 1)], 1_000, [[1_000, 500]]],
    ['a zero cap', [anAccrual('a', 10, 1)], 0, [[0, 10]]],
  ])(
    'when the accruals are %s, then [payable, capped] per session are %j',
    (_name, accruals, cap, expected) => {
      expect(applyCap(accruals, cap).map((a) => [a.payable, a.capped])).toEqual(expected);
    },
  );

  it('when accruals arrive in any order, then the cap follows session end, then usage id', () => {
    const accruals = [anAccrual('late', 600, 9), anAccrual('b-same', 600, 5), anAccrual('a-same', 600, 5)];
    const order = (list: SubsidyAccrual[]) => applyCap(list, 1_000).map((a) => [a.usageId, a.payable]);
    const expected = [
      ['a-same', 600],
      ['b-same', 400],
      ['late', 0],
    ];
    expect(order(accruals)).toEqual(expected);
    expect(order([...accruals].reverse())).toEqual(expected);
  });
});

describe('subsidyLineOf', () => {
  it('when a provider has three external sessions by two orgs crossing the cap, then the line sums them', () => {
    const accruals = [anAccrual('a', 700, 1), anAccrual('b', 600, 2, 'school'), anAccrual('c', 50, 3)];
    expect(subsidyLineOf('uni', '2026-12', accruals, 1_000, 'accruing')).toEqual({
      providerOrgId: 'uni',
      period: '2026-12',
      externalMinutes: 30,
      sessions: 3,
      consumerOrgs: 2,
      accrued: 1_350,
      capped: 350,
      payable: 1_000,
      status: 'accruing',
    });
  });

  it('when a correction withdrew an accrual, then it counts nowhere, not even against the cap', () => {
    const accruals = [
      { ...anAccrual('a', 700, 1), withdrawnBy: 'a2' },
      anAccrual('b', 600, 2),
      anAccrual('a2', 300, 3),
    ];
    expect(subsidyLineOf('uni', '2026-12', accruals, 1_000, 'accruing')).toMatchObject({
      sessions: 2,
      accrued: 900,
      capped: 0,
      payable: 900,
    });
    expect(standingAccruals(accruals).map((a) => a.usageId)).toEqual(['b', 'a2']);
  });

  it('when a provider has no accruals, then every figure is zero', () => {
    expect(subsidyLineOf('uni', '2026-12', [], 1_000, 'settled')).toMatchObject({
      externalMinutes: 0,
      sessions: 0,
      consumerOrgs: 0,
      accrued: 0,
      capped: 0,
      payable: 0,
      status: 'settled',
    });
  });
});

describe('subsidyView', () => {
  it('when a line is shown settled or accruing, then its fields come in one order whatever the object it came from', () => {
    const line = subsidyLineOf('uni', '2026-12', [anAccrual('a', 700, 1)], 1_000, 'settled');
    const shuffled = Object.fromEntries(Object.entries(line).reverse()) as typeof line;
    const settledAt = Date.UTC(2027, 0, 2);
    expect(JSON.stringify(settledView({ ...shuffled, currency: 'CNY', settledAt }))).toBe(
      JSON.stringify(subsidyView(line, 'CNY', settledAt)),
    );
    expect(Object.keys(subsidyView(line, 'CNY'))).toEqual([
      'providerOrgId',
      'period',
      'currency',
      'externalMinutes',
      'sessions',
      'consumerOrgs',
      'accrued',
      'capped',
      'payable',
      'status',
    ]);
  });
});

describe('policyInForce', () => {
  const version = (v: number, period: string, createdAt: number) => ({ version: v, period, createdAt });
  const versions = [
    version(1, '2026-10', 100),
    version(2, '2026-12', 200),
    version(3, '2026-12', 300),
    version(4, '2027-01', 150),
  ];
  it.each([
    {
      when: 'the period has two versions and both were set by then',
      period: '2026-12',
      asOf: 300,
      version: 3,
    },
    {
      when: 'the newer version of the period was set after the record',
      period: '2026-12',
      asOf: 299,
      version: 2,
    },
    { when: 'the period has no version of its own', period: '2026-11', asOf: 1_000, version: 1 },
    { when: 'a later period has one set earlier', period: '2027-02', asOf: 160, version: 4 },
    { when: "the later period's version came after the record", period: '2027-02', asOf: 149, version: 1 },
    { when: 'the record is exactly as old as the version', period: '2026-10', asOf: 100, version: 1 },
    { when: 'no version was set by then', period: '2026-12', asOf: 99, version: undefined },
    { when: 'every version is for a later period', period: '2026-09', asOf: 1_000, version: undefined },
  ])('when $when, then version $version is in force', ({ period, asOf, version: expected }) => {
    expect(policyInForce(versions, period, asOf)?.version).toBe(expected);
    expect(policyInForce([...versions].reverse(), period, asOf)?.version).toBe(expected);
  });
});
