import { describe, expect, it } from 'vitest';
import { applyCap, settledView, subsidyView, type SubsidyAccrual, type SubsidyLine } from './subsidy';

const T0 = Date.UTC(2026, 11, 1, 2, 0);

const anAccrual = (usageId: string, amount: number, end = T0): SubsidyAccrual => ({
  usageId,
  providerOrgId: 'uni',
  consumerOrgId: 'firm',
  period: '2026-12',
  minutes: 60,
  end,
  amount,
  policyVersion: 3,
});

describe('applyCap (sessions ending together)', () => {
  it.each([
    ['in id order', ['u-a', 'u-b', 'u-c']],
    ['in reverse id order', ['u-c', 'u-b', 'u-a']],
    ['mixed', ['u-b', 'u-c', 'u-a']],
  ])(
    'when three sessions end at the same instant and arrive %s, then the cap pays them by usage id',
    (_name, ids) => {
      const capped = applyCap(
        ids.map((id) => anAccrual(id, 4_000)),
        10_000,
      );
      expect(capped.map((a) => [a.usageId, a.payable, a.capped])).toEqual([
        ['u-a', 4_000, 0],
        ['u-b', 4_000, 0],
        ['u-c', 2_000, 2_000],
      ]);
    },
  );
});

const line: SubsidyLine = {
  providerOrgId: 'uni',
  period: '2026-12',
  externalMinutes: 120,
  sessions: 2,
  consumerOrgs: 1,
  accrued: 8_000,
  capped: 0,
  payable: 8_000,
  status: 'accruing',
};

describe('subsidyView / settledView', () => {
  it('when an accruing line is shown, then it has no settledAt', () => {
    const view = subsidyView(line, 'CNY');
    expect(view).toStrictEqual({ ...line, currency: 'CNY' });
    expect('settledAt' in view).toBe(false);
  });

  it.each([
    ['at the epoch', 0, '1970-01-01T00:00:00.000Z'],
    ['on 1 January', Date.UTC(2027, 0, 1, 1), '2027-01-01T01:00:00.000Z'],
  ])(
    'when a line settled %s is shown, then it carries settledAt as an ISO instant',
    (_name, settledAt, iso) => {
      const settled = { ...line, status: 'settled' as const, currency: 'CNY', settledAt };
      expect(settledView(settled)).toMatchObject({ status: 'settled', currency: 'CNY', settledAt: iso });
      expect(subsidyView(line, 'CNY', settledAt).settledAt).toBe(iso);
    },
  );
});
